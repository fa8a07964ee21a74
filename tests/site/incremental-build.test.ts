/**
 * A rebuild into the same folders after adding a plan and editing another (issue 15): the site it leaves is, file
 * for file, the site a fresh build of the same texts makes, and it did not redo what those changes do not touch:
 * the other plans' source pages, and the plan pages whose inputs did not change, are kept from the last build
 * (Astro's incremental build, astro.config.mjs; src/lib/page-keys.ts), and Pagefind indexes again only the shard
 * that changed (scripts/pagefind-shards.ts), and the search's pair index reads only the records that changed
 * (scripts/search-pairs.ts). Built in two parts, as a large library is, so each part's own cache
 * is exercised. What the comparison catches depends on what the change touches: leaving a plan page's charts out of
 * its key (src/lib/page-keys.ts) fails it; leaving its related sections out does not, since in this corpus every
 * page whose related sections change also changes otherwise. The rebuilds update the last site in place
 * (scripts/lib/site-in-place.ts). Another takes the new plan away and undoes the edit: the pages and files the build
 * no longer has must go. A last one finds no record of the site (as after a build that stopped part-way) and makes
 * a new site, the kept pages linked in from the cache before Astro starts (scripts/lib/kept-pages.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateCorpus, poolsFromSeeds } from '../../scripts/generate-corpus.ts';
import { buildSite } from '../support/global-setup.ts';
import { forgetAssembly } from '../../scripts/lib/site-in-place.ts';
import { astroCacheDirOf } from '../../scripts/build.ts';

/** Plans in the first build; the rebuild adds one. */
const PLANS = 24;
// Ten items a list page (src/lib/page-sizes.ts), so that this small library's lists have several pages, as a large
// library's do: the plan lists (/browse/…), the comparison and the entries' lists are paginated and keyed by page.
const ENV = { BUILD_PARTS: '2', BUILD_TIME: '2026-12-01T00:00:00.000Z', SITE_PAGE_SIZE: '10' };
const work = mkdtempSync(join(tmpdir(), 'incremental-build-'));
const texts = generateCorpus(PLANS + 1, 7, poolsFromSeeds());
const edited = texts[2]!;
let rebuildLog = '';
let unchangedLog = '';
let revertedLog = '';
/** The site's files after the unchanged rebuild. */
let unchangedFiles: string[] = [];
/** The site's files after the plan was added, and after it was taken away again and the edit undone. */
let rebuiltFiles: string[] = [];
let revertedFiles: string[] = [];

async function build(seeds: string, plans: string, site: string, env: Record<string, string> = {}): Promise<string> {
  const all = { ...ENV, ...env };
  const saved = Object.keys(all).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, all);
  try {
    return await buildSite(site, '/', ['--seeds', seeds, '--plans', plans]);
  } finally {
    for (const [name, before] of saved) {
      if (before === undefined) delete process.env[name];
      else process.env[name] = before;
    }
  }
}

