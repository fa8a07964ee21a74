/**
 * `npm run build [-- --out DIR] [--base /sub/path/] [--seeds DIR] [--plans DIR] [--strict]`: the one build pipeline, used by `npm start`, the tests
 * and the benchmark. Stages: ingest (seeds → content/plans), prepare (what needs every plan, computed once,
 * scripts/prepare.ts), `astro build`, the files that are not pages (scripts/site-files.ts), Pagefind index. Each stage's time is printed; a failing stage stops the build
 * with its own message.
 *
 * Ingest is lenient by default: a text that cannot be read is skipped (and listed on the home page under 未能收录).
 * `--strict` (or `INGEST_STRICT=1` in the environment; `npm test` sets it) passes `--strict` to ingest, so any
 * unreadable text fails the build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { linkRecordsByPagefindId } from './pagefind-ids.ts';
import { indexPlanPages } from './pagefind-shards.ts';
import { linkOrCopy } from './lib/link-or-copy.ts';
import { LINKED_MESSAGE } from './lib/kept-pages.ts';
import { filesCacheOf, filesStateOf, recordedSiteFiles } from './lib/files-cache.ts';
import { codeDigest } from './lib/code-digest.ts';
import { readSeedFolder } from './lib/seed-folder.ts';
import { canUpdateInPlace, forgetAssembly, pruneEmpty, siteShape, takeApart, writeAssembly, type SiteAssembly } from './lib/site-in-place.ts';
import { placeEnglishNotFound } from './lib/not-found-page.ts';
import { planFiles } from '../src/lib/plan-files.ts';
import { parseCommandLine } from './lib/command-line.ts';

export interface BuildOptions {
  /** Output folder of the site (default `dist`). */
  outDir: string;
  /** Base path the site is served under (default `/`). */
  base: string;
  /** Seeds folder (default `seeds`). */
  seedsDir: string;
  /** Where ingest writes the plans for Astro to read (default `content/plans`). */
  plansDir: string;
  /** Any text that cannot be read fails the build (`ingest --strict`); default: such texts are skipped. */
  strict?: boolean;
  /** `astro build` processes rendering at once (default: `partsFor` the number of plans). */
  parts?: number;
}

/** Variables a Vite process sets for its own `import.meta.env`; never passed on to a build. */
const VITE_ENV_KEYS = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX', 'NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST']);

/** A stage failed; its own output has already said why. */
class BuildError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}

/**
 * The shell's record of the command that started this one (`/usr/bin/npx`, `/usr/bin/time` …): not passed on. Astro
 * writes into a module that reads `import.meta.env` as an object every environment variable whose name the module's
 * text contains (src/lib/vite-env.ts says how; the site's modules no longer read it so, Astro's own actions runtime
 * still does): with `_` in the environment, the route code, and with it every page's place in Astro's incremental
 * build, changed with how the build was started, and a rebuild rendered every page again
 * (tests/site/incremental-build.test.ts starts its unchanged rebuild another way).
 */
const INVOCATION_KEYS = new Set(['_']);

/** The environment a stage inherits. */
function inheritedEnv(): NodeJS.ProcessEnv {
  // Vite reads import.meta.env values (BASE_URL, MODE …) from the environment if they are there, and a parent
  // Vite process (Vitest) leaves them there: an inherited BASE_URL=/ silently overrode `--base /plans/`.
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITE_ENV_KEYS.has(k) && !INVOCATION_KEYS.has(k)));
}

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = performance.now();
  const inherited = inheritedEnv();
  // A stage that hangs is stopped after 2 hours (beyond a 10,000-plan build on 2 cores) rather than holding CI forever.
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', ...env }, timeout: 120 * 60_000, killSignal: 'SIGKILL' });
  const ms = Math.round(performance.now() - started);
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') throw new BuildError(`build: ${label} did not finish in 2 hours and was stopped`, 1);
  if (result.status !== 0) throw new BuildError(`build: ${label} failed (exit ${result.status ?? result.signal})`, result.status ?? 1);
  console.log(`build: ${label} done in ${ms} ms`);
  return ms;
}

