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
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('_'));
  // Read one after another: 10,000 reads at once through libuv's four threads took 8.6 s at 10,000 plans (534 MB),
  // one after another 2.0 s; every rendering process reads them all.
  const plans = files.map((f) => {
    // The digest of the bytes, as read: of the decoded text it meant encoding every plan to UTF-8 again (1.2 s of
    // a rendering process at 10,000 plans; the same digest, ingest writes UTF-8).
    const bytes = readFileSync(join(dir, f));
    const digest = createHash('sha1').update(bytes).digest('hex');
    const text = bytes.toString('utf8');
    // Ingest writes what the schema returned, so a validated file parses to the same document without it.
    const doc = (validated[f] === digest ? JSON.parse(text) : parseWithFriendlyErrors(PlanDocumentSchema, JSON.parse(text), join(dir, f))) as PlanDocument;
    fileDigests.set(doc, digest);
    return doc;
  });
  return plans.sort((a, b) => a.source.file.localeCompare(b.source.file));
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

/** The record of `plans`, each read by `readPlans` (so validated, or named by a record of this code) from `dir`. */
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
