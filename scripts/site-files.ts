/**
 * `node scripts/site-files.ts --plans DIR --out DIR`: writes the site's files that are not pages
 * (src/lib/site-files.ts: source texts, open data, search records, citation and chart files) into a built site,
 * after `astro build` (scripts/build.ts). The site's address and base come from the environment as for Astro
 * (src/lib/site-config.ts). A plans folder that cannot be read is said in one line (exit 1).
 *
 * With `BUILD_PART=i/k` in the environment (src/lib/build-part.ts) it writes the files whose path falls in part i of
 * k: the build runs one process per core, as it does for `astro build` (each reads the plans and makes the chart
 * catalog, which every chart's CSV needs; the writing is what is shared out).
 *
 * Files are kept across builds (issue 15: adding a plan to a library of 10,000 should not make the other plans'
 * files again): every file is made into a cache beside the site (`.<site>.files/`, which outlives a site folder
 * made anew) and linked into the site; the next build links the cached file again where its key
 * (`SiteFile.key`), the code, the registries and the site's address are as they were, or leaves it where a site
 * updated in place already holds it (scripts/lib/site-in-place.ts). Each part records its files' keys in
 * `state-<i>-of-<k>.json` there; a file of a plan that is gone leaves the cache, and the site, with it. The site's
 * files are then links to the cache's: a later stage that changes one must replace it, never write into it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSiteFilesInput, siteFiles, type SiteFile } from '../src/lib/site-files.ts';
import { siteUrl } from '../src/lib/site-config.ts';
import { buildPart, partOf, type BuildPart } from '../src/lib/build-part.ts';
import { digestOf } from '../src/lib/digest.ts';
import { siteFilesDigest } from '../src/lib/open-data-files.ts';
import { linkOrCopy } from './lib/link-or-copy.ts';
import { filesCacheOf, filesStateOf } from './lib/files-cache.ts';
import { writeChunks } from './lib/write-chunks.ts';
import { folderMaker } from './lib/folders.ts';
import { parseCommandLine } from './lib/command-line.ts';

export { filesCacheOf } from './lib/files-cache.ts';

interface FilesState {
  /** The digest of what every file is made of besides its key (`siteFilesDigest`). */
  shared: string;
  /** Each file's key digest, by path. */
  files: Record<string, string>;
}

function readState(file: string): FilesState | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as FilesState;
  } catch {
    return null;
  }
}


/** Whether `b` is the very file `a` is (a link to it), as a site updated in place holds a kept file. */
function sameFile(a: string, b: string): boolean {
  const y = statSync(b, { throwIfNoEntry: false });
  const x = y && statSync(a, { throwIfNoEntry: false });
  return x !== undefined && y !== undefined && x.ino === y.ino && x.dev === y.dev;
}

async function writeBody(f: SiteFile, target: string): Promise<void> {
  const body = await f.body();
  if (typeof body === 'string' || body instanceof Uint8Array) writeFileSync(target, body);
  else writeChunks(target, body);
}

export interface WrittenFiles {
  /** Files of this part in the site. */
  files: number;
  /** Of those, made again (new, or changed). */
  made: number;
  /** Plans read to make them (a plan's files, a chart's data, or every plan for the open data). */
  plansRead: number;
  /** Of the files, those prepare made (the open data), linked as they are. */
  prepared: number;
}

/** Writes every file (of this process's part) under `outDir`, keeping from the cache what did not change. */
export async function writeSiteFiles(plansDir: string, outDir: string, site = new URL(siteUrl()), part: BuildPart | null = buildPart(), cache = filesCacheOf(outDir)): Promise<WrittenFiles> {
  if (!existsSync(plansDir)) throw new Error(`no plans folder ${plansDir}: ingest writes it (npm run build runs both)`);
  const input = await readSiteFilesInput(plansDir, site);
  const all = siteFiles(input);
  // By path, so that a file stays in its part when plans are added (and the part's state knows it).
  const files = part ? all.filter((f) => partOf({ path: f.path }, part.count) === part.index) : all;
  const stateFile = filesStateOf(cache, part);
  const previous = readState(stateFile);
  // Gone until this build has finished: one stopped halfway leaves cached files its record would misname.
  rmSync(stateFile, { force: true });
  const shared = siteFilesDigest(input.code, input, input.site);
  const before = previous?.shared === shared ? previous.files : {};
  const next: Record<string, string> = {};
  const dirFor = folderMaker();
  let remade = 0;
  let linked = 0;
  for (const f of files) {
    const target = join(outDir, f.path);
    dirFor(target);
    if (f.prepared) {
      // Prepare's own file, made for this input (the open data): linked as it is, kept by prepare, not in the cache.
      if (!sameFile(f.prepared, target)) linkOrCopy(f.prepared, target);
      linked++;
      continue;
    }
    const key = digestOf(f.key());
    const cached = join(cache, f.path);
    next[f.path] = key;
    const make = async () => {
      dirFor(cached);
      // A new file, not the old one rewritten: the last site, still being deleted, may hold a link to it.
      rmSync(cached, { force: true });
      await writeBody(f, cached);
      remade++;
    };
    if (before[f.path] !== key) await make();
    // A site updated in place (scripts/lib/site-in-place.ts) already holds the kept file: nothing to link.
    else if (sameFile(cached, target)) continue;
    // Linked without asking first whether the cached file is there (at 10,000 plans 46,000 checks a part): one that
    // is not is made, then linked.
    try {
      linkOrCopy(cached, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || before[f.path] !== key) throw e;
      await make();
      linkOrCopy(cached, target);
    }
  }
  // The files of plans and charts that are gone, whatever the last build's state said; from the site too, where it
  // is updated in place (in a new site they are not there). The folders that leaves empty are removed by the build
  // once every part is done (scripts/build.ts): another part may be linking into one of them now.
  for (const path of Object.keys(previous?.files ?? {})) {
    if (path in next) continue;
    rmSync(join(cache, path), { force: true });
    rmSync(join(outDir, path), { force: true });
  }
  mkdirSync(cache, { recursive: true });
  writeFileSync(`${stateFile}.tmp`, JSON.stringify({ shared, files: next } satisfies FilesState));
  renameSync(`${stateFile}.tmp`, stateFile);
  return { files: files.length, made: remade, plansRead: input.plans.read, prepared: linked };
}

if (import.meta.main) {
  const { values } = parseCommandLine('site-files', { options: { plans: { type: 'string', default: 'content/plans' }, out: { type: 'string', default: 'dist' } } });
  const started = performance.now();
  try {
    const n = await writeSiteFiles(values.plans, values.out);
    console.log(`wrote ${n.files} file(s) that are not pages in ${Math.round(performance.now() - started)} ms (${n.made} made, ${n.files - n.made - n.prepared} kept from the last build, ${n.prepared} linked from prepare; ${n.plansRead} plan(s) read) → ${values.out}`);
  } catch (e) {
    console.error(`site-files: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
