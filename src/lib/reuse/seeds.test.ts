/**
 * Text reuse on the real seeds: passages read in seeds/*.txt by hand are found between the right plans, and each
 * plan's share does not move when the texts are rewritten in ways that change no word (widths, spaces, lines).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistries } from '../../../scripts/registries.ts';
import { buildPlanDocument, type Registries } from '../../../scripts/pipeline/document.ts';
import { decodeSeed } from '../../../scripts/pipeline/decode.ts';
import type { PlanDocument } from '../../schemas/plan.ts';
import { findTextReuse, reuseInput, type SharedPassage } from './index.ts';

const files = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
const sources = files.map((f) => decodeSeed(readFileSync(join('seeds', f)), f).text);

function build(reg: Registries, rewrite: (text: string) => string = (t) => t): PlanDocument[] {
  return files.map((name, i) => buildPlanDocument({ name, path: name, bytes: new TextEncoder().encode(rewrite(sources[i]!)) }, reg));
}

/** The seed lines the passage's occurrences are read from, as `<file prefix>:<line>` (e.g. `000:67`). */
function sourceLines(passage: SharedPassage, docs: PlanDocument[]): string[] {
  return passage.occurrences.flatMap((o) => {
    const doc = docs.find((d) => d.slug === o.slug)!;
    const block = doc.blocks.find((b) => b.id === o.segments[0]!.blockId)!;
    return block.lines.map((l) => `${doc.source.file.slice(0, 3)}:${l}`);
  });
}

describe('text reuse in the seeds', () => {
  const docs = build(loadRegistries('seeds', 'content'));
  const reuse = findTextReuse(docs.map(reuseInput));
  const containing = (s: string) => reuse.passages.filter((p) => p.key.includes(s));

  it('finds the specific measure only 000 (北辰, line 67) and 002 (红桥, line 24) print', () => {
    // 000:67 …推动高新技术企业培育库与企业登记信息库、知识产权数据库等多库联动…; 002:24 …推动国家高新技术企业培育库与…
    const found = containing('高新技术企业培育库与企业登记信息库知识产权数据库');
    expect(found).toHaveLength(1);
    expect(found[0]!.plans).toEqual(['beichen-2020-2022', 'hongqiao-2020-2022']);
    expect(sourceLines(found[0]!, docs)).toEqual(['000:67', '002:24']);
  });

  it('finds the formula 以习近平新时代中国特色社会主义思想为指导 in the four plans that print it (all but the 2014 news report)', () => {
    const found = containing('以习近平新时代中国特色社会主义思想为指导');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.plans).toEqual(['beichen-2020-2022', 'hongqiao-2020-2022', 'baodi-14th-five-year', 'xinji-14th-five-year']);
    // The formula is shared by more plans than the specific measure: it ranks above it.
    expect(found[0]!.rank).toBeLessThan(containing('高新技术企业培育库与企业登记信息库知识产权数据库')[0]!.rank);
  });

  it('gives every plan a share between 0 and 1, and text shared by some plan', () => {
    const plans = [...reuse.plans.values()];
    expect(plans.map((p) => p.slug)).toEqual(docs.map((d) => d.slug));
    for (const p of plans) {
      expect(p.share).toBeGreaterThan(0);
      expect(p.share).toBeLessThan(1);
      expect(p.sharedChars + p.repeatedChars).toBeLessThanOrEqual(p.chars);
    }
  });

  describe('shares stay put when the texts change no word', () => {
    // Curated corrections match the seed text exactly, and a rewritten text would not match them: both sides of
    // the comparison are read without them.
    const reg = { ...loadRegistries('seeds', 'content'), corrections: {} };
    const before = findTextReuse(build(reg).map(reuseInput)).plans;

    /** Full-width ↔ half-width for every ASCII and full-width form, U+3000 ↔ space. */
    const swapWidth = (s: string) =>
      s.replace(/[\u0021-\u007e\uff01-\uff5e \u3000]/gu, (c) => {
        const x = c.codePointAt(0)!;
        if (c === ' ') return '\u3000';
        if (c === '\u3000') return ' ';
        return String.fromCodePoint(x < 0x80 ? x + 0xfee0 : x - 0xfee0);
      });
    /** A space after every fifth character of each line, two at each line's end. */
    const addSpaces = (s: string) => s.split('\n').map((l) => `${[...l].map((c, i) => (i % 5 === 4 ? `${c} ` : c)).join('')}  `).join('\n');
    /** CRLF, a blank line after every line, and lines over 80 characters broken after their first comma past 40. */
    const rebreak = (s: string) =>
      s
        .split(/\r?\n/u)
        .flatMap((l) => {
          const at = l.length > 80 ? l.slice(40).search(/[，,]/u) : -1;
          return at === -1 ? [l, ''] : [l.slice(0, 40 + at + 1), l.slice(40 + at + 1), ''];
        })
        .join('\r\n');

    const rewrites: [string, (s: string) => string][] = [
      ['widths swapped', swapWidth],
      ['spaces added', addSpaces],
      ['lines broken and spaced', rebreak],
      ['all three', (s) => rebreak(addSpaces(swapWidth(s)))],
    ];
    it.each(rewrites)('%s', (_, rewrite) => {
      const after = findTextReuse(build(reg, rewrite).map(reuseInput)).plans;
      expect([...after.keys()]).toEqual([...before.keys()]);
      expect(before.size).toBe(files.length);
      for (const [slug, b] of before) {
        const a = after.get(slug)!;
        // The page shows the share to 0.1 percentage point: a rewrite that changes no word must not move it by
        // more than that. Only the count of characters may move, where ingest reads a rewritten line into the
        // notice or the portal's furniture rather than the body: at most 1% of the plan.
        expect(Math.abs(a.share - b.share), slug).toBeLessThanOrEqual(0.001);
        expect(Math.abs(a.chars - b.chars), slug).toBeLessThanOrEqual(b.chars * 0.01);
      }
    });
  });
});