/**
 * V8 options for the processes that render pages and write the site files. Each page Astro renders passes through several ArrayBuffers (memory
 * outside the JS heap), and V8 by default starts marking the whole heap each time such "external" memory has grown
 * by 64 MB: at 10,000 plans a rendering process holds ≈ 1.5 GB, and marking it took 30–40 % of the rendering time
 * (`--trace-gc`; `--trace-incremental-marking` names the cause, "Start (external memory pressure)"), which is why a
 * page cost twice as much as at 3,000 plans. The first option counts external memory in V8's ordinary heap limits
 * instead; the second keeps those limits 25 % above the live heap, which holds each process's peak where it was.
 * Both parts of a 10,000-plan build at once, side by side on the same plans: 408 s wall, 771 s CPU, peaks 3.2 + 2.8 GB
 * without; 283 s, 536 s, 2.8 + 2.8 GB with both; 313 s, 571 s, 3.9 + 4.0 GB with the first alone. The site-files
 * processes, likewise (two rounds, opposite order): 51/56 and 60/61 s wall, peak 2.6 GB each → 47/50 and 54/56 s, 2.0 GB.
 */
export const WRITING_NODE_OPTIONS = ['--external-memory-accounted-in-global-limit', '--heap-growing-percent=25'];

/**
 * The rendering parts of a rebuild that updates the site in place start with an old generation of 0.2 MB a plan (at
 * most 2 GB): such a part renders few pages but reads every plan and computes the library's views, and the garbage
 * collector was a quarter of it (profiles at 10,000 plans: 7.5 s of ≈ 30 s a part), much of it marking the heap
 * again while it grows to the ≈ 1.5 GB a part holds (`--heap-growing-percent=25`). Not for a build that makes a new
 * site: there it raised the rendering stage's peak from 4.18 to 7.11 GB for the two parts (README, "Scale", 2a476e0),
 * against issue 15's 8 GB for a whole build. `PART_INITIAL_HEAP_MB` sets it (0: none), for measuring.
 */
export function inPlacePartOptions(plans: number, env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env.PART_INITIAL_HEAP_MB;
  const mb = raw !== undefined && raw !== '' ? Number(raw) : Math.min(2048, Math.round(plans * 0.2));
  if (!Number.isInteger(mb) || mb < 0) throw new Error(`PART_INITIAL_HEAP_MB must be a whole number of megabytes, got "${raw}"`);
  return mb >= 64 ? [`--initial-old-space-size=${mb}`] : [];
}

/** Plans from which a build renders in parallel processes (below it, starting a second Astro costs more than it saves). */
export const PARALLEL_FROM = 500;

/**
 * How many `astro build` processes render a library of `plans` plans: one per core, at most 2 (each holds every
 * plan in memory: at 10,000 plans ≈ 4.7 GB each, 9.35 GB together, measured; `BUILD_PARTS=1` halves that and about
 * doubles the time), 1 below PARALLEL_FROM. `BUILD_PARTS` in the environment overrides it (tests build small sites
 * in parts to check the merge).
 */
export function partsFor(plans: number, env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const raw = env.BUILD_PARTS;
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`BUILD_PARTS must be a positive whole number, got "${raw}"`);
    return n;
  }
  return plans >= PARALLEL_FROM ? Math.max(1, Math.min(2, cores)) : 1;
}

/**
 * `astro sync` once, then `astro build` without its sync (scripts/astro-build-part.ts) in `parts` processes at once
 * (src/lib/build-part.ts says which pages each renders), each into its
 * own scratch folder inside the project: Astro stages a build's server code in `<outDir>/.prerender/` when the
 * output folder is inside the project and in the project's one `.astro/.prerender/` when it is not, where two
 * builds at once would overwrite each other. Part 0's output is shown; the others' is kept and shown after, each
 * line marked `[part i]`. Then part 0's folder becomes `outDir` and the other parts' files move into it. A file two
 * parts both wrote (a page without parameters, a bundled asset) must be the same in both: a difference is a build
 * error naming the file.
 */
