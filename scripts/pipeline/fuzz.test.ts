/**
 * Fuzzing the pipeline: seeded random mutations of the real seeds. Every case must either produce a document
 * whose text holds every character of its input (outside listed removals and repairs) and whose MDX contains no
 * markup made from text, or stop with an `IngestError` that names the file and a line or byte. Anything else
 * (another exception, a silent loss) fails, and the failing case can be replayed from its number.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createRandom, type Random } from '../lib/random.ts';
import { encodeGbk } from '../lib/gbk.ts';
import { loadRegistries } from '../registries.ts';
import { buildPlanDocument } from './document.ts';
import { decodeSeed } from './decode.ts';
import { IngestError } from './errors.ts';
import { expectedLines, findFirstLoss } from './lossless.ts';
import { renderMdx } from './mdx.ts';
import { readBackMdx } from './mdx-readback.ts';

const registries = { ...loadRegistries('seeds', 'content'), corrections: {}, catalog: {} };
const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(`seeds/${f}`, 'utf8'));
const utf8 = (s: string) => new TextEncoder().encode(s);

const INJECT = ['{', '}', '{如此}', '<', '>', '<5%', '|', '*', '_', '\\', '`', '#', '# 标题', 'import x from "y"', 'export const a = 1', '<script>alert(1)</script>', '<!-- -->', '[链接](http://x)', '~~删~~', '**加粗**', '&amp;', '  ', '\t'];
const WIDTH: [string, string][] = [['(', '（'], [')', '）'], [':', '：'], [',', '，'], ['.', '．'], ['、', '.']];

type Mutation = (lines: string[], r: Random) => string[];
const MUTATIONS: Record<string, Mutation> = {
  truncate: (l, r) => l.slice(0, r.int(1, l.length)),
  'delete lines': (l, r) => l.filter(() => !r.chance(0.2)),
  'duplicate lines': (l, r) => l.flatMap((x) => (r.chance(0.15) ? [x, x] : [x])),
  'shuffle paragraphs': (l, r) => {
    const out = [...l];
    for (let i = out.length - 1; i > 0; i--) {
      if (!r.chance(0.3)) continue;
      const j = r.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  },
  'inject markup': (l, r) =>
    l.map((x) => {
      if (!r.chance(0.3)) return x;
      const at = r.int(0, x.length);
      const token = r.pick(INJECT);
      return r.chance(0.3) ? `${token} ${x}` : x.slice(0, at) + token + x.slice(at);
    }),
  'mix widths': (l, r) => l.map((x) => WIDTH.reduce((s, [a, b]) => (r.chance(0.5) ? s.split(a).join(b) : s.split(b).join(a)), x)),
  'cut lines': (l, r) => l.flatMap((x) => (x.length > 10 && r.chance(0.2) ? [x.slice(0, x.length >> 1), x.slice(x.length >> 1)] : [x])),
};

interface Case {
  name: string;
  bytes: Uint8Array;
}

function makeCase(n: number): Case {
  const r = createRandom(1000 + n);
  const lines = r.pick(seeds).split('\n');
  const names = Object.keys(MUTATIONS);
  let mutated = lines;
  const applied: string[] = [];
  for (let k = r.int(1, 3); k > 0; k--) {
    const m = r.pick(names);
    applied.push(m);
    mutated = MUTATIONS[m]!(mutated, r);
  }
  const eol = r.pick(['\n', '\r\n', '\r']);
  let text = mutated.join(eol);
  const encoding = r.pick(['utf-8', 'utf-8', 'utf-8-bom', 'gbk']);
  if (encoding === 'utf-8-bom') text = `\ufeff${text}`;
  const bytes = encoding === 'gbk' ? encodeGbk(text) : utf8(text);
  return { name: `fuzz-${n}.txt`, bytes };
}

/** Special cases: sizes and kinds of input a mutation does not produce. */
function specialCases(): Case[] {
  const r = createRandom(99);
  const noise = new Uint8Array(4096).map(() => r.int(0, 255));
  const big = seeds[4]!.repeat(Math.ceil((10 * 1024 * 1024) / utf8(seeds[4]!).length));
  return [
    { name: 'empty.txt', bytes: new Uint8Array() },
    { name: 'noise.txt', bytes: noise },
    { name: 'noise-in-text.txt', bytes: new Uint8Array([...utf8(seeds[0]!.slice(0, 300)), ...noise.slice(0, 64)]) },
    { name: 'only-blank.txt', bytes: utf8('\n\n   \r\n\u3000\n') },
    { name: 'ten-megabytes.txt', bytes: utf8(big) },
  ];
}

function check(c: Case): 'ok' | 'error' {
  let doc;
  try {
    doc = buildPlanDocument({ name: c.name, path: `fuzz/${c.name}`, bytes: c.bytes }, registries);
  } catch (e) {
    if (!(e instanceof IngestError)) throw new Error(`${c.name}: crashed without a clear message: ${(e as Error).stack}`);
    expect(e.message, `${c.name}: the error must name the file and a line or byte`).toMatch(new RegExp(`^fuzz/${c.name.replace('.', '\\.')}(:\\d+| \\(byte \\d+\\))`, 'u'));
    return 'error';
  }
  const source = decodeSeed(c.bytes, c.name).text;
  const expected = expectedLines(source, doc);
  const back = readBackMdx(renderMdx(doc));
  expect(back.foreign, `${c.name}: markup made from text`).toEqual([]);
  expect(findFirstLoss(expected, back.text), `${c.name}: text lost`).toBeNull();
  return 'ok';
}

describe('fuzz: the pipeline on mutated seeds', () => {
  const CASES = 300;
  test(`${CASES} seeded mutations either render losslessly or stop with file and line`, () => {
    const outcome = { ok: 0, error: 0 };
    for (let n = 0; n < CASES; n++) outcome[check(makeCase(n))]++;
    console.log(`fuzz: ${CASES} cases, ${outcome.ok} rendered losslessly, ${outcome.error} stopped with a clear error`);
    expect(outcome.ok).toBeGreaterThan(CASES / 2);
  }, 120_000);

  test.each(specialCases().map((c) => [c.name, c] as const))('%s', (_name, c) => {
    check(c);
  }, 120_000);
});
