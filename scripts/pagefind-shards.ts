/**
 * The Pagefind stage of the build, in bounded pieces that a rebuild reuses.
 *
 * Bounded: Pagefind holds a whole index in memory while it builds it, about 1.5 MB per plan page (1,000 plans:
 * 1.54 GB peak), so one index of 10,000 plans would need about 16 GB. Above `SHARD_PLANS` plans the plan pages are
 * indexed in shards of at most that many, one Pagefind process after another, each writing its own bundle; the site
 * gets them as `pagefind/`, `pagefind-1/`, … and the search page loads the first and merges the others into it with
 * Pagefind's own `mergeIndex` (src/scripts/search.ts), so a query still searches every plan.
 *
 * Reused: the shards live in a cache folder beside the site (`.<site>.pagefind/`, which the site's own rebuild does
 * not empty), with a state file naming each shard's plans and a digest of what Pagefind reads of each plan page
 * (and the page file's stamp: a page whose file is as at the last build is not read again). A rebuild indexes again
 * only the shards where a plan was added, removed or changed in what Pagefind reads; the others are linked into the
 * site as they are. Shards keep their plans from build to build; a new plan joins the last shard while it has room,
 * so adding one plan to a library indexes one shard again, not the library (issue 15). A different Pagefind, other
 * arguments or another shard size start afresh.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { linkOrCopy } from './lib/link-or-copy.ts';
import { fileStamp } from './lib/file-stamp.ts';

/**
 * Plans per index shard. Memory allows 4,000 (≈ 6 GB of Pagefind, 1.5 MB a plan page). 1,000 because a rebuild
 * after adding one plan indexes one shard again (1,000 pages ≈ 17 s here, against 190 s for all of 10,000 plans),
 * while a loose query (the search's last tier, src/scripts/search.ts) asks every shard: 10 at 10,000 plans.
 */
export const SHARD_PLANS = 1000;

/** The bundle folder of shard `i` under the site root. */
export function bundleDir(i: number): string {
  return i === 0 ? 'pagefind' : `pagefind-${i}`;
}

/** Slugs in shards of at most `size`, in slug order (a fresh index of the same plans gives the same shards). */
export function shardSlugs(slugs: readonly string[], size: number): string[][] {
  checkSize(size);
  const sorted = [...slugs].sort();
  const shards: string[][] = [];
  for (let i = 0; i < sorted.length; i += size) shards.push(sorted.slice(i, i + size));
  return shards.length > 0 ? shards : [[]];
}

function checkSize(size: number): void {
  if (!Number.isInteger(size) || size < 1) throw new Error(`index shard size must be a positive whole number, got ${size}`);
}

/** The shard size a build uses: `SEARCH_SHARD_PLANS` in the environment (tests use small shards), else SHARD_PLANS. */
export function shardSizeFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SEARCH_SHARD_PLANS;
  if (raw === undefined || raw === '') return SHARD_PLANS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`SEARCH_SHARD_PLANS must be a positive whole number, got "${raw}"`);
  return n;
}

/** Arguments every Pagefind run shares: only plan pages are indexed, without the editorial UI (see build.ts). */
const PAGEFIND_ARGS = ['--glob', 'plans/*/index.html', '--exclude-selectors', '[data-ui]', '--quiet'];

/** Elements without content: a `[data-ui]` one is only its tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** One start or end tag at the regex's `lastIndex`: its name, its attributes (quoted values may hold `>`). */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;

function tagAt(html: string, at: number): { end: boolean; name: string; attrs: string; selfClosing: boolean; stop: number } | null {
  TAG.lastIndex = at;
  const m = TAG.exec(html);
  return m ? { end: m[1] === '/', name: m[2]!.toLowerCase(), attrs: m[3]!, selfClosing: m[4] === '/', stop: TAG.lastIndex } : null;
}