async function astroBuildInParts(outDir: string, parts: number, plans: number, env: Record<string, string>): Promise<SiteAssembly> {
  const started = performance.now();
  // Content is synced once, here; the parts build without syncing (scripts/astro-build-part.ts says why). Not at all
  // when nothing it reads changed since the sync recorded in the cache folder (`syncInputs`).
  const inputs = syncContent(env);
  const synced = dotAstroState();
  // A build stopped by force left its scratch folder (with the site it was updating, taken apart): under the build
  // lock no other build uses one, so it goes.
  for (const name of readdirSync(process.cwd())) if (name.startsWith('.astro-parts-')) rmSync(name, { recursive: true, force: true });
  const scratch = mkdtempSync(join(process.cwd(), '.astro-parts-'));
  const partDirs = Array.from({ length: parts }, (_, i) => join(scratch, `part-${i}`));
  const cacheDirOf = (i: number) => partCacheDir(env.ASTRO_CACHE_DIR!, i, parts);
  const shape = siteShape(inputs, parts, { ...process.env, ...env });
  // The last site updated in place where it can be (scripts/lib/site-in-place.ts); else a new site, as follows.
  // The site files' records too: they say which of the site's other files are the last build's (scripts/site-files.ts).
  const filesKept = Array.from({ length: parts }, (_, index) => existsSync(filesStateOf(filesCacheOf(outDir), { index, count: parts }))).every(Boolean);
  const last = filesKept && sameFileSystem(outDir, scratch) ? canUpdateInPlace(outDir, env.ASTRO_CACHE_DIR!, parts, shape, cacheDirOf) : null;
  forgetAssembly(env.ASTRO_CACHE_DIR!);
  if (last) {
    const apart = performance.now();
    takeApart(outDir, last, partDirs);
    console.log(`build: the last site taken apart to be updated in place in ${Math.round(performance.now() - apart)} ms`);
  }
  // A new site: the last one is moved aside now and deleted while the parts render: nothing reads it (a kept page
  // comes from Astro's cache, scripts/lib/kept-pages.ts; the later stages' caches lie beside the site). At 10,000
  // plans it is some 390,000 files and folders, 15 s to delete on an idle machine, mostly waiting on the disk:
  // deleted after the parts, beside the later stages, it held every rebuild 13–19 s at its end; beside prepare,
  // prepare by more (README, "Scale: 1,000 to 10,000 plans"). It starts when every part has linked its kept pages (a
  // message from the part, scripts/astro-build-part.ts), since those links are disk work too (at 10,000 plans 4.4–6 s
  // a part alone, 6–10.5 s beside the deletion), and runs beside the parts' route setup, which is all computing
  // (measured A/B: the linking faster, the stage 58.0 against 59.0 s, within the noise: README, "Scale"). The cost: a
  // build that fails from here on leaves no site (it left the last one, with the pages already rendered again new in it).
  const deleteLastSite = last ? () => {} : setAside(outDir);
  let linked = 0;
  let moved: string[][] = [];
  try {
    const runs = partDirs.map((dir, i) => {
      const log = join(scratch, `part-${i}.log`);
      // One descriptor for the log, shared by stdout and stderr; the child has its own copies once spawned.
      const logFd = i === 0 ? undefined : openSync(log, 'w');
      const child = spawn(process.execPath, [...WRITING_NODE_OPTIONS, ...(last ? inPlacePartOptions(plans) : []), 'scripts/astro-build-part.ts', dir], {
        stdio: logFd === undefined ? ['inherit', 'inherit', 'inherit', 'ipc'] : ['ignore', logFd, logFd, 'ipc'],
        env: { ...inheritedEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...env, ASTRO_CACHE_DIR: cacheDirOf(i), BUILD_PART: `${i}/${parts}`, SITE_IN_PLACE: last ? '1' : '0' },
      });
      if (logFd !== undefined) closeSync(logFd);
      child.on('message', (message) => {
        if (message === LINKED_MESSAGE && ++linked === parts) deleteLastSite();
      });
      const exit = new Promise<number | string>((done) => child.on('exit', (code, signal) => done(code ?? signal ?? 1)));
      return { i, dir, log, exit };
    });
    const exits = await Promise.all(runs.map((r) => r.exit));
    // A part that stopped before linking said nothing: the deletion starts now at the latest.
    deleteLastSite();
    for (const r of runs.slice(1)) for (const line of readFileSync(r.log, 'utf8').split('\n')) if (line) console.log(`[part ${r.i}] ${line}`);
    const failed = runs.filter((_, k) => exits[k] !== 0);
    if (failed.length > 0) throw new BuildError(`build: astro build failed in part ${failed.map((r) => `${r.i} (exit ${exits[r.i]})`).join(', ')} of ${parts}`, 1);
    const after = dotAstroState();
    if (after !== synced) throw new BuildError(`build: the parts rewrote .astro/ (before: ${synced}; after: ${after}): Astro no longer honours \`sync: false\` (scripts/astro-build-part.ts), and parts syncing at once can fail`, 1);
    mkdirSync(dirname(resolve(outDir)), { recursive: true });
    moveDir(runs[0]!.dir, outDir);
    moved = runs.slice(1).map((r) => mergeInto(r.dir, outDir));
  } finally {
    deleteLastSite();
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`build: astro build done in ${Math.round(performance.now() - started)} ms`);
  return { site: resolve(outDir), parts, shape, moved };
}

