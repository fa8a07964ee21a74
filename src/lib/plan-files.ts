/**
 * The files of a plans folder, as the build's stages share them: `scripts/ingest.ts` writes each plan's document
 * model (`<slug>.json`), `scripts/prepare.ts` adds what is computed across plans (`_reuse/`), and the site reads
 * both (src/lib/data.ts). Free of Astro, so that scripts read plans the way the site does.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PlanDocumentSchema, type PlanDocument } from '../schemas/plan.ts';
import { parseWithFriendlyErrors } from '../schemas/friendly-errors.ts';

/**
 * Every plan of the folder, ordered by source file (the order of `seeds/`), validated against the schema. Files
 * starting with `_` are the stages' own records, not plans. `validated` names the files (by name, the digest of
 * their text) already validated by this code: those are parsed without the schema (`validatedPlans`; a file whose
 * text changed since is validated again).
 */
export async function readPlans(dir: string, validated: Readonly<Record<string, string>> = {}): Promise<PlanDocument[]> {
  // Read one after another: 10,000 reads at once through libuv's four threads took 8.6 s at 10,000 plans (534 MB),
  // one after another 2.0 s; every rendering process reads them all.
  const plans = planFiles(dir).map((f) => readPlanFile(dir, f, validated));
  return plans.sort((a, b) => a.source.file.localeCompare(b.source.file));
}

/** The plan files of a plans folder (`<slug>.json`; files starting with `_` are the stages' own records). */
export const planFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('_'));

/** One plan file of `dir`, validated unless `validated` names its bytes (`readPlans`). */
function readPlanFile(dir: string, file: string, validated: Readonly<Record<string, string>>): PlanDocument {
  // The digest of the bytes, as read: of the decoded text it meant encoding every plan to UTF-8 again (1.2 s of
  // a rendering process at 10,000 plans; the same digest, ingest writes UTF-8).
  const bytes = readFileSync(join(dir, file));
  const digest = createHash('sha1').update(bytes).digest('hex');
  const text = bytes.toString('utf8');
  // Ingest writes what the schema returned, so a validated file parses to the same document without it.
  const doc = (validated[file] === digest ? JSON.parse(text) : parseWithFriendlyErrors(PlanDocumentSchema, JSON.parse(text), join(dir, file))) as PlanDocument;
  fileDigests.set(doc, digest);
  return doc;
}

/**
 * The plans of a folder, each read when first asked for: a stage that makes the files of a few plans need not read
 * every plan (site files in a rebuild, issue 15: reading and holding 10,000 plans was 3 s and most of the garbage
 * collection of each of its processes).
 */
export interface PlanShelf {
  /** Every plan's slug, in `readPlans` order. */
  readonly slugs: readonly string[];
  /** The digest of a plan's file (`planFileDigest` of the plan read from it) without reading it; undefined for no plan. */
  digest(slug: string): string | undefined;
  /** A plan, read on first ask (throws for a slug that is no plan's). */
  plan(slug: string): PlanDocument;
  /** Every plan, in `readPlans` order. */
  all(): PlanDocument[];
  /** How many plan files have been read so far. */
  readonly read: number;
}

/** A shelf of plans already read. */
export function shelfOf(plans: readonly PlanDocument[]): PlanShelf {
  const bySlug = new Map(plans.map((doc) => [doc.slug, doc]));
  return {
    slugs: plans.map((doc) => doc.slug),
    digest: (slug) => { const doc = bySlug.get(slug); return doc && planFileDigest(doc); },
    plan: (slug) => { const doc = bySlug.get(slug); if (!doc) throw new Error(`no plan ${slug}`); return doc; },
    all: () => [...plans],
    read: plans.length,
  };
}

/**
 * The plans of `dir` as prepare's record of this code lists them (`validatedPlans`): their order and digests come from
 * the record, a plan's file is read only when the plan is asked for. Prepare writes the record in every build just
 * before the stages that read it, so it names the files as they are; where it does not name exactly the folder's plan
 * files (no record of this code, a plan added or removed since), every plan is read at once, as `readPlans` does.
 */
export async function planShelf(dir: string, code: string): Promise<PlanShelf> {
  const validated = validatedPlans(dir, code);
  const files = planFiles(dir);
  if (files.length !== Object.keys(validated).length || files.some((f) => !(f in validated))) return shelfOf(await readPlans(dir, validated));
  // The record's keys are in `readPlans` order (`validatedRecord`); none is an integer, so JSON keeps that order.
  const names = Object.keys(validated);
  const slugs = names.map((f) => f.slice(0, -'.json'.length));
  const digests = new Map(slugs.map((slug, i) => [slug, validated[names[i]!]!]));
  const read = new Map<string, PlanDocument>();
  const plan = (slug: string): PlanDocument => {
    let doc = read.get(slug);
    if (!doc) {
      if (!digests.has(slug)) throw new Error(`no plan ${slug} in ${dir}`);
      read.set(slug, (doc = readPlanFile(dir, `${slug}.json`, validated)));
    }
    return doc;
  };
  return {
    slugs,
    digest: (slug) => digests.get(slug),
    plan,
    all: () => slugs.map(plan),
    get read() {
      return read.size;
    },
  };
}