/** A build's log line by line, without colours (Astro colours its log where the terminal, or FORCE_COLOR as in CI, asks for it). */
function plainLines(log: string): string[] {
  return log.split('\n').map((l) => l.replace(/\x1b\[[0-9;]*m/gu, '').trim());
}

/** The pages a build's log says it kept from the last build (Astro marks them "(restored)" or "(cached)"). */
function keptPages(log: string): string[] {
  return plainLines(log)
    .filter((l) => /\((?:restored|cached)\)$/u.test(l))
    .map((l) => /(\/\S*index\.html)/u.exec(l)?.[1] ?? l);
}

/** The words the rebuild adds to one plan's text. */
const EDIT = '并逐年评估';

/** The slug of the plan whose text the rebuild edited: the one whose page in `site` prints the added words. */
function editedSlugIn(site: string): string | undefined {
  return readdirSync(join(site, 'plans')).find((s) => readFileSync(join(site, 'plans', s, 'index.html'), 'utf8').includes(EDIT));
}

/** The rebuilt site, its files, the slug of the plan it added and of the plan whose text was edited. */
function afterTheRebuild(): { site: string; now: string[]; newSlug: string; editedSlug: string | undefined } {
  const site = join(work, 'site');
  const now = files(site);
  const newSlug = now.map((f) => /^plans\/([^/]+)\/index\.html$/u.exec(f)?.[1]).find((slug) => slug && !unchangedFiles.includes(`plans/${slug}/index.html`));
  expect(newSlug).toBeDefined();
  return { site, now, newSlug: newSlug!, editedSlug: editedSlugIn(site) };
}

/** Whether a page of the site links the plan `slug` (a list page names each plan it holds by its address). */
const pageLinksPlan = (site: string, page: string, slug: string | undefined) => readFileSync(join(site, page), 'utf8').includes(`/plans/${slug}/`);

/** Every folder under `dir` that holds nothing. */
function emptyFolders(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isDirectory() && readdirSync(join(e.parentPath, e.name)).length === 0)
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** Every file under `dir`, by path relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

beforeAll(async () => {
  const seeds = join(work, 'seeds');
  mkdirSync(seeds);
  for (const t of texts.slice(0, PLANS)) writeFileSync(join(seeds, t.name), t.text);
  await build(seeds, join(work, 'plans'), join(work, 'site'));
  // Started another way: the shell's record of the command that started the build (`_`) differs, as between
  // `npm start` and `npx node scripts/build.ts`. Astro wrote it into the route code (scripts/build.ts `INVOCATION_KEYS`).
  unchangedLog = await build(seeds, join(work, 'plans'), join(work, 'site'), { _: `${process.env._ ?? ''}/started-another-way` });
  unchangedFiles = files(join(work, 'site'));
  // A new plan, and one plan's text changed in a sentence of its body.
  writeFileSync(join(seeds, texts[PLANS]!.name), texts[PLANS]!.text);
  const sentence = edited.text.split('\n').findLast((l) => l.length > 20 && l.endsWith('。'))!;
  writeFileSync(join(seeds, edited.name), edited.text.replace(sentence, sentence.replace(/。$/u, `，${EDIT}。`)));
  rebuildLog = await build(seeds, join(work, 'plans'), join(work, 'site'));
  // The same texts, built afresh: other folders, so no cache of the first build is seen.
  const fresh = join(work, 'fresh');
  mkdirSync(fresh);
  await build(seeds, join(fresh, 'plans'), join(fresh, 'site'));
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The pages of the routes with keys besides the plan pages (src/lib/page-keys.ts `keyedPaths`): charts on their own,
 * and the pages of one cited document, region, department, term, theme, indicator or instrument (with their page
 * numbers), in both editions; not the lists of them (`documents/2/`: the segment after the route has a letter).
 */
const KEYED_LIST_PAGE = /^\/(en\/)?(embed|documents|regions|departments(?:\/region)?|glossary|themes|indicators|instruments)\/(?!region\/)[^/]*[a-z][^/]*\/(\d+\/)?index\.html$/u;

describe('a rebuild with nothing changed', () => {
  test('keeps every plan page, analysis page and source page, in both editions', () => {
    const kept = keptPages(unchangedLog);
    expect(kept.filter((p) => /^\/(en\/)?plans\/[^/]+\/index\.html$/u.test(p)), unchangedLog).toHaveLength(PLANS * 2);
    expect(kept.filter((p) => /^\/(en\/)?plans\/[^/]+\/analysis\/index\.html$/u.test(p))).toHaveLength(PLANS * 2);
    expect(kept.filter((p) => /^\/(en\/)?plans\/[^/]+\/source\/index\.html$/u.test(p))).toHaveLength(PLANS * 2);
  });

  test('updated the last site in place: every kept page found where it was, none linked or copied', () => {
    // Astro says "(restored)" for a page it copies from its cache, "(cached)" for one already in the output
    // (scripts/lib/site-in-place.ts).
    const marks = plainLines(unchangedLog);
    expect(marks.filter((l) => l.endsWith('(restored)')), unchangedLog).toEqual([]);
    expect(marks.filter((l) => l.endsWith('(cached)')).length).toBeGreaterThan(PLANS * 6);
    expect(unchangedLog).toMatch(/^build: the last site taken apart to be updated in place in \d+ ms$/mu);
    expect(unchangedLog.match(/astro-build-part: [1-9]\d* file\(s\) of the last build in place/gu)).toHaveLength(2);
    expect(unchangedLog).not.toMatch(/astro-build-part: linked/u);
  });

  test('syncs no content: nothing `astro sync` reads (code, Astro config, content/) changed', () => {
    expect(unchangedLog).toMatch(/build: astro sync skipped: nothing it reads/u);
    expect(unchangedLog).not.toMatch(/build: astro sync done/u);
    // Nor when plans changed: no collection reads them.
    expect(rebuildLog).toMatch(/build: astro sync skipped: nothing it reads/u);
  });

  test('runs no part of prepare: nothing it reads changed', () => {
    expect(unchangedLog).toMatch(new RegExp(`prepare: nothing it reads changed since its last run \\(${PLANS} plan\\(s\\)`, 'u'));
    expect(rebuildLog).toMatch(/prepared the text reuse, charts and open data of \d+ plan\(s\)/u);
  });

  test('makes none of the files that are not pages again, the open data of every plan included', () => {
    const made = [...unchangedLog.matchAll(/wrote (\d+) file\(s\) that are not pages in \d+ ms \((\d+) made, (\d+) kept from the last build, (\d+) linked from prepare; (\d+) plan\(s\) read/gu)];
    expect(made, unchangedLog).toHaveLength(2);
    expect(made.reduce((n, m) => n + Number(m[2]), 0)).toBe(0);
    expect(made.reduce((n, m) => n + Number(m[3]), 0)).toBeGreaterThan(PLANS * 7);
    // The open data of every plan is prepare's (src/lib/open-data-files.ts: its six files), and no plan is read to key the rest.
    expect(made.reduce((n, m) => n + Number(m[4]), 0)).toBe(6);
    expect(made.map((m) => Number(m[5]))).toEqual([0, 0]);
  });

  test('indexes nothing of the text again, nor reads a plan page', () => {
    // The pages are the very files of the last build (in place), which the pagefind stage knows by their stamp.
    expect(unchangedLog).toMatch(/^pagefind: 1 shard\(s\) of at most \d+ plans, 0 plan page\(s\) read \(the others as at the last build\); indexing 0$/mu);
  });

  test('makes no file of the search index again and reads no search record', () => {
    expect(unchangedLog).toMatch(new RegExp(`search pairs: ${PLANS} plan\\(s\\), \\d+ bucket file\\(s\\), \\d+ KB in \\d+ ms \\(0 record\\(s\\) read, 0 bucket file\\(s\\) made`, 'u'));
  });

  test('keeps every page of a chart, cited document, region, department, term, theme, indicator and instrument', () => {
    const pages = unchangedFiles.map((f) => `/${f}`).filter((f) => KEYED_LIST_PAGE.test(f));
    // Each kind is there to be kept (a corpus without, say, instruments would test nothing of them).
    for (const kind of ['embed', 'documents', 'regions', 'departments', 'glossary', 'themes', 'indicators', 'instruments']) expect(pages.some((p) => p.startsWith(`/${kind}/`)), kind).toBe(true);
    expect(keptPages(unchangedLog).filter((p) => KEYED_LIST_PAGE.test(p)).sort()).toEqual(pages.sort());
  });

  test('keeps every page of the plan lists, the comparison, the text-reuse list and the lists of cited documents and of departments', () => {
    const lists = /^\/(en\/)?(browse\/[^/]+|compare|reuse|documents|departments)\/(\d+\/)?index\.html$/u;
    const pages = unchangedFiles.map((f) => `/${f}`).filter((f) => lists.test(f));
    for (const list of ['browse/all/2/', 'browse/kind-', 'compare/2/', 'reuse/', 'documents/', 'departments/']) expect(pages.some((p) => p.startsWith(`/${list}`)), list).toBe(true);
    expect(keptPages(unchangedLog).filter((p) => lists.test(p)).sort()).toEqual(pages.sort());
  });
});

describe('a rebuild after adding a plan and editing another', () => {
  test('leaves the site a fresh build makes, file for file (updating the last site in place)', () => {
    expect(rebuildLog).toMatch(/^build: the last site taken apart to be updated in place/mu);
    const rebuilt = join(work, 'site');
    const fresh = join(work, 'fresh', 'site');
    expect(files(rebuilt)).toEqual(files(fresh));
    const differing = files(fresh).filter((f) => !readFileSync(join(rebuilt, f)).equals(readFileSync(join(fresh, f))));
    expect(differing).toEqual([]);
    // The last build's site, moved aside while the new one was made (scripts/build.ts `setAside`), is gone.
    expect(readdirSync(work).filter((f) => f.includes('.old-'))).toEqual([]);
  });

  test('kept the source pages of the plans it did not change, in both editions, and rendered the others', () => {
    const kept = keptPages(rebuildLog).filter((p) => /^\/(en\/)?plans\/[^/]+\/source\/index\.html$/u.test(p));
    // PLANS − 1 unchanged plans × 2 editions; the edited and the new plan are rendered.
    expect(kept, rebuildLog).toHaveLength((PLANS - 1) * 2);
  });

  test('never kept the plan page of the edited plan', () => {
    const editedSlug = editedSlugIn(join(work, 'site'));
    expect(editedSlug).toBeDefined();
    const kept = keptPages(rebuildLog);
    expect(kept).not.toContain(`/plans/${editedSlug}/index.html`);
    expect(kept).not.toContain(`/en/plans/${editedSlug}/index.html`);
    expect(kept).not.toContain(`/plans/${editedSlug}/analysis/index.html`);
    const planPages = kept.filter((p) => /^\/(en\/)?plans\/[^/]+\/index\.html$/u.test(p));
    const analysisPages = kept.filter((p) => /^\/(en\/)?plans\/[^/]+\/analysis\/index\.html$/u.test(p));
    // A new plan changes most small-library analysis pages (the peers' charts, text reuse): 10 of 48 kept here. The
    // text's page holds none of that (only related sections and reused paragraphs' marks): 26 of 48 kept.
    expect(analysisPages.length).toBeGreaterThan(0);
    expect(planPages.length).toBeGreaterThan(analysisPages.length);
    // Some plan's analysis page changed while its text's page was kept.
    expect(planPages.some((p) => !analysisPages.includes(p.replace(/index\.html$/u, 'analysis/index.html')))).toBe(true);
  });

  test('kept some pages of charts and of list entries that the new plan does not join', () => {
    const kept = keptPages(rebuildLog).filter((p) => KEYED_LIST_PAGE.test(p));
    expect(kept.filter((p) => p.startsWith('/embed/')).length, rebuildLog).toBeGreaterThan(0);
    expect(kept.filter((p) => !/^\/(en\/)?embed\//u.test(p)).length).toBeGreaterThan(0);
  });

  test('kept the pages of the comparison before the one the new plan joined (the pages carry no count of the whole list)', () => {
    const { site, now, newSlug, editedSlug } = afterTheRebuild();
    const pages = now.filter((f) => /^compare\/(\d+\/)?index\.html$/u.test(f)).sort((a, b) => a.length - b.length || a.localeCompare(b));
    const holds = (page: string, slug: string | undefined) => pageLinksPlan(site, page, slug);
    const joined = pages.findIndex((page) => holds(page, newSlug));
    const before = pages.slice(0, joined).filter((page) => !holds(page, editedSlug));
    // The corpus puts the new plan past the first page, and some page before it does not hold the edited plan.
    expect(before.length, pages.join(' ')).toBeGreaterThan(0);
    const kept = keptPages(rebuildLog);
    for (const page of before) {
      expect(kept).toContain(`/${page}`);
      expect(kept).toContain(`/en/${page}`);
    }
  });

  test('kept the pages of a term after its first and before the one the new plan joined (the count is on the first page only)', () => {
    const { site, now, newSlug, editedSlug } = afterTheRebuild();
    const holds = (page: string, slug: string | undefined) => pageLinksPlan(site, page, slug);
    const byTerm = Map.groupBy(now.filter((f) => /^glossary\/[^/]+\/(\d+\/)?index\.html$/u.test(f)), (f) => f.split('/')[1]!);
    const before = [...byTerm.values()].flatMap((pages) => {
      pages.sort((a, b) => a.length - b.length || a.localeCompare(b));
      const joined = pages.findIndex((page) => holds(page, newSlug));
      return joined < 0 ? [] : pages.slice(1, joined).filter((page) => !holds(page, editedSlug));
    });
    // This library has terms of three pages or more whose middle pages neither the new nor the edited plan is on.
    expect(before.length, [...byTerm.keys()].join(' ')).toBeGreaterThan(0);
    const kept = keptPages(rebuildLog);
    for (const page of before) {
      expect(kept).toContain(`/${page}`);
      expect(kept).toContain(`/en/${page}`);
    }
    // The first page says how many plans use the term; the pages after it do not.
    const [first, second] = byTerm.get(before[0]!.split('/')[1]!)!;
    expect(readFileSync(join(site, first!), 'utf8')).toMatch(/使用该术语的规划（\d+）/u);
    expect(readFileSync(join(site, second!), 'utf8')).toMatch(/使用该术语的规划<\/h2>/u);
  });

  test('read the search records of the new and the edited plan only', () => {
    const m = /search pairs: (\d+) plan\(s\), (\d+) bucket file\(s\), \d+ KB in \d+ ms \((\d+) record\(s\) read, (\d+) bucket file\(s\) made/u.exec(rebuildLog);
    expect(m, rebuildLog).not.toBeNull();
    expect(Number(m![1])).toBe(PLANS + 1);
    expect(Number(m![3])).toBe(2);
    // Each plan's thousands of keys fall in every one of this small library's buckets: src/lib/search/pairs.test.ts
    // shows a change making only some.
    expect(Number(m![4])).toBeGreaterThan(0);
  });

  test('indexed only the search shard the new plan joined', () => {
    const pagefind = rebuildLog.split('\n').filter((l) => /^pagefind: |^ {2}shard /u.test(l));
    expect(pagefind).toEqual([expect.stringMatching(/^pagefind: 1 shard\(s\) of at most \d+ plans, \d+ plan page\(s\) read \(the others as at the last build\); indexing 1$/u), `  shard 0 (${PLANS + 1} plans): 1 page(s) changed, 1 plan(s) added`]);
    // Of the plan pages, it read the ones Astro rendered again (the new and the edited plan's among them), not the kept ones.
    const read = Number(/, (\d+) plan page\(s\) read/u.exec(pagefind[0]!)![1]);
    const rendered = plainLines(rebuildLog).filter((l) => /\/plans\/[^/]+\/index\.html \(\+\d+ms\)$/u.test(l) && !/\/en\//u.test(l)).length;
    expect(read).toBeGreaterThanOrEqual(2);
    expect(read).toBe(rendered);
    expect(read).toBeLessThan(PLANS);
  });
});

describe('a rebuild after taking the new plan away again and undoing the edit', () => {
  // After the tests above, which read the rebuilt site: back to the first texts. The new plan's pages and files, in
  // the site updated in place, must go again.
  beforeAll(async () => {
    const seeds = join(work, 'seeds');
    rebuiltFiles = files(join(work, 'site'));
    rmSync(join(seeds, texts[PLANS]!.name));
    writeFileSync(join(seeds, edited.name), edited.text);
    revertedLog = await build(seeds, join(work, 'plans'), join(work, 'site'));
    revertedFiles = files(join(work, 'site'));
  }, 300_000);

  test('leaves the files of the first build: the pages and files of the plan taken away are gone, and their folders', () => {
    const added = rebuiltFiles.filter((f) => !unchangedFiles.includes(f));
    expect(added.filter((f) => f.endsWith('index.html')).length, 'the new plan had pages').toBeGreaterThan(4);
    expect(added.filter((f) => !f.endsWith('.html')).length, 'the new plan had other files').toBeGreaterThan(4);
    expect(revertedLog).toMatch(/^build: the last site taken apart to be updated in place/mu);
    expect(revertedFiles).toEqual(unchangedFiles);
    expect(emptyFolders(join(work, 'site'))).toEqual([]);
    expect(revertedLog, 'pages that the build no longer has were removed').toMatch(/astro-build-part: removed [1-9]\d* page\(s\) this build no longer has/u);
  });
});

describe('a rebuild of a site whose last build did not finish', () => {
  // A build that stops part-way leaves no record of the site (scripts/lib/site-in-place.ts), so the next one makes a
  // new site: the kept pages linked in from the cache before Astro starts (scripts/lib/kept-pages.ts).
  let log = '';
  /** The scratch folder a build stopped by force leaves in the project, with the site it was updating taken apart. */
  const leftover = join(process.cwd(), '.astro-parts-stopped-by-test');
  beforeAll(async () => {
    forgetAssembly(astroCacheDirOf(join(work, 'plans')));
    mkdirSync(join(leftover, 'part-0'), { recursive: true });
    writeFileSync(join(leftover, 'part-0', 'index.html'), 'a page of the site it was updating');
    log = await build(join(work, 'seeds'), join(work, 'plans'), join(work, 'site'));
  }, 300_000);
  afterAll(() => rmSync(leftover, { recursive: true, force: true }));

  test('deletes the scratch folder a build stopped by force left', () => {
    expect(existsSync(leftover)).toBe(false);
  });

  test('makes a new site, every kept page linked from the cache instead of copied, and the same files', () => {
    expect(log).not.toMatch(/taken apart/u);
    expect(log.match(/astro-build-part: linked [1-9]\d* page\(s\) of the last build from the cache/gu)).toHaveLength(2);
    expect(plainLines(log).filter((l) => l.endsWith('(restored)')), log).toEqual([]);
    expect(plainLines(log).filter((l) => l.endsWith('(cached)')).length).toBeGreaterThan(PLANS * 6);
    expect(files(join(work, 'site'))).toEqual(unchangedFiles);
    expect(readdirSync(work).filter((f) => f.includes('.old-'))).toEqual([]);
  });
});

describe('a rebuild of a site after the same plans were built into another folder', () => {
  // The other build rewrote the cache's records of pages and outputs: they describe its folder, not this one.
  let log = '';
  beforeAll(async () => {
    await build(join(work, 'seeds'), join(work, 'plans'), join(work, 'second-site'));
    log = await build(join(work, 'seeds'), join(work, 'plans'), join(work, 'site'));
  }, 300_000);

  test('makes a new site instead of updating this one in place, with the same files', () => {
    expect(log).not.toMatch(/taken apart/u);
    expect(log.match(/astro-build-part: linked [1-9]\d* page\(s\) of the last build from the cache/gu)).toHaveLength(2);
    expect(files(join(work, 'site'))).toEqual(unchangedFiles);
  });
});