/** Whether `a` and `b` are on one file system (false where either is missing): a rename between them works. */
function sameFileSystem(a: string, b: string): boolean {
  try {
    return statSync(a).dev === statSync(b).dev;
  } catch {
    return false;
  }
}

/**
 * What `astro sync` reads, as one digest: the code (src/content.config.ts, its loaders and schemas, and the locked
 * dependencies: `codeDigest`), the Astro config, and every file of `content/` (the registries and the synonyms the
 * collections load; not the plans' folder, which no collection reads).
 */
export function syncInputs(root = process.cwd()): string {
  const hash = createHash('sha1').update(codeDigest(root)).update('\0').update(readFileSync(join(root, 'astro.config.mjs')));
  for (const entry of readdirSync(join(root, 'content'), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isFile()) hash.update('\0').update(entry.name).update('\0').update(readFileSync(join(root, 'content', entry.name)));
  }
  return hash.digest('hex');
}

/** Where a build's cache folder records the inputs of its last complete `astro sync`. */
const syncRecordOf = (cacheDir: string) => join(cacheDir, 'sync-inputs.json');

/**
 * `astro sync`, unless its inputs (`syncInputs`) are those of the last sync recorded in the cache folder and what that
 * sync wrote is there (the data store in the cache folder, the content modules in `.astro/`): it would write the same
 * again (at 10,000 plans 2.5–3.5 s of every rebuild). The record is removed before a sync and written after it, so
 * that a sync that failed is never taken for done. Returns the inputs' digest (the site's shape is made of it too).
 */
function syncContent(env: Record<string, string>): string {
  const record = syncRecordOf(env.ASTRO_CACHE_DIR!);
  const inputs = syncInputs();
  const written = [join(env.ASTRO_CACHE_DIR!, 'data-store.json'), join('.astro', 'content-modules.mjs'), join('.astro', 'content-assets.mjs')];
  let last: string | null = null;
  try {
    last = (JSON.parse(readFileSync(record, 'utf8')) as { inputs?: string }).inputs ?? null;
  } catch {
    // none yet, or broken: sync
  }
  if (last === inputs && written.every((f) => existsSync(f))) {
    console.log('build: astro sync skipped: nothing it reads (code, Astro config, content/) changed since the last sync');
    return inputs;
  }
  rmSync(record, { force: true });
  run('astro sync', process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync'], env);
  mkdirSync(dirname(record), { recursive: true });
  writeFileSync(record, JSON.stringify({ inputs }));
  return inputs;
}

/** Old sites being deleted in the background (`setAside`); `build` waits for them before it returns. */
const deletions: Promise<void>[] = [];

/**
 * Moves `dir` (if there) to a sibling name and returns what deletes it, with any folder left by a build that was
 * stopped, in a child process (once, however often called), so that the build goes on meanwhile; `build` waits for
 * the deletion at its end.
 */
function setAside(dir: string): () => void {
  const target = resolve(dir);
  const parent = dirname(target);
  const leftovers = existsSync(parent) ? readdirSync(parent).filter((f) => f.startsWith(`.${basename(target)}.old-`)).map((f) => join(parent, f)) : [];
  if (existsSync(target)) {
    const aside = join(parent, `.${basename(target)}.old-${process.pid}`);
    rmSync(aside, { recursive: true, force: true });
    renameSync(target, aside);
    leftovers.push(aside);
  }
  let started = leftovers.length === 0;
  return () => {
    if (started) return;
    started = true;
    const child = spawn(process.execPath, ['-e', 'for (const d of process.argv.slice(1)) require("node:fs").rmSync(d, { recursive: true, force: true })', ...leftovers], { stdio: 'inherit' });
    deletions.push(new Promise((done, fail) => child.on('exit', (code) => (code === 0 ? done() : fail(new BuildError(`build: could not delete the last build's site (${leftovers.join(', ')}; exit ${code})`, 1))))));
  };
}

/**
 * The cache folder of part `i` of `parts`: each part keeps its own record of the pages it rendered (Astro's
 * incremental build, `incremental-build.json` and a copy of each page, astro.config.mjs), which two parts writing one
 * file would lose; a page always falls in the same part (src/lib/build-part.ts). It gets the content layer's data
 * store that `astro sync` just wrote in the build's cache folder (linked), since a part does not sync.
 */
function partCacheDir(cacheDir: string, i: number, parts: number): string {
  const dir = join(cacheDir, `part-${i}-of-${parts}`);
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(cacheDir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    rmSync(join(dir, entry.name), { force: true });
    linkOrCopy(join(cacheDir, entry.name), join(dir, entry.name));
  }
  return dir;
}

/**
 * Runs a Node script in `parts` processes at once, each told its part in `BUILD_PART` (one process: none), and
 * prints their output after them, each line marked `[part i]`; a part that fails fails the stage, naming it.
 */
async function runInParts(label: string, args: string[], parts: number, env: Record<string, string>): Promise<number> {
  if (parts === 1) return run(label, process.execPath, args, env);
  const started = performance.now();
  const runs = Array.from({ length: parts }, (_, i) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...inheritedEnv(), ...env, BUILD_PART: `${i}/${parts}` } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return new Promise<{ i: number; code: number | string; output: string }>((done) => child.on('close', (code, signal) => done({ i, code: code ?? signal ?? 1, output })));
  });
  const done = await Promise.all(runs);
  for (const r of done) for (const line of r.output.split('\n')) if (line) console.log(`[part ${r.i}] ${line}`);
  const failed = done.filter((r) => r.code !== 0);
  if (failed.length > 0) throw new BuildError(`build: ${label} failed in part ${failed.map((r) => `${r.i} (exit ${r.code})`).join(', ')} of ${parts}`, 1);
  const ms = Math.round(performance.now() - started);
  console.log(`build: ${label} done in ${ms} ms`);
  return ms;
}

