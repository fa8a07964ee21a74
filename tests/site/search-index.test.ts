/**
 * What Pagefind's real index holds for a plan page, read through Pagefind's own API in Chromium: the plan's text,
 * without the editorial UI marked `[data-ui]` (editors' notes, value readings, anchors, note numbers), which the
 * build leaves out with `--exclude-selectors` (scripts/build.ts). Expectations from the seeds: 002 (红桥) and 004
 * (辛集) show editors' notes (编者注), a word no seed contains; 000 (北辰) writes 有效发明专利 (line 37), its value
 * reading names the indicator as the registry does (有效发明专利拥有量), which the text never writes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, expect, inject, test } from 'vitest';
import { join } from 'node:path';
import { builtPages, pageUrl } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');

const browser = browserForFile();
beforeAll(async () => {
  await browser.page.goto(pageUrl(baseUrl, '/search/'));
});

/** The indexed text of each page Pagefind returns for `q`, by URL. */
async function indexedText(q: string): Promise<Record<string, string>> {
  const bundle = pageUrl(baseUrl, '/pagefind/pagefind.js');
  // A string, not a function: Vitest would rewrite a function's `import()` into its own loader.
  return browser.page.evaluate(`(async () => {
    const pagefind = await import(${JSON.stringify(bundle)});
    await pagefind.init();
    const search = await pagefind.search(${JSON.stringify(q)});
    const pages = await Promise.all(search.results.map((r) => r.data()));
    return Object.fromEntries(pages.map((d) => [d.url, d.content]));
  })()`) as Promise<Record<string, string>>;
}

const pageHtml = (slug: string) => readFileSync(`${siteDir}/plans/${slug}/index.html`, 'utf8');

test('the editors’ notes are on the pages but not in their indexed text', async () => {
  const seedsWithWord = readdirSync('seeds').filter((f) => f.endsWith('.txt') && readFileSync(`seeds/${f}`, 'utf8').includes('编者注'));
  expect(seedsWithWord, 'no seed text says 编者注').toEqual([]);
  const slugs = ['hongqiao-2020-2022', 'xinji-14th-five-year'];
  for (const slug of slugs) expect(pageHtml(slug), slug).toContain('编者注');
  const texts = await indexedText('瞪羚企业');
  for (const slug of slugs) {
    const text = texts[`/plans/${slug}/`];
    expect(text, `${slug} is found by 瞪羚企业`).toBeDefined();
    expect(text!.includes('瞪羚'), `${slug}: its text is indexed`).toBe(true);
    expect(text!.includes('编者注'), `${slug}: an editors' note is indexed`).toBe(false);
  }
});

test('the value readings are not in the indexed text', async () => {
  expect(pageHtml('beichen-2020-2022')).toContain('有效发明专利拥有量');
  const text = (await indexedText('有效发明专利'))['/plans/beichen-2020-2022/'];
  expect(text, 'beichen is found by 有效发明专利').toBeDefined();
  expect(text!.includes('有效发明专利拥有量')).toBe(false);
});

test('every page marked for indexing is in the index, and only those (the build reads only plans/*/index.html)', () => {
  const marked = builtPages(siteDir).filter((p) => readFileSync(p.file, 'utf8').includes('data-pagefind-body'));
  expect(marked.length).toBeGreaterThan(0);
  // A page of another kind with data-pagefind-body would be left out by the build's --glob: add it there.
  expect(marked.filter((p) => !/^\/plans\/[^/]+\/$/u.test(p.path)).map((p) => p.path)).toEqual([]);
  const entry = JSON.parse(readFileSync(join(siteDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  expect(indexed).toBe(marked.length);
});
