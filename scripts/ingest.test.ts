/**
 * The ingest runner over a folder: one bad text does not stop a library. Each test works in its own temporary
 * folder holding copies of the real seeds (and catalog) plus hand-made bad texts: an empty file, a file of bytes
 * that are neither UTF-8 nor GBK/GB18030, and a file of nothing but portal chrome. Lenient runs write the good
 * texts and list the bad ones (file, line, what to do); `--strict` runs fail and write nothing.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { PlanDocument } from '../src/schemas/plan.ts';
import { CACHE_FILE, FAILURES_FILE, ingest, reportOf, writeOutputs, type FailuresFile, type IngestOptions, type IngestReport } from './ingest.ts';

// A text named `zz_boom.txt` makes the pipeline throw a plain error: how a bug in a stage shows.
vi.mock('./pipeline/document.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./pipeline/document.ts')>();
  return {
    ...actual,
    buildPlanDocument: (seed: { name: string }, reg: unknown) => {
      if (seed.name === 'zz_boom.txt') throw new TypeError('boom: a bug in a stage');
      return actual.buildPlanDocument(seed as Parameters<typeof actual.buildPlanDocument>[0], reg as Parameters<typeof actual.buildPlanDocument>[1]);
    },
  };
});

const SEEDS = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
const enc = (s: string) => new TextEncoder().encode(s);

/**
 * Another printing of a text: the same plan (region, period, title) with one line more, so not the same bytes (a
 * copy byte for byte is a duplicate, made once: the test "a text scraped twice …").
 */
const reprinted = (bytes: Uint8Array, n = 1): Uint8Array => new Uint8Array([...bytes, ...enc(`\n（本文第${n}次转载）\n`)]);

/** The bad texts: name → bytes. */
const BAD: Record<string, Uint8Array> = {
  // Empty.
  'a_empty.txt': new Uint8Array(0),
  // Valid UTF-8 on lines 1–2, then 0xFF 0xFE on line 3 (byte 50): neither UTF-8 nor GB18030 (0xFF is no lead byte).
  'b_bad-bytes.txt': new Uint8Array([...enc('某区科技创新规划\n一、总体要求\n正文'), 0xff, 0xfe, ...enc('乱码\n')]),
  // Nothing but portal chrome (rules of content/chrome.yaml that hold at the head or anywhere): no body is left.
  'c_chrome-only.txt': enc('位置:首页--政务公开--政策文件\n字体大小:\n[关闭窗口]\n[打印本页]\n'),
};

