/**
 * Stage: a measure's support standards. A clause that grants money or a reward, or caps it
 * (`./targets/prose.ts`, `supportStandardClauses`: `对首次认定的高新技术企业给予20万元奖励`, `按增量的10%给予奖励`,
 * `最高不超过200万元`) says what a body is paid, not what the region is to reach: its amounts are not targets. They are
 * what a reader of a measure looks for first, and what a researcher compares across cities; each is kept here with
 * its clause and sentence. Read from paragraphs (a measure's articles), in money (`元`, `万元`, `亿元`) or as a share
 * (`%`); a clause's other numbers (a count of people, a term) are neither.
 */
import type { Block, Incentive } from '../../src/schemas/plan.ts';
import { sentenceRanges, supportStandardClauses } from './targets/prose.ts';
import { findValues } from './targets/values.ts';
import { foldWidth } from '../../src/lib/width.ts';

/** Yuan in one unit of money as `findValues` gives it (money keeps its written unit). */
const YUAN: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8, 万亿元: 1e12 };
const SHARE = /^[%％]$/u;
/**
 * Whom a sentence grants to: `对` and the words after it, to a clause mark or the verb that grants (`对首次认定的高新技术
 * 企业给予` → `首次认定的高新技术企业`), the last such before the amount. `对…的` conditions are kept whole: they say who.
 * Not `对接`, `对外`, `对于`, `对照`, `对标`, `对比`, `对此`, `对应`, `对象`.
 */
const RECIPIENT = /对(?![接外于照标比此应象])([^，。；,;：:]{2,40}?)(?=[，,]|给予|予以|按|一次性|奖励|补助|资助|补贴)/gu;

function recipientOf(sentence: string, before: number): string | null {
  let found: string | null = null;
  for (const m of sentence.matchAll(RECIPIENT)) if (m.index < before) found = m[1]!.trim();
  return found;
}

/** Before an amount in its clause: the amount is the most a body may get. */
const CAP = /最高|不超过|不高于|最多|上限|封顶/u;

export function extractIncentives(blocks: Block[]): Incentive[] {
  const incentives: Incentive[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph' || block.part !== 'body') continue;
    const text = block.text;
    const clauses = supportStandardClauses(text);
    if (clauses.length === 0) continue;
    const sentences = sentenceRanges(text);
    // Read width-folded (`３０％`; one code point for one, so offsets are the text's), given as written.
    for (const v of findValues(foldWidth(text)).values) {
      const clause = clauses.find(([a, b]) => v.start >= a && v.start < b);
      if (!clause || !(v.unit in YUAN || SHARE.test(v.unit))) continue;
      const [sa, sb] = sentences.find(([a, b]) => v.start >= a && v.start < b)!;
      incentives.push({
        id: `i${incentives.length + 1}`,
        valueText: text.slice(v.start, v.end),
        value: v.value,
        unit: SHARE.test(v.unit) ? '%' : v.unit,
        yuan: v.unit in YUAN && v.value !== null ? Math.round(v.value * YUAN[v.unit]!) : null,
        cap: CAP.test(text.slice(clause[0], v.start)),
        clause: text.slice(clause[0], clause[1]).replace(/[，,；;。！？!?]$/u, '').trim(),
        recipient: recipientOf(text.slice(sa, sb), v.start - sa),
        quote: text.slice(sa, sb).trim(),
        blockId: block.id,
        start: v.start,
        end: v.end,
        line: block.lines[0]!,
      });
    }
  }
  return incentives;
}