/** The files Astro's content sync writes in `.astro/`, with their modification times: what a part must not touch. */
function dotAstroState(): string {
  const files = ['content-assets.mjs', 'content-modules.mjs', 'content.d.ts', 'types.d.ts'];
  return files.map((f) => `${f} ${existsSync(join('.astro', f)) ? statSync(join('.astro', f)).mtimeMs : 'none'}`).join(', ');
}

/** Moves a folder (a copy where it must cross file systems). */
function moveDir(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Moves every file of `from` into `into`; a file already there must have the same bytes. A folder `into` does not
 * have yet moves whole, in one rename: a part's pages are mostly folders of their own (`plans/<slug>/`, a page
 * falls in one part), so at 10,000 plans this is some 6,000 renames instead of 60,000 file moves and the 60,000
 * folders they leave empty (file by file: 7 s to move and 13.6 s to delete the emptied part, per build). Returns what
 * moved (files and whole folders, relative to `from`), which the next build moves back out to update the site in
 * place (scripts/lib/site-in-place.ts `takeApart`).
 */
export function mergeInto(from: string, into: string, root = from, moved: string[] = []): string[] {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(into, entry.name);
    if (!existsSync(target)) {
      moved.push(relative(root, source));
      try {
        renameSync(source, target);
        continue;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      }
      // Across file systems: a file is copied, a folder made and merged entry by entry.
      if (!entry.isDirectory()) {
        copyFileSync(source, target);
        continue;
      }
      mkdirSync(target);
    } else if (!entry.isDirectory()) {
      if (!readFileSync(target).equals(readFileSync(source))) throw new BuildError(`build: ${relative(root, source)} differs between the parts of the build (a page without parameters must render the same in every part)`, 1);
      continue;
    }
    mergeInto(source, target, root, moved);
  }
  return moved;
}

/** Runs a stage in this process, printing its time like `run`; a failure becomes a BuildError with its message. */
function timed<T>(label: string, fn: () => T): T {
  const started = performance.now();
  let out: T;
  try {
    out = fn();
  } catch (e) {
    throw new BuildError(`build: ${label} failed: ${(e as Error).message}`, 1);
  }
  console.log(`build: ${label} done in ${Math.round(performance.now() - started)} ms`);
  return out;
}