let work: string | undefined;
afterEach(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

/** A temporary library: the real seeds and catalog, plus `extra` files; returns its folders. */
function library(extra: Record<string, Uint8Array> = BAD, catalog?: string): { seeds: string; out: string } {
  work = mkdtempSync(join(tmpdir(), 'ingest-test-'));
  const seeds = join(work, 'seeds');
  mkdirSync(seeds);
  for (const f of SEEDS) copyFileSync(join('seeds', f), join(seeds, f));
  if (catalog === undefined) copyFileSync('seeds/catalog.yaml', join(seeds, 'catalog.yaml'));
  else writeFileSync(join(seeds, 'catalog.yaml'), catalog);
  for (const [name, bytes] of Object.entries(extra)) writeFileSync(join(seeds, name), bytes);
  return { seeds, out: join(work, 'plans') };
}

function run(seeds: string, out: string, strict: boolean): ReturnType<typeof ingest> {
  const opts: IngestOptions = { seedsDir: seeds, outDir: out, contentDir: 'content', check: false, strict, log: () => {} };
  return ingest(opts);
}

/** A lenient run that must raise no error and make a plan of every real seed, whatever else the library holds. */
function runReadingEverySeed(seeds: string, out: string): ReturnType<typeof ingest> {
  const r = run(seeds, out, false);
  expect(r.errors).toEqual([]);
  expect(r.plans.map((p) => p.source.file)).toEqual(SEEDS);
  return r;
}

/** Where each failure is and of what kind, its message aside. */
const failurePlaces = (r: ReturnType<typeof ingest>) => r.failures.map(({ file, line, kind }) => ({ file, line, kind }));

/** `node scripts/ingest.ts …` as npm runs it; INGEST_STRICT from the test's environment is not passed on. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; stdout: string; stderr: string } {
  const { INGEST_STRICT: _, ...inherited } = process.env;
  const r = spawnSync(process.execPath, ['scripts/ingest.ts', ...args], { env: { ...inherited, ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const slugOf = (seed: string): string => {
  const m = new RegExp(`^${seed.replace('.', '\\.')}:\\n  slug: (\\S+)`, 'mu').exec(readFileSync('seeds/catalog.yaml', 'utf8'));
  if (!m) throw new Error(`no slug for ${seed} in seeds/catalog.yaml`);
  return m[1]!;
};

// Each test ingests the real seeds once or twice (the command tests in a child process): seconds on a busy machine.
describe('ingest() on a library with bad texts', { timeout: 60_000 }, () => {
  test('lenient: the good texts become plans, the bad ones are listed with file, line and kind', () => {
    const { seeds, out } = library();
    const r = runReadingEverySeed(seeds, out);
    expect(failurePlaces(r)).toEqual([
      { file: 'a_empty.txt', line: 1, kind: 'empty' },
      { file: 'b_bad-bytes.txt', line: 3, kind: 'encoding' },
      { file: 'c_chrome-only.txt', line: 1, kind: 'no-body' },
    ]);
    // Each message names the file and line and says what to do.
    for (const f of r.failures) {
      expect(f.message).toMatch(new RegExp(`${f.file.replace('.', '\\.')}(:\\d+| \\(byte \\d+\\)): `, 'u'));
      expect(f.message).toMatch(/\n {2}hint: \S/u);
    }
    expect(r.failures[1]!.message).toContain('b_bad-bytes.txt (byte 50): byte 0xff at offset 50 is neither UTF-8 nor');
    // Three files per plan and the failures file; nothing for the skipped texts.
    expect([...r.files.keys()].sort()).toEqual([FAILURES_FILE, ...SEEDS.map(slugOf).flatMap((s) => [`${s}.json`, `${s}.mdx`, `${s}.txt`])].sort());
    const failuresFile = JSON.parse(r.files.get(FAILURES_FILE)!) as FailuresFile;
    expect(failuresFile.failures).toEqual(r.failures);
  });

  test('a UTF-16 text with its byte-order mark becomes a plan whose plain text is UTF-8; a cut one and a saved web page are listed by kind', () => {
    const hostile = (f: string) => readFileSync(join('tests/fixtures/hostile', f));
    const { seeds, out } = library({ 'u_utf16le.txt': hostile('utf16le.txt'), 'v_utf16-cut.txt': hostile('utf16-cut.txt'), 'w_page.txt': hostile('html-page.txt') });
    const r = run(seeds, out, false);
    expect(r.errors).toEqual([]);
    expect(failurePlaces(r)).toEqual([
      { file: 'v_utf16-cut.txt', line: 3, kind: 'encoding' },
      { file: 'w_page.txt', line: 1, kind: 'html-page' },
    ]);
    const plan = r.plans.find((p) => p.source.file === 'u_utf16le.txt')!;
    expect(plan.source.encoding).toBe('utf-16le-bom');
    // The plain text as the site offers it: the decoded text in UTF-8, no byte-order mark, line ends as they were.
    expect(r.files.get(`${plan.slug}.txt`)).toBe(new TextDecoder('utf-16le').decode(hostile('utf16le.txt')));
    expect(r.files.get(`${plan.slug}.txt`)).toMatch(/^某县科技创新“十四五”规划\r\n/u);
  });

  test('a text scraped twice (the same bytes under another name) is made once; the copy is listed, naming the first, in every run', () => {
    const copy = readFileSync(join('seeds', SEEDS[0]!));
    const { seeds, out } = library({ 'zz_copy.txt': copy });
    const first = { file: 'zz_copy.txt', line: 1, kind: 'duplicate' };
    for (const incremental of [false, true, true]) {
      const r = ingest({ seedsDir: seeds, outDir: out, contentDir: 'content', check: false, strict: false, incremental, log: () => {} });
      expect(r.errors).toEqual([]);
      expect(failurePlaces(r)).toEqual([first]);
      expect(r.failures[0]!.message).toBe(`${join(seeds, 'zz_copy.txt')}:1: the same text, byte for byte, as ${SEEDS[0]} (the plan ${slugOf(SEEDS[0]!)}): a text is made into one plan\n  hint: remove one of the two files from the seeds folder`);
      expect(r.stats).toHaveLength(SEEDS.length);
      writeOutputs(out, r.files, r.kept);
    }
    // Strict: an error of the run.
    expect(run(seeds, out, true).errors).toEqual([expect.stringMatching(/zz_copy\.txt:1: the same text, byte for byte, as /u)]);
  });

  test('a text with nothing but a title has no body; nor has one of only chrome, even with a title from the catalog', () => {
    const catalog = `${readFileSync('seeds/catalog.yaml', 'utf8')}\nc_chrome-only.txt:\n  title: 某区科技创新规划\n`;
    const { seeds, out } = library({ 'c_chrome-only.txt': BAD['c_chrome-only.txt']!, 'd_title-only.txt': enc('某区科技创新规划\n') }, catalog);
    const r = run(seeds, out, false);
    expect(r.plans).toHaveLength(SEEDS.length);
    expect(r.failures).toEqual([
      {
        file: 'c_chrome-only.txt',
        line: 1,
        kind: 'no-body',
        message: expect.stringMatching(/c_chrome-only\.txt:1: no (body|document) text.*\n {2}hint: /u),
      },
      {
        file: 'd_title-only.txt',
        line: 1,
        kind: 'no-body',
        message: expect.stringMatching(/d_title-only\.txt:1: no body text found after the title\n {2}hint: put the text of the plan in d_title-only\.txt, or remove it from the seeds folder$/u),
      },
    ]);
  });

  test('strict: every bad text is an error of the run', () => {
    const { seeds, out } = library();
    const r = run(seeds, out, true);
    expect(r.failures).toHaveLength(3);
    expect(r.errors).toEqual(r.failures.map((f) => f.message));
  });

  test('a library with no bad texts has no failures and an empty failures file, lenient or strict', () => {
    const { seeds, out } = library({});
    for (const strict of [false, true]) {
      const r = run(seeds, out, strict);
      expect(r.errors).toEqual([]);
      expect(r.failures).toEqual([]);
      expect(JSON.parse(r.files.get(FAILURES_FILE)!)).toEqual({ failures: [] });
    }
  });

  test('an internal error (a bug) for one text skips that text with the stack; strict fails the run', () => {
    const { seeds, out } = library({ 'zz_boom.txt': enc('某区科技创新规划\n一、总体要求\n正文。\n') });
    const lenient = run(seeds, out, false);
    expect(lenient.errors).toEqual([]);
    expect(lenient.plans).toHaveLength(SEEDS.length);
    expect(lenient.failures).toHaveLength(1);
    const f = lenient.failures[0]!;
    expect(f).toMatchObject({ file: 'zz_boom.txt', line: null, kind: 'internal' });
    expect(f.message).toMatch(/zz_boom\.txt: internal error while reading this text: boom: a bug in a stage\n {2}hint: this is a bug/u);
    expect(f.stack).toContain('TypeError: boom');
    const strict = run(seeds, out, true);
    expect(strict.errors).toHaveLength(1);
    expect(strict.errors[0]).toContain('TypeError: boom');
  });

  test('a slug clash skips the second text with the catalog fix', () => {
    const catalog = `${readFileSync('seeds/catalog.yaml', 'utf8')}\nzz_clash.txt:\n  slug: ${slugOf(SEEDS[0]!)}\n`;
    const { seeds, out } = library({ 'zz_clash.txt': reprinted(readFileSync(join('seeds', SEEDS[1]!))) }, catalog);
    const r = run(seeds, out, false);
    expect(r.errors).toEqual([]);
    expect(r.plans).toHaveLength(SEEDS.length);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({ file: 'zz_clash.txt', line: null, kind: 'other' });
    expect(r.failures[0]!.message).toContain(`zz_clash.txt: slug "${slugOf(SEEDS[0]!)}" is already used by ${SEEDS[0]}\n  hint: set a different \`slug:\` for zz_clash.txt in seeds/catalog.yaml`);
  });

  test('two texts of the same region and period both become plans: the later derived slug takes a hash of its file name', () => {
    const text = readFileSync('tests/fixtures/sixth/' + readdirSync('tests/fixtures/sixth').find((f) => f.endsWith('.txt'))!);
    const { seeds, out } = library({ 'zz_a.txt': text, 'zz_b.txt': reprinted(text) });
    const r = run(seeds, out, true);
    expect(r.errors).toEqual([]);
    const a = r.plans.find((p) => p.source.file === 'zz_a.txt')!.slug;
    const b = r.plans.find((p) => p.source.file === 'zz_b.txt')!.slug;
    expect(b).toMatch(new RegExp(`^${a}-[0-9a-f]{6}$`, 'u'));
  });

  test('registry errors stop the whole run, lenient too: a broken catalog, a catalog entry naming no file', () => {
    let { seeds, out } = library(BAD, `${SEEDS[0]}:\n  kind: no-such-kind\n`);
    let r = run(seeds, out, false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/catalog\.yaml:2 › .*kind/u);
    expect(r.plans).toEqual([]);
    expect(r.files.size).toBe(0);
    rmSync(work!, { recursive: true, force: true });
    ({ seeds, out } = library(BAD, `${readFileSync('seeds/catalog.yaml', 'utf8')}\nzz_missing.txt:\n  slug: missing\n`));
    r = run(seeds, out, false);
    // The entry's key line: the seeds' catalog, a blank line, then `zz_missing.txt:`.
    const keyLine = readFileSync('seeds/catalog.yaml', 'utf8').split('\n').length + 1;
    expect(r.errors).toEqual([expect.stringContaining(`catalog.yaml:${keyLine}: entry zz_missing.txt names no file in`)]);
    expect(r.files.size).toBe(0);
  });
});

describe('npm run ingest (the command)', { timeout: 120_000 }, () => {
  test('lenient: exit 0, good texts written, stale plans removed, failures listed at the end and in _failures.json', () => {
    const { seeds, out } = library();
    mkdirSync(out);
    for (const ext of ['mdx', 'json', 'txt']) writeFileSync(join(out, `gone-plan.${ext}`), 'stale');
    const r = cli(['--seeds', seeds, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const written = readdirSync(out).sort();
    // The command is incremental: it also writes its record of what it read (scripts/ingest-cache.test.ts).
    expect(written).toEqual([FAILURES_FILE, CACHE_FILE, ...SEEDS.map(slugOf).flatMap((s) => [`${s}.json`, `${s}.mdx`, `${s}.txt`])].sort());
    expect(r.stdout).toContain(`ingested ${SEEDS.length} plan(s)`);
    expect(r.stdout).toContain('3 text(s) skipped');
    expect(r.stderr).toContain('3 text(s) could not be read and were skipped');
    expect(r.stderr).toMatch(/skipped: \S*a_empty\.txt:1: the file is empty\n {2}hint: /u);
    expect(r.stderr).toMatch(/skipped: \S*c_chrome-only\.txt:1: no /u);
    const failures = (JSON.parse(readFileSync(join(out, FAILURES_FILE), 'utf8')) as FailuresFile).failures;
    expect(failures.map((f) => [f.file, f.line, f.kind])).toEqual([
      ['a_empty.txt', 1, 'empty'],
      ['b_bad-bytes.txt', 3, 'encoding'],
      ['c_chrome-only.txt', 1, 'no-body'],
    ]);
    expect(failures[0]!.message).toMatch(/a_empty\.txt:1: the file is empty\n {2}hint: put the plan text in the file or remove it from seeds\/$/u);
  });

  test('--strict (and INGEST_STRICT=1): exit 1 and nothing written, not even half a run', () => {
    const { seeds, out } = library();
    mkdirSync(out);
    writeFileSync(join(out, 'previous.json'), '{}');
    for (const [args, env] of [[['--strict'], {}], [[], { INGEST_STRICT: '1' }]] as const) {
      const r = cli(['--seeds', seeds, '--out', out, ...args], env);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('nothing written');
      expect(r.stderr).toMatch(/error: \S*a_empty\.txt:1: the file is empty/u);
      expect(r.stderr).toMatch(/error: \S*b_bad-bytes\.txt \(byte 50\): /u);
      expect(readdirSync(out)).toEqual(['previous.json']);
    }
  });

  test('a text named .TXT is read; a plan left in a subfolder and a .docx are named at the end as not read', () => {
    const { seeds, out } = library({ 'Z_UPPER.TXT': readFileSync('tests/fixtures/hostile/gbk.txt') });
    mkdirSync(join(seeds, 'tianjin'));
    copyFileSync(join('seeds', SEEDS[0]!), join(seeds, 'tianjin', 'moved.txt'));
    writeFileSync(join(seeds, '规划.docx'), 'PK');
    const r = cli(['--seeds', seeds, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`ingested ${SEEDS.length + 1} plan(s)`);
    expect(r.stdout).toMatch(/^Z_UPPER\.TXT → /mu);
    expect(r.stderr).toContain(`2 entries of ${seeds} not read:\n`);
    expect(r.stderr).toContain(`not read: ${join(seeds, 'tianjin')}/: a folder with 1 .txt file(s) in it: only the files directly in ${seeds} are read; move them up into it to have them read\n`);
    expect(r.stderr).toContain(`not read: ${join(seeds, '规划.docx')}: not a plain-text file: save the plan as text (.txt, UTF-8) to have it read\n`);
  });

  test('--strict on good texts writes them all', () => {
    const { seeds, out } = library({});
    const r = cli(['--seeds', seeds, '--out', out, '--strict']);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out)).toHaveLength(SEEDS.length * 3 + 2); // and _failures.json, _ingest-cache.json
    // Each plan's document model on one line: every later stage reads every plan, and indentation was a fifth of it.
    for (const f of readdirSync(out).filter((x) => x.endsWith('.json') && !x.startsWith('_'))) {
      const text = readFileSync(join(out, f), 'utf8');
      expect(text.trimEnd().split('\n'), f).toHaveLength(1);
      expect((JSON.parse(text) as PlanDocument).slug, f).toBe(f.replace(/\.json$/u, ''));
    }
  });

  test('--report: per text what was found, inferred, taken from the catalog, not found; counts; the error of a failed text', () => {
    const { seeds, out } = library();
    const reportPath = join(work!, 'reports', 'report.json');
    const r = cli(['--seeds', seeds, '--out', out, '--report', reportPath]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as IngestReport;
    expect(report).toMatchObject({ seedsDir: seeds, ingested: SEEDS.length, skipped: 3, errors: [] });
    expect(report.texts.map((t) => [t.file, t.status])).toEqual(
      [...SEEDS.map((f) => [f, 'ingested']), ['a_empty.txt', 'skipped'], ['b_bad-bytes.txt', 'skipped'], ['c_chrome-only.txt', 'skipped']].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );

    // One seed, checked against its own document model: every metadata field is listed exactly once, where it came from.
    const seed = SEEDS[0]!;
    const doc = JSON.parse(readFileSync(join(out, `${slugOf(seed)}.json`), 'utf8')) as PlanDocument;
    const entry = report.texts.find((t) => t.file === seed)!;
    if (entry.status !== 'ingested') throw new Error(`${seed} was not ingested`);
    expect(entry.slug).toBe(doc.slug);
    const meta = Object.entries(doc.meta as Record<string, { from: string; line: number | null; raw: string | null } | null>);
    expect([...entry.meta.found.map((f) => f.field), ...entry.meta.inferred.map((f) => f.field), ...entry.meta.catalog, ...entry.meta.notFound].sort()).toEqual(meta.map(([k]) => k).sort());
    expect(entry.meta.notFound.sort()).toEqual(meta.filter(([, v]) => v === null).map(([k]) => k).sort());
    expect(entry.meta.found).toEqual(meta.filter(([, v]) => v?.from === 'text').map(([field, v]) => ({ field, line: v!.line, raw: v!.raw })));
    expect(entry.meta.catalog).toEqual(meta.filter(([, v]) => v?.from === 'catalog').map(([k]) => k));
    // The Beichen plan's document number is read from its text, with the line it is on.
    expect(entry.meta.found.find((f) => f.field === 'docNumber')).toMatchObject({ line: expect.any(Number), raw: expect.stringContaining('北辰政发〔2021〕5号') });
    expect(Object.values(entry.repairs).reduce((a, b) => a + b, 0)).toBe(doc.repairs.length);
    expect(Object.values(entry.removed).reduce((a, b) => a + b, 0)).toBe(doc.removed.length);
    expect(entry.removed.breadcrumb).toBe(1);
    expect(entry.headings).toEqual(doc.stats.headings);
    expect(entry.targets).toBe(doc.targets.length);

    // One failure, with its error as in _failures.json.
    const failed = report.texts.find((t) => t.file === 'b_bad-bytes.txt')!;
    expect(failed).toEqual({
      file: 'b_bad-bytes.txt',
      status: 'skipped',
      error: { file: 'b_bad-bytes.txt', line: 3, kind: 'encoding', message: expect.stringMatching(/b_bad-bytes\.txt \(byte 50\): byte 0xff at offset 50 is neither UTF-8 nor part of readable GB18030\/GBK text\n {2}hint: save the file as UTF-8/u) },
    });
  });

  test('--check writes nothing, and exits 0 with skipped texts', () => {
    const { seeds, out } = library();
    const r = cli(['--seeds', seeds, '--out', out, '--check']);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(out)).toBe(false);
  });
});

test('reportOf() is generic over the metadata fields: unknown fields and provenances are sorted, not dropped', () => {
  const doc = {
    slug: 'x',
    source: { file: 'x.txt' },
    meta: {
      title: null,
      region: { value: { id: 'tj', name: '天津市' }, from: 'inferred', line: 3, raw: '天津', note: '据发文机关推定' },
      issuer: { value: '某局', from: 'text', line: 2, raw: '某局' },
      kind: { value: 'other', from: 'catalog', line: null, raw: null },
      nested: { provenance: { from: 'text', line: 9, raw: 'r' }, id: 'n' },
    },
    repairs: [{ source: 'heading' }, { source: 'correction' }, { source: 'heading' }],
    removed: [{ rule: 'footer' }, { rule: 'footer' }],
    stats: { headings: [1, 2, 0, 0], targets: 4, unmappedTargets: 1 },
  } as unknown as PlanDocument;
  const report = reportOf('seeds', { plans: [doc], failures: [], errors: [], files: new Map() });
  expect(report.texts[0]).toEqual({
    file: 'x.txt',
    status: 'ingested',
    slug: 'x',
    meta: {
      found: [
        { field: 'issuer', line: 2, raw: '某局' },
        { field: 'nested', line: 9, raw: 'r' },
      ],
      inferred: [{ field: 'region', from: 'inferred', line: 3, raw: '天津', note: '据发文机关推定' }],
      catalog: ['kind'],
      notFound: ['title'],
    },
    repairs: { heading: 2, correction: 1 },
    removed: { footer: 2 },
    headings: [1, 2, 0, 0],
    targets: 4,
    unmappedTargets: 1,
  });
});

// ── Batch guarantees (issue 11): errors collected, nothing half-written, exit code, slug clashes, stale outputs ──

/** The plan files of the real seeds plus the failures file: what a run over the seeds writes. */
const seedOutputs = (seeds: string[] = SEEDS): string[] => [FAILURES_FILE, ...seeds.map(slugOf).flatMap((s) => [`${s}.json`, `${s}.mdx`, `${s}.txt`])].sort();
const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A temporary seeds folder holding only `extra` (no catalog): for runs that need no real seed. */
function bareLibrary(extra: Record<string, Uint8Array>): { seeds: string; out: string } {
  work = mkdtempSync(join(tmpdir(), 'ingest-test-'));
  const seeds = join(work, 'seeds');
  mkdirSync(seeds);
  for (const [name, bytes] of Object.entries(extra)) writeFileSync(join(seeds, name), bytes);
  return { seeds, out: join(work, 'plans') };
}

describe('batch ingest guarantees', { timeout: 60_000 }, () => {
  test('errors are collected: bad texts sorted between good ones are all reported (file, line, hint) and every good text after them is still read', () => {
    // Names that sort between the seeds: 000_… < 000a_… < 001_…; each bad text is followed by good ones.
    const { seeds, out } = library({
      '000a_empty.txt': BAD['a_empty.txt']!,
      '002a_bad-bytes.txt': BAD['b_bad-bytes.txt']!,
      '003a_title-only.txt': enc('某区科技创新规划\n'),
    });
    const r = runReadingEverySeed(seeds, out);
    expect(failurePlaces(r)).toEqual([
      { file: '000a_empty.txt', line: 1, kind: 'empty' },
      { file: '002a_bad-bytes.txt', line: 3, kind: 'encoding' },
      { file: '003a_title-only.txt', line: 1, kind: 'no-body' },
    ]);
    // Messages name the seed by its path (absolute here: the library is outside the working folder).
    expect(r.failures.map((f) => f.message.split('\n')[0]!.replace(`${join(seeds, f.file)}`, f.file))).toEqual([
      '000a_empty.txt:1: the file is empty',
      expect.stringMatching(/^002a_bad-bytes\.txt \(byte 50\): byte 0xff /u),
      '003a_title-only.txt:1: no body text found after the title',
    ]);
    for (const f of r.failures) expect(f.message, f.file).toMatch(/\n {2}hint: \S/u);
    expect([...r.files.keys()].sort()).toEqual(seedOutputs());
  });

  test('nothing half-written: texts that fail after their document is built (no body; a slug clash) leave no file, and overwrite none', () => {
    // zz_clash.txt is another printing of the second seed given the first seed's slug: it is read in full, then refused.
    const catalog = `${readFileSync('seeds/catalog.yaml', 'utf8')}\nzz_clash.txt:\n  slug: ${slugOf(SEEDS[0]!)}\n`;
    const { seeds, out } = library({ 'd_title-only.txt': enc('某区科技创新规划\n'), 'zz_clash.txt': reprinted(readFileSync(join('seeds', SEEDS[1]!))) }, catalog);
    const r = run(seeds, out, false);
    expect(r.failures.map((f) => [f.file, f.kind])).toEqual([
      ['d_title-only.txt', 'no-body'],
      ['zz_clash.txt', 'other'],
    ]);
    writeOutputs(out, r.files);
    expect(readdirSync(out).sort()).toEqual(seedOutputs());
    // Every plan file written is whole and belongs to the seed its name says; the clash did not replace the first seed's.
    for (const seed of SEEDS) {
      const doc = JSON.parse(readFileSync(join(out, `${slugOf(seed)}.json`), 'utf8')) as PlanDocument;
      expect([doc.slug, doc.source.file, doc.source.sha256], `${slugOf(seed)}.json: slug, source file and its SHA-256`).toEqual([slugOf(seed), seed, sha256(join('seeds', seed))]);
    }
    // seeds/000 line 25: the plan's title.
    expect(readFileSync(join(out, `${slugOf(SEEDS[0]!)}.txt`), 'utf8')).toContain('\n北辰区科技创新三年行动计划实施方案(2020-2022年)\n');
    expect(readFileSync(join(out, `${slugOf(SEEDS[0]!)}.mdx`), 'utf8')).toContain('北辰区');
  });

  test('stale outputs are removed on the next run: a seed deleted, a seed that no longer reads; other files stay', () => {
    const { seeds, out } = library({});
    writeOutputs(out, run(seeds, out, false).files);
    expect(readdirSync(out).sort()).toEqual(seedOutputs());
    writeFileSync(join(out, 'README.md'), 'not a plan file');
    // 003 is deleted (with its catalog entry); 004 is emptied, so it is skipped from now on.
    const [deleted, emptied] = ['003_9c4896c03185b26c.txt', '004_d6d163db2a424736.txt'];
    rmSync(join(seeds, deleted));
    const catalog = readFileSync(join(seeds, 'catalog.yaml'), 'utf8');
    const withoutEntry = catalog.replace(new RegExp(`^${deleted.replace('.', '\\.')}:\\n(?: {2}.*\\n)+`, 'mu'), '');
    expect(withoutEntry).not.toContain(deleted);
    writeFileSync(join(seeds, 'catalog.yaml'), withoutEntry);
    writeFileSync(join(seeds, emptied), '');
    const second = run(seeds, out, false);
    expect(second.errors).toEqual([]);
    writeOutputs(out, second.files);
    const kept = SEEDS.filter((s) => s !== deleted && s !== emptied);
    expect(kept).toHaveLength(SEEDS.length - 2);
    expect(readdirSync(out).sort()).toEqual([...seedOutputs(kept), 'README.md'].sort());
    expect((JSON.parse(readFileSync(join(out, FAILURES_FILE), 'utf8')) as FailuresFile).failures.map((f) => [f.file, f.kind])).toEqual([[emptied, 'empty']]);
  });

  test('texts that would share a slug get distinct slugs that stay the same from run to run and do not depend on the other texts', () => {
    // Three printings of one fixture plan: same region, same period, so the same derived slug.
    const text = readFileSync(join('tests/fixtures/sixth', readdirSync('tests/fixtures/sixth').find((f) => f.endsWith('.txt'))!));
    const slugs = (r: ReturnType<typeof ingest>): Record<string, string> => Object.fromEntries(r.plans.map((p) => [p.source.file, p.slug]));
    let { seeds, out } = bareLibrary({ 'zz_a.txt': text, 'zz_b.txt': reprinted(text, 1), 'zz_c.txt': reprinted(text, 2) });
    const first = slugs(run(seeds, out, true));
    expect(Object.keys(first)).toEqual(['zz_a.txt', 'zz_b.txt', 'zz_c.txt']);
    expect(new Set(Object.values(first)).size).toBe(3);
    const base = first['zz_a.txt']!;
    expect(first['zz_b.txt']).toMatch(new RegExp(`^${base}-[0-9a-f]{6}$`, 'u'));
    expect(first['zz_c.txt']).toMatch(new RegExp(`^${base}-[0-9a-f]{6}$`, 'u'));
    // The same library again: the same slugs.
    expect(slugs(run(seeds, out, true))).toEqual(first);
    // Without zz_b, zz_c keeps its slug: it comes from its own file name, not from its place among the texts.
    rmSync(work!, { recursive: true, force: true });
    ({ seeds, out } = bareLibrary({ 'zz_a.txt': text, 'zz_c.txt': reprinted(text, 2) }));
    expect(slugs(run(seeds, out, true))).toEqual({ 'zz_a.txt': base, 'zz_c.txt': first['zz_c.txt'] });
  });

  test('the command exits 1 on a catalog entry naming no file, even without --strict, and writes nothing, not even _failures.json', () => {
    const { seeds, out } = library(BAD, `${readFileSync('seeds/catalog.yaml', 'utf8')}\nzz_missing.txt:\n  slug: missing\n`);
    mkdirSync(out);
    writeFileSync(join(out, 'previous.json'), '{}');
    const r = cli(['--seeds', seeds, '--out', out]);
    expect(r.status, r.stderr).toBe(1);
    const keyLine = readFileSync('seeds/catalog.yaml', 'utf8').split('\n').length + 1;
    expect(r.stderr).toContain(`error: ${join(seeds, 'catalog.yaml')}:${keyLine}: entry zz_missing.txt names no file in ${seeds}`);
    expect(r.stdout).toContain('nothing written');
    expect(readdirSync(out)).toEqual(['previous.json']);
  });
});