/**
 * The record of the plan files `scripts/prepare.ts` validated (`_prepared/validated.json`): the code's digest and
 * each file's. Prepare validates every plan once per build, or once per text while the code is the same; the page
 * and file processes after it read the plans without validating them again (the schema was 1.2 s of a rendering
 * part's ≈ 40 s at 1,000 plans, --cpu-prof; four such processes a build).
 */
export interface ValidatedPlans {
  code: string;
  files: Record<string, string>;
}

export const validatedPlansFile = (dir: string): string => join(dir, '_prepared', 'validated.json');

/** The files of `dir` validated by the code `code`, as its record has them (none without a record of that code). */
export function validatedPlans(dir: string, code: string): Record<string, string> {
  try {
    const record = JSON.parse(readFileSync(validatedPlansFile(dir), 'utf8')) as ValidatedPlans;
    return record.code === code ? record.files : {};
  } catch {
    return {};
  }
}

/**
 * The record of `plans`, each read by `readPlans` (so validated, or named by a record of this code) from `dir`, in
 * their order (`planShelf` takes the plans' order from it).
 */
export function validatedRecord(plans: readonly PlanDocument[], code: string): ValidatedPlans {
  return { code, files: Object.fromEntries(plans.map((doc) => [`${doc.slug}.json`, planFileDigest(doc)])) };
}

const fileDigests = new WeakMap<PlanDocument, string>();

/**
 * The digest of the file `readPlans` read a plan from (the part of a page's `cacheKey` that says the plan is as it
 * was), without reading the file again.
 */
export function planFileDigest(doc: PlanDocument): string {
  const digest = fileDigests.get(doc);
  if (digest === undefined) throw new Error(`planFileDigest: plan ${doc.slug} was not read by readPlans`);
  return digest;
}

/** The text reuse across the plans of `dir` (src/lib/reuse/prepared.ts): the summary the reuse page lists. */
export const reuseSummaryFile = (dir: string): string => join(dir, '_reuse', '_summary.json');

/** What the page of the plan `slug` shows of its reused text. */
export const planReuseFile = (dir: string, slug: string): string => join(dir, '_reuse', `${slug}.json`);

/**
 * The record of the plans' reuse files (`_prepared/reuse-keys.json`), written by `scripts/prepare.ts` after the files:
 * per plan, the key its file was computed for (prepare computes a file again only when its key changed), the digest
 * of the file's text (what the plan's analysis page shows) and of its `reusedBlocks` (what its text page shows). The
 * page keys read the digests here, in one file, instead of reading every plan's reuse file twice (issue 15). Keys of
 * another code's run are not this code's: the record names the code.
 */
export interface ReuseRecord {
  code: string;
  plans: Record<string, PlanReuseRecord>;
}

export interface PlanReuseRecord {
  key: string;
  file: string;
  reusedBlocks: string;
}

export const reuseRecordFile = (dir: string): string => join(dir, '_prepared', 'reuse-keys.json');

/** The reuse record of `dir` (a missing one says which command writes it). */
export function readReuseRecord(dir: string): ReuseRecord {
  return readPreparedSync<ReuseRecord>(reuseRecordFile(dir));
}

/**
 * A file `scripts/prepare.ts` writes, parsed; a missing one says which command writes it (a plans folder that
 * ingest wrote but prepare has not seen: `npm run build` and `npm run dev` run both).
 */
export async function readPrepared<T>(file: string): Promise<T> {
  return readPreparedSync<T>(file);
}

/** `readPrepared`, for a caller that reads inside a synchronous function. */
export function readPreparedSync<T>(file: string): T {
  let text: string;
  try {
    // Sync: pages read thousands at once, which libuv's four threads serve far slower than one after another.
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${file} is missing: it is written by \`node scripts/prepare.ts --plans <plans folder>\` after ingest (npm run build and npm run dev run it)`);
    }
    throw e;
  }
  return JSON.parse(text) as T;
}

/**
 * A digest of a plan's two files in `dir`, its document model (as `readPlans` read it) and its source text: the key
 * of its source page (astro.config.mjs, incremental build), which shows both.
 */
export function planSourceDigest(dir: string, doc: PlanDocument): string {
  return createHash('sha1').update(planFileDigest(doc)).update('\0').update(readFileSync(join(dir, `${doc.slug}.txt`))).digest('hex');
}