/** Is process `pid` running (on this machine)? */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Astro keeps build state in the project (`.astro/content-modules.mjs`) and in its cache dir, so two builds in
 * one checkout must not overlap (a test build and a benchmark build, say). A lock directory serialises them. It
 * records its owner's pid (`owner`): a lock whose owner is gone (a killed build) is taken over at once; one
 * without an owner file (being created, or left by an older version) after a minute.
 */
export function withBuildLock<T>(fn: () => T, { lock = resolve('.astro-build.lock'), maxWaitMs = 20 * 60_000 } = {}): T {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'owner'), String(process.pid));
      break;
    } catch {
      let stale = false;
      try {
        const owner = Number(readFileSync(join(lock, 'owner'), 'utf8'));
        stale = Number.isInteger(owner) && owner > 0 && !alive(owner);
      } catch {
        try {
          stale = Date.now() - statSync(lock).mtimeMs > 60_000;
        } catch {
          continue; // gone in between: try again
        }
      }
      if (stale) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() - started > maxWaitMs) throw new Error(`build: waited ${Math.round(maxWaitMs / 60_000)} minutes for ${lock}; remove it if no build is running`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  const release = () => rmSync(lock, { recursive: true, force: true });
  let result: T;
  try {
    result = fn();
  } catch (e) {
    release();
    throw e;
  }
  // An async fn holds the lock until it settles.
  if (result instanceof Promise) return result.finally(release) as T;
  release();
  return result;
}

/** The Astro cache folder of a build of the plans in `plansDir`: builds of other content get their own, beside their plans. */
export function astroCacheDirOf(plansDir: string): string {
  return resolve(plansDir) === resolve('content/plans') ? 'node_modules/.astro' : join(dirname(resolve(plansDir)), '.astro-cache');
}

