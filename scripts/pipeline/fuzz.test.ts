/**
 * Fuzzing the pipeline: seeded random mutations of the real seeds, and a few special inputs. The outcome of every
 * case is pinned in a checked-in table, tests/fixtures/fuzz/outcomes.yaml (case id → `renders` or
 * `fails: <why>`), so that a case that starts failing, or a failure whose message changes, fails its own test.
 *
 * - `renders`: the document is built and rendered; its text holds every character of the input (outside listed
 *   removals and repairs) and its MDX contains no markup made from text.
 * - `fails: <why>`: ingest stops with an `IngestError` whose message names the file and a line or byte, then
 *   says why (`<why>` is a substring of it). Any other exception fails.
 * - A case whose mutations cannot remove text (so cannot remove the title) must render whatever the table says.
 * - The input of each case is pinned by a SHA-256 prefix: a changed seed or generator fails with "regenerate".
 *
 * The table is written with judgement, not copied: `UPDATE_FUZZ=1 npx vitest run --project unit
 * scripts/pipeline/fuzz.test.ts` writes a DRAFT, tests/fixtures/fuzz/outcomes.draft.yaml, from what the code does
 * now. Review every changed line (is a new failure right, or a bug?) before moving it over outcomes.yaml. A
 * normal run never writes anything.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { createRandom, type Random } from '../lib/random.ts';
import { encodeGbk } from '../lib/gbk.ts';
import { loadRegistries } from '../registries.ts';
import { buildPlanDocument } from './document.ts';
import { decodeSeed } from './decode.ts';
import { IngestError } from './errors.ts';
import { expectedLines, findFirstLoss } from './lossless.ts';
import { renderMdx } from './mdx.ts';
import { readBackMdx } from './mdx-readback.ts';

const TABLE = 'tests/fixtures/fuzz/outcomes.yaml';
const DRAFT = 'tests/fixtures/fuzz/outcomes.draft.yaml';
const UPDATE = process.env.UPDATE_FUZZ === '1';

const registries = { ...loadRegistries('seeds', 'content'), corrections: {}, catalog: {} };
const seedFiles = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
const seeds = seedFiles.map((f) => readFileSync(`seeds/${f}`, 'utf8'));
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
/** The only mutations that drop text; every other one keeps every character, so the title is always there. */
const REMOVES_TEXT = new Set(['truncate', 'delete lines']);

interface Case {
  id: string;
  name: string;
  bytes: Uint8Array;
  /** How the input was made, for the table and the failure messages. */
  input: string;
  /** True when no applied mutation removes text: such a case must render. */
  keepsText: boolean;
}

const EOL: Record<string, string> = { '\n': 'LF', '\r\n': 'CRLF', '\r': 'CR' };

/** Case n: the same bytes on every machine and every run (mulberry32 seeded with 1000 + n). */
function makeCase(n: number): Case {
  const r = createRandom(1000 + n);
  const seed = r.pick(seeds);
  const lines = seed.split('\n');
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
  const seedFile = seedFiles[seeds.indexOf(seed)]!;
  return {
    id: `fuzz-${n}`,
    name: `fuzz-${n}.txt`,
    bytes,
    input: `seed ${seedFile.slice(0, 3)}, ${encoding}, ${EOL[eol]}: ${applied.join(' + ')}`,
    keepsText: applied.every((m) => !REMOVES_TEXT.has(m)),
  };
}

/** Special cases: sizes and kinds of input a mutation does not produce. */
function specialCases(): Case[] {
  const r = createRandom(99);
  const noise = new Uint8Array(4096).map(() => r.int(0, 255));
  const big = seeds[4]!.repeat(Math.ceil((10 * 1024 * 1024) / utf8(seeds[4]!).length));
  const special = (id: string, bytes: Uint8Array, input: string, keepsText: boolean): Case => ({ id, name: `${id}.txt`, bytes, input, keepsText });
  return [
    special('empty', new Uint8Array(), 'no bytes', false),
    special('noise', noise, '4096 random bytes', false),
    special('noise-in-text', new Uint8Array([...utf8(seeds[0]!.slice(0, 300)), ...noise.slice(0, 64)]), 'the first 300 characters of seed 000, then 64 random bytes', false),
    special('only-blank', utf8('\n\n   \r\n\u3000\n'), 'blank lines, spaces and an ideographic space', false),
    // Seed 004 repeated to 10 MB: a large plan must not hit a size limit, a stack limit or quadratic time.
    special('ten-megabytes', utf8(big), 'seed 004 repeated to 10 MB', true),
  ];
}

const CASES = 300;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);