/** Whether a start tag's attribute text (as `TAG` matched it) names the attribute (not merely holds it in a value). */
function hasAttribute(attrs: string, name: string): boolean {
  for (const m of attrs.matchAll(/\s+([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/gu)) if (m[1]!.toLowerCase() === name) return true;
  return false;
}

/** Where the scripts and styles of a page are, start tag to end tag (sorted): their text may look like tags. */
function rawTextSpans(html: string): [number, number][] {
  return [...html.matchAll(/<(script|style)\b[^]*?(?:<\/\1\s*>|$)/gu)].map((m) => [m.index, m.index + m[0].length]);
}

/** Where the element whose start tag ends at `from` ends (after its end tag), or -1 if it is not closed. */
function elementEnd(html: string, name: string, from: number, raw: readonly [number, number][]): number {
  let depth = 1;
  let r = 0;
  for (let at = html.indexOf('<', from); at !== -1; at = html.indexOf('<', at + 1)) {
    while (r < raw.length && raw[r]![1] <= at) r++;
    if (r < raw.length && raw[r]![0] < at) {
      at = raw[r]![1] - 1;
      continue;
    }
    const tag = tagAt(html, at);
    if (!tag || tag.name !== name) continue;
    if (tag.end) depth--;
    else if (!tag.selfClosing) depth++;
    if (depth === 0) return tag.stop;
  }
  return -1;
}

/**
 * HTML without its `class` attributes: Pagefind reads a class only through a selector it is given, and this build
 * gives none (`PAGEFIND_ARGS`), while another plan's arrival marks paragraphs of this one as reused (`class="reused"`).
 * A class after an attribute value holding `>` is kept (counted: the safe side).
 */
function withoutClasses(html: string): string {
  return html.replace(/(<[a-zA-Z][^>]*?)\sclass="[^"]*"/gu, '$1');
}

/**
 * A digest of what Pagefind reads of a page: the page without the parts Pagefind skips, so that a rebuild indexes a
 * page again only when what it would index changed. Skipped: `[data-ui]` elements (editorial UI, which the build
 * tells Pagefind to exclude: section links, related sections of other plans, the printed build date) and
 * `[data-pagefind-ignore]` ones that hold no other `data-pagefind-` attribute (Pagefind still reads filters, meta
 * and sort keys inside those; here they would count whole), and `class` attributes. Another plan's arrival changes
 * other plans' pages only there (their related sections, their targets' comparison with their peers, the mark on a
 * paragraph it reuses), so their shards stay as they are. Anything else that changes counts, whether Pagefind reads it or not (a digest that says "changed" too often
 * only costs time). The page is read as Latin-1: tags are ASCII, and a byte of a Chinese character never looks
 * like one.
 */
export function indexedDigest(page: Buffer): string {
  const html = page.toString('latin1');
  const hash = createHash('sha1');
  const raw = rawTextSpans(html);
  let r = 0;
  let kept = 0;
  for (const m of html.matchAll(/\sdata-(ui|pagefind-ignore)(?=[\s=>/])/gu)) {
    const at = m.index;
    while (r < raw.length && raw[r]![1] <= at) r++;
    if (r < raw.length && raw[r]![0] < at) continue; // inside a script or style: text, not a tag
    const open = html.lastIndexOf('<', at);
    if (open < kept) continue; // inside a part already skipped
    const tag = tagAt(html, open);
    // Only the attribute itself, in a start tag that holds this position (not text, not a value, not a script).
    if (!tag || tag.end || tag.stop <= at || !hasAttribute(tag.attrs, `data-${m[1]}`)) continue;
    const end = tag.selfClosing || VOID.has(tag.name) ? tag.stop : elementEnd(html, tag.name, tag.stop, raw);
    if (end === -1) break; // not closed: the rest counts whole
    if (m[1] === 'pagefind-ignore' && /data-pagefind-(?!ignore)/u.test(html.slice(tag.stop, end))) continue;
    hash.update(withoutClasses(html.slice(kept, open)), 'latin1');
    kept = end;
  }
  hash.update(withoutClasses(html.slice(kept)), 'latin1');
  return hash.digest('hex');
}

/** One shard as the state file keeps it: a name of its own (its cache folder), its plans, its entry file's digest. */
export interface ShardState {
  id: number;
  slugs: string[];
  entry: string;
}

/** What the cache folder holds besides the shards: what they were indexed from. */
export interface PagefindState {
  version: 1;
  /** Pagefind's version and arguments and the shard size; any other makes a fresh index. */
  indexer: string;
  size: number;
  nextId: number;
  /** Slug → `indexedDigest` of its plan page when last indexed. */
  digests: Record<string, string>;
  /**
   * Slug → `fileStamp` of its plan page when its digest was taken: a page with the same stamp is not read again (a
   * kept page is the same file, a link into Astro's cache; at 10,000 plans reading and digesting every page took
   * about 3 s of each rebuild). Absent in a state written before: every page is read.
   */
  stamps?: Record<string, string>;
  shards: ShardState[];
}

/** A shard of this build: reused as it is, or indexed again (`reason` says why). */
export interface PlannedShard {
  id: number;
  slugs: string[];
  reason: string | null;
}

/**
 * The shards of this build from the last build's (`previous`, null for none) and the plan pages' digests now.
 * A shard is indexed again when one of its plans is gone or changed, when it gains a plan, or when its bundle is not
 * as it was left (`intact`); new plans fill the last shard, then new shards, in slug order.
 */
export function planShards(
  previous: Pick<PagefindState, 'digests' | 'shards' | 'nextId'> | null,
  digests: ReadonlyMap<string, string>,
  size: number,
  intact: (shard: ShardState) => boolean = () => true,
): { shards: PlannedShard[]; nextId: number } {
  checkSize(size);
  if (!previous) {
    const shards = shardSlugs([...digests.keys()], size).map((slugs, id) => ({ id, slugs, reason: 'fresh index' }));
    return { shards, nextId: shards.length };
  }
  let nextId = previous.nextId;
  const placed = new Set<string>();
  const shards: PlannedShard[] = [];
  for (const old of previous.shards) {
    const slugs = old.slugs.filter((s) => digests.has(s));
    old.slugs.forEach((s) => placed.add(s));
    if (slugs.length === 0) continue;
    const gone = old.slugs.length - slugs.length;
    const changed = slugs.filter((s) => previous.digests[s] !== digests.get(s)).length;
    const reason = gone > 0 ? `${gone} plan(s) removed` : changed > 0 ? `${changed} page(s) changed` : intact(old) ? null : 'bundle not as left';
    shards.push({ id: old.id, slugs, reason });
  }
  const added = [...digests.keys()].filter((s) => !placed.has(s)).sort();
  const last = shards.at(-1);
  if (last && last.slugs.length < size && added.length > 0) {
    const joining = added.splice(0, size - last.slugs.length);
    last.slugs = [...last.slugs, ...joining];
    last.reason = [last.reason, `${joining.length} plan(s) added`].filter(Boolean).join(', ');
  }
  for (let i = 0; i < added.length; i += size) shards.push({ id: nextId++, slugs: added.slice(i, i + size), reason: 'new shard' });
  if (shards.length === 0) shards.push({ id: nextId++, slugs: [], reason: 'fresh index' });
  return { shards, nextId };
}

function runPagefind(args: string[]): void {
  const result = spawnSync(process.execPath, ['node_modules/pagefind/lib/runner/bin.cjs', ...args, ...PAGEFIND_ARGS], { stdio: 'inherit', timeout: 120 * 60_000, killSignal: 'SIGKILL' });
  if (result.status !== 0) throw new Error(`pagefind ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** The cache folder of a site's index shards: beside the site, so that emptying the site keeps it. */
export function cacheDirOf(siteDir: string): string {
  const site = resolve(siteDir);
  return join(dirname(site), `.${basename(site)}.pagefind`);
}

const STATE = 'state.json';
const shardDir = (cache: string, id: number) => join(cache, `shard-${id}`);
const sha1 = (file: string) => createHash('sha1').update(readFileSync(file)).digest('hex');

function indexer(): string {
  const { version } = JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')) as { version: string };
  return `pagefind ${version} ${PAGEFIND_ARGS.join(' ')}`;
}

function readState(cache: string, size: number): PagefindState | null {
  try {
    const state = JSON.parse(readFileSync(join(cache, STATE), 'utf8')) as PagefindState;
    return state.version === 1 && state.indexer === indexer() && state.size === size ? state : null;
  } catch {
    return null;
  }
}

function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    if (statSync(source).isDirectory()) linkTree(source, join(to, name));
    else linkOrCopy(source, join(to, name));
  }
}

/**
 * Indexes the plan pages of a built site, reusing the shards of the last build where nothing they index changed;
 * returns the bundle folders written into the site, first the one the search page loads. A shard is indexed from a
 * scratch folder holding links to its plan pages (same paths, so the same URLs), because Pagefind selects files only
 * by glob.
 */
export function indexPlanPages(siteDir: string, shardSize = shardSizeFromEnv(), cache = cacheDirOf(siteDir)): string[] {
  const plansDir = join(siteDir, 'plans');
  const pageOf = (slug: string) => join(plansDir, slug, 'index.html');
  const previous = readState(cache, shardSize);
  const stamps = new Map<string, string>();
  for (const slug of readdirSync(plansDir)) {
    const stamp = fileStamp(pageOf(slug));
    if (stamp !== null) stamps.set(slug, stamp);
  }
  let read = 0;
  const digests = new Map(
    [...stamps].map(([slug, stamp]) => {
      const known = previous?.stamps?.[slug] === stamp ? previous.digests[slug] : undefined;
      if (known !== undefined) return [slug, known];
      read++;
      return [slug, indexedDigest(readFileSync(pageOf(slug)))];
    }),
  );
  if (!previous) rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  const intact = (shard: ShardState) => {
    const entry = join(shardDir(cache, shard.id), 'pagefind-entry.json');
    return existsSync(entry) && sha1(entry) === shard.entry;
  };
  const plan = planShards(previous, digests, shardSize, intact);
  const redo = plan.shards.filter((s) => s.reason !== null);
  console.log(`pagefind: ${plan.shards.length} shard(s) of at most ${shardSize} plans, ${read} plan page(s) read (the others as at the last build); indexing ${redo.length}${redo.map((s) => `\n  shard ${s.id} (${s.slugs.length} plans): ${s.reason}`).join('')}`);
  const scratch = mkdtempSync(join(dirname(resolve(siteDir)), '.pagefind-shard-'));
  try {
    for (const shard of redo) {
      const root = join(scratch, String(shard.id));
      for (const slug of shard.slugs) {
        mkdirSync(join(root, 'plans', slug), { recursive: true });
        linkOrCopy(join(plansDir, slug, 'index.html'), join(root, 'plans', slug, 'index.html'));
      }
      mkdirSync(root, { recursive: true });
      rmSync(shardDir(cache, shard.id), { recursive: true, force: true });
      runPagefind(['--site', root, '--output-path', shardDir(cache, shard.id)]);
      rmSync(root, { recursive: true, force: true });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  // Shards no longer used leave the cache; the state is written last, so an index cut short is redone.
  const used = new Set(plan.shards.map((s) => `shard-${s.id}`));
  for (const name of readdirSync(cache)) if (name.startsWith('shard-') && !used.has(name)) rmSync(join(cache, name), { recursive: true, force: true });
  const state: PagefindState = {
    version: 1,
    indexer: indexer(),
    size: shardSize,
    nextId: plan.nextId,
    digests: Object.fromEntries(plan.shards.flatMap((s) => s.slugs.map((slug) => [slug, digests.get(slug)!]))),
    stamps: Object.fromEntries(plan.shards.flatMap((s) => s.slugs.map((slug) => [slug, stamps.get(slug)!]))),
    shards: plan.shards.map((s) => ({ id: s.id, slugs: s.slugs, entry: sha1(join(shardDir(cache, s.id), 'pagefind-entry.json')) })),
  };
  writeFileSync(join(cache, `${STATE}.tmp`), JSON.stringify(state));
  renameSync(join(cache, `${STATE}.tmp`), join(cache, STATE));
  // Into the site: the bundles in order, under the names the search page knows (a bundle reads its files from
  // where it is loaded, so a shard may sit under another name than last time).
  for (let i = 0; existsSync(join(siteDir, bundleDir(i))); i++) rmSync(join(siteDir, bundleDir(i)), { recursive: true, force: true });
  plan.shards.forEach((s, i) => linkTree(shardDir(cache, s.id), join(siteDir, bundleDir(i))));
  return plan.shards.map((_, i) => bundleDir(i));
}