export async function build(opts: BuildOptions): Promise<void> {
  // process.execPath is the pinned Node 24 when run through npm; astro and pagefind come from node_modules.
  run('ingest', process.execPath, ['scripts/ingest.ts', '--seeds', opts.seedsDir, '--out', opts.plansDir, ...(opts.strict ? ['--strict'] : [])]);
  // What needs every plan (the text reuse, the chart catalog, the open data), computed once for all rendering
  // processes (scripts/prepare.ts); the base, for the open data's URLs. A young generation of 64 MB: the text reuse
  // allocates short-lived objects by the million, and with the default a quarter of prepare's time was the garbage
  // collector (--cpu-prof at 10,000 plans); CPU 97–99 s → 87–92 s there, side by side (32 MB: no change; 128 MB: as 64).
  run('prepare', process.execPath, ['--max-semi-space-size=64', 'scripts/prepare.ts', '--plans', opts.plansDir], { BASE_PATH: opts.base });
  // Builds of other content get their own content-layer cache beside their plans, so they never read this one's.
  const cacheDir = astroCacheDirOf(opts.plansDir);
  // One build instant for every process of the build (src/lib/build-time.ts).
  // `BUILD_TIME` from the environment, if set, makes two builds state the same date (tests compare a rebuild with a
  // fresh build; a reproducible build can pin it).
  const env = { BASE_PATH: opts.base, PLANS_DIR: opts.plansDir, ASTRO_CACHE_DIR: cacheDir, BUILD_TIME: process.env.BUILD_TIME || new Date().toISOString() };
  const plans = planFiles(opts.plansDir).length;
  const parts = opts.parts ?? partsFor(plans);
  const assembly = await withBuildLock(async () => {
    if (parts > 1) return astroBuildInParts(opts.outDir, parts, plans, env);
    forgetAssembly(cacheDir);
    run('astro build', process.execPath, [...WRITING_NODE_OPTIONS, 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', opts.outDir], env);
    return null;
  });
  placeEnglishNotFound(opts.outDir);
  // The files that are not pages (source texts, open data, search records, citation and chart files:
  // src/lib/site-files.ts), written beside the pages by a plain script rather than rendered by Astro one by one,
  // and kept across builds in a cache beside the site. Files kept by a build in another number of parts are not
  // in this one's parts' records: it starts afresh.
  const filesCache = filesCacheOf(opts.outDir);
  if (existsSync(filesCache) && !existsSync(filesStateOf(filesCache, parts === 1 ? null : { index: 0, count: parts }))) rmSync(filesCache, { recursive: true, force: true });
  const filesBefore = recordedSiteFiles(filesCache, parts);
  await runInParts('site files', [...WRITING_NODE_OPTIONS, 'scripts/site-files.ts', '--plans', opts.plansDir, '--out', opts.outDir], parts, env);
  // The folders that files gone from a site updated in place left empty (a plan removed: `plans/<slug>/`).
  const filesAfter = recordedSiteFiles(filesCache, parts);
  for (const path of filesBefore) if (!filesAfter.has(path)) pruneEmpty(resolve(opts.outDir), dirname(resolve(opts.outDir, path)));
  // The search's candidate index, from the search records just written (scripts/search-pairs.ts).
  run('search index', process.execPath, ['scripts/search-pairs.ts', '--site', opts.outDir]);
  // `[data-ui]` marks editorial UI in a plan's text (anchors, readings, notes, note numbers): not source text, so
  // not indexed. One selector here instead of a `data-pagefind-ignore` on each of hundreds of marks per page.
  // Only the Chinese plan pages carry `data-pagefind-body`, so only they are indexed; `--glob` keeps Pagefind from
  // reading the other pages at all (at 1,000 plans, 19,000 pages: peak 3.0 GB and 85 s CPU → 1.65 GB and 21 s,
  // the same index). A new kind of indexed page must be added to this glob (tests/site/search-index.test.ts).
  // Large sites are indexed in shards of bounded memory, and a rebuild indexes again only the shards whose plans
  // changed (scripts/pagefind-shards.ts).
  const bundles = timed('pagefind', () => indexPlanPages(opts.outDir));
  // The search page reads a Pagefind result's record by its page id, and finds the shards in a small file (scripts/pagefind-ids.ts).
  // Not a stage the bench knows (its lines say "took", not "done in": scripts/bench/builds.ts `STAGES`).
  const linking = performance.now();
  linkRecordsByPagefindId(opts.outDir, bundles);
  console.log(`build: linking the search records by Pagefind id took ${Math.round(performance.now() - linking)} ms`);
  // Said when it holds the build up: at 10,000 plans the last site is some 250,000 files (issue 15's rebuild times).
  const waiting = performance.now();
  await Promise.all(deletions.splice(0));
  const waited = Math.round(performance.now() - waiting);
  if (waited >= 100) console.log(`build: waiting for the last build's site to be deleted took ${waited} ms`);
  // Last: the site is whole, and the next build may update it in place (scripts/lib/site-in-place.ts).
  if (assembly) writeAssembly(cacheDir, assembly);
  reportSkipped(opts.plansDir);
  reportNotRead(opts.seedsDir);
}

/** At the very end too, where it is seen: what the seeds folder holds that ingest does not read (scripts/lib/seed-folder.ts). */
export function reportNotRead(seedsDir: string): void {
  const { notRead } = readSeedFolder(seedsDir);
  if (notRead.length === 0) return;
  console.error(`\nbuild: ${notRead.length} entr${notRead.length === 1 ? 'y' : 'ies'} of ${seedsDir} not read (no page was made from them):`);
  for (const n of notRead) console.error(`  ${join(seedsDir, n.name)}: ${n.why}`);
}

/** After a lenient build, the texts ingest skipped, again at the very end where they are seen (not under Astro's log). */
function reportSkipped(plansDir: string): void {
  let failures: { message: string }[] = [];
  try {
    failures = (JSON.parse(readFileSync(join(plansDir, '_failures.json'), 'utf8')) as { failures: { message: string }[] }).failures;
  } catch {
    return;
  }
  if (failures.length === 0) return;
  console.error(`\nbuild: ${failures.length} text(s) could not be read and were skipped; the site was built without them (its home page lists them under 未能收录):`);
  for (const f of failures) console.error(`  ${f.message.replace(/\n/gu, '\n  ')}`);
  console.error('build: fix them and build again (`--strict` or INGEST_STRICT=1 makes such a text fail the build)');
}

if (import.meta.main) {
  const { values } = parseCommandLine('build', {
    options: {
      out: { type: 'string', default: 'dist' },
      base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
      seeds: { type: 'string', default: 'seeds' },
      plans: { type: 'string', default: 'content/plans' },
      strict: { type: 'boolean', default: process.env.INGEST_STRICT === '1' },
    },
  });
  try {
    await build({ outDir: values.out, base: values.base, seedsDir: values.seeds, plansDir: values.plans, strict: values.strict });
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    console.error(e.message);
    process.exitCode = e.exitCode;
  }
}