const OutcomeSchema = z.string().regex(/^(renders|fails: .+)$/u, 'must be `renders` or `fails: <part of the message>`');
const TableSchema = z.record(z.string(), z.strictObject({ input: z.string(), sha256: z.string().regex(/^[0-9a-f]{12}$/u), expect: OutcomeSchema }));
// Without the table only a draft run may go on (it writes the draft); a normal run fails at once, saying how to make one.
if (!existsSync(TABLE) && !UPDATE) throw new Error(`${TABLE} is missing: draft it with UPDATE_FUZZ=1 npx vitest run --project unit scripts/pipeline/fuzz.test.ts and review it`);
const table = existsSync(TABLE) ? TableSchema.parse(parse(readFileSync(TABLE, 'utf8'))) : {};

/** What the code does with the case now: `renders`, or `fails: <IngestError.what>`. Lossless checks run on render. */
function run(c: Case): string {
  let doc;
  try {
    doc = buildPlanDocument({ name: c.name, path: `fuzz/${c.name}`, bytes: c.bytes }, registries);
  } catch (e) {
    if (!(e instanceof IngestError)) throw new Error(`${c.id} (${c.input}): crashed without a clear message: ${(e as Error).stack}`);
    // The message names the file and a line or byte, then says why.
    expect(e.message, `${c.id}: the error must name the file and a line or byte`).toMatch(new RegExp(`^fuzz/${c.name.replace('.', '\\.')}(:\\d+| \\(byte \\d+\\)): \\S`, 'u'));
    return `fails: ${e.what}`;
  }
  const source = decodeSeed(c.bytes, c.name).text;
  const expected = expectedLines(source, doc);
  expect(expected.length, `${c.id}: a rendered case has text to check`).toBeGreaterThan(0);
  const back = readBackMdx(renderMdx(doc));
  expect(back.foreign, `${c.id}: markup made from text`).toEqual([]);
  expect(findFirstLoss(expected, back.text), `${c.id}: text lost`).toBeNull();
  return 'renders';
}

const observed = new Map<string, { c: Case; outcome: string }>();

function checkCase(c: Case) {
  const entry = table[c.id];
  let outcome: string;
  try {
    outcome = run(c);
  } catch (e) {
    // Not a valid table entry on purpose: the draft cannot be taken over without looking at it.
    if (UPDATE) observed.set(c.id, { c, outcome: `BROKEN (crash or lost text): ${(e as Error).message.split('\n')[0]}` });
    throw e;
  }
  // Recorded before any assertion on the table, so that UPDATE_FUZZ=1 drafts every case.
  if (UPDATE) observed.set(c.id, { c, outcome });
  expect(entry, `${c.id} (${c.input}) has no entry in ${TABLE}: draft one with UPDATE_FUZZ=1 and review it`).toBeDefined();
  expect(sha(c.bytes), `${c.id}: the input is not the one the table was written for (seeds or generator changed): draft the table again with UPDATE_FUZZ=1 and review it`).toBe(entry!.sha256);
  if (c.keepsText) expect(entry!.expect, `${c.id} (${c.input}) removes no text, so it must render`).toBe('renders');
  if (entry!.expect === 'renders') expect(outcome, `${c.id} (${c.input})`).toBe('renders');
  else expect(outcome, `${c.id} (${c.input}): expected to stop with "${entry!.expect.slice('fails: '.length)}"`).toContain(entry!.expect.slice('fails: '.length));
}

const fuzzCases = Array.from({ length: CASES }, (_, n) => n);
const specials = specialCases();

describe('fuzz: the pipeline on mutated seeds, each outcome pinned in tests/fixtures/fuzz/outcomes.yaml', () => {
  test('the table has exactly one entry per case', () => {
    const ids = [...fuzzCases.map((n) => `fuzz-${n}`), ...specials.map((c) => c.id)];
    expect(ids).toHaveLength(CASES + 5);
    expect(Object.keys(table).sort()).toEqual([...ids].sort());
  });

  test('cases are deterministic: the same number gives the same bytes', () => {
    expect(sha(makeCase(7).bytes)).toBe(sha(makeCase(7).bytes));
    expect(sha(makeCase(7).bytes)).not.toBe(sha(makeCase(8).bytes));
  });

  test.each(fuzzCases)('fuzz-%i', (n) => checkCase(makeCase(n)), 60_000);

  test.each(specials.map((c) => [c.id, c] as const))('%s', (_id, c) => checkCase(c), 240_000);
});

afterAll(() => {
  if (!UPDATE) return;
  // A draft only, never the table itself: a person decides whether a changed outcome is right or a bug.
  const lines = [...fuzzCases.map((n) => `fuzz-${n}`), ...specials.map((c) => c.id)].flatMap((id) => {
    const o = observed.get(id);
    return o ? [`${id}: { input: ${JSON.stringify(o.c.input)}, sha256: '${sha(o.c.bytes)}', expect: ${JSON.stringify(o.outcome)} }`] : [];
  });
  writeFileSync(DRAFT, `# DRAFT written by UPDATE_FUZZ=1 from what the code does now: review every change against ${TABLE}, then move it over.\n${lines.join('\n')}\n`);
  console.warn(`fuzz: wrote ${DRAFT} (${lines.length} cases); review it before it replaces ${TABLE}`);
});
