/**
 * The search page in Chromium: it fetches nothing until the reader searches (then the pair index's files and the records
 * of the plans it names; Pagefind only for loose matches); `?q=` searches at once;
 * it works with the keyboard alone (search, filter, follow a result) and a result link lands on its anchor;
 * the live region says what was found; empty results get help; without JavaScript the page says search needs
 * it; the page passes axe (WCAG 2.2 AA) with results and filters showing; at phone width (360×740) the first
 * result is on the first screen with the filters one tap away and one search box, nothing sticks out sideways,
 * filters work and so does the keyboard. Search under a base path (`--base /plans/`) and
 * on a site of more than 20 plans: tests/site/variant-build.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import type { AxeResults } from 'axe-core';
import { HtmlValidate } from 'html-validate';
import type { Page } from 'playwright-core';
import { launchBrowser, pageUrl, recordRequests } from '../support/browser.ts';
import type { LaunchedBrowser } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { expectNone } from '../support/report.ts';
import { ask, readResults } from './quality.ts';
import { characterLines, splitWords } from '../support/text-lines.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const origin = new URL(baseUrl).origin;

const browser = browserForFile();

async function withPage<T>(run: (page: Page) => Promise<T>, b: Pick<LaunchedBrowser, 'context'> = browser): Promise<T> {
  const page = await b.context.newPage();
  try {
    return await run(page);
  } finally {
    await page.close();
  }
}

/** Wait until the page reports a finished search for `query`. */
async function settled(page: Page, query: string): Promise<void> {
  await page.waitForFunction((q) => {
    const r = document.querySelector<HTMLElement>('#search-results');
    return r?.dataset.query === q && r.dataset.state === 'done';
  }, query);
}

/** Normalised text (what the search matches on): no spaces, quotes or 、. */
const squash = (text: string) => text.replace(/[\s“”"、]/gu, '');

/** What has the keyboard focus. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      id: el?.id ?? '',
      tag: el?.tagName ?? '',
      type: (el as HTMLInputElement | null)?.type ?? '',
      inFilters: Boolean(el?.closest('#search-filters')),
      inHits: Boolean(el?.closest('.search-hits')),
      href: el?.getAttribute('href') ?? '',
    };
  });
}
type Focused = Awaited<ReturnType<typeof focused>>;

/** Press Tab until the focus is where `want` says (at most 60 times), as a keyboard user would. */
async function tabTo(page: Page, want: (f: Focused) => boolean, what: string): Promise<Focused> {
  for (let i = 0; i < 60; i++) {
    const now = await focused(page);
    if (want(now)) return now;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Press Enter on the focused sub-result link; check the plan page it opens targets that element. */
async function followWithEnter(page: Page, href: string): Promise<{ id: string; text: string }> {
  const hash = new URL(href, page.url()).hash.slice(1);
  expect(hash, `${href} links to a place in the plan`).not.toBe('');
  await Promise.all([page.waitForURL((u) => u.hash === `#${hash}`), page.keyboard.press('Enter')]);
  const target = await page.evaluate((id) => {
    const el = document.getElementById(id);
    return { exists: Boolean(el), text: el?.textContent ?? '', targeted: el?.matches(':target') ?? false };
  }, hash);
  expect(target.exists, `#${hash} exists on ${page.url()}`).toBe(true);
  expect(target.targeted, `#${hash} is the :target`).toBe(true);
  return { id: hash, text: target.text };
}

test('fetches nothing until the reader types, then the pair index and only the records of the plans it names (not Pagefind)', async () => {
  await withPage(async (page) => {
    const urls = recordRequests(page);
    const failures: string[] = [];
    page.on('requestfailed', (r) => failures.push(`${r.url()} — ${r.failure()?.errorText}`));
    await page.goto(pageUrl(baseUrl, '/search/'), { waitUntil: 'networkidle' });
    // Focusing and leaving the box is not searching.
    await page.focus('#search-q');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    // No sleep: the focus and blur handlers have run, and any request they started has been sent (its event reaches
    // Playwright before the answer to this evaluation), once two frames and a task have passed in the page.
    await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))));
    expect(urls.filter((u) => u.includes('/pagefind/') || u.includes('/search/blocks/')), 'requested before any search').toEqual([]);
    expect(urls.filter((u) => new URL(u).origin !== origin), 'requests to other hosts').toEqual([]);

    await page.keyboard.type('瞪羚企业');
    await settled(page, '瞪羚企业');
    // The same path as on a library of 10,000 plans (src/lib/search/engine.ts): the pair index names the four plans
    // that hold 瞪羚企业's pairs (天津 2014 does not), and only their records are read, each once.
    const paths = urls.map((u) => new URL(u).pathname);
    expect(paths.filter((u) => u.startsWith('/search/pairs/')).length, 'pair index files read').toBeGreaterThan(0);
    const records = paths.filter((u) => u.startsWith('/search/blocks/'));
    expect(records.every((u) => /^\/search\/blocks\/by-number\/\d+\.json\.gz$/u.test(u)), records.join(' ')).toBe(true);
    expect(new Set(records).size, 'plan records read once, those the index named').toBe(4);
    expect(records).toHaveLength(4);
    expect(urls.filter((u) => u.includes('/pagefind/')), 'Pagefind requests for a literal match').toEqual([]);
    expect(urls.filter((u) => new URL(u).origin !== origin), 'requests to other hosts').toEqual([]);
    expect(failures).toEqual([]);
    const shown = await readResults(page);
    expect(shown.plans.map((p) => p.slug).sort()).toEqual(['baodi-14th-five-year', 'beichen-2020-2022', 'hongqiao-2020-2022', 'xinji-14th-five-year']);
    expect(new URL(page.url()).searchParams.get('q'), 'the URL keeps the query').toBe('瞪羚企业');
    // Matches are highlighted.
    expect(await page.locator('#search-results mark').first().textContent()).toMatch(/瞪羚.*企业/u);
  });
});

test('a query typed in traditional characters finds what its simplified form finds, says so, and only it fetches the table', async () => {
  await withPage(async (page) => {
    const urls = recordRequests(page);
    const table = () => urls.filter((u) => new URL(u).pathname === '/search/traditional.json.gz');
    await page.goto(pageUrl(baseUrl, `/search/?q=${encodeURIComponent('瞪羚企业')}`));
    await settled(page, '瞪羚企业');
    expect(table(), 'a query in simplified characters does not fetch the table').toEqual([]);
    // 業 is the traditional form of 业: the same four plans as 瞪羚企业 above.
    await page.locator('#search-q').fill('瞪羚企業');
    await settled(page, '瞪羚企業');
    const shown = await readResults(page);
    expect(shown.plans.map((p) => p.slug).sort()).toEqual(['baodi-14th-five-year', 'beichen-2020-2022', 'hongqiao-2020-2022', 'xinji-14th-five-year']);
    expect(await page.locator('#search-results .search-note').first().textContent()).toBe('检索词含繁体字，同时按简体字检索：瞪羚企业。');
    expect(await page.locator('#search-results mark').first().textContent()).toMatch(/瞪羚.*企业/u);
    await page.locator('#search-q').fill('研發投入');
    await settled(page, '研發投入');
    expect(table(), 'the table, fetched once').toHaveLength(1);
    expect((await readResults(page)).plans.length).toBeGreaterThan(0);
  });
});

test('while the reader pauses after typing, the index files of the query are already being fetched', async () => {
  await withPage(async (page) => {
    await page.goto(pageUrl(baseUrl, '/search/'), { waitUntil: 'networkidle' });
    // When the search starts (the results region turns busy), on the page's clock.
    await page.evaluate(() => {
      const region = document.querySelector<HTMLElement>('#search-results')!;
      const w = window as unknown as { searchStarted?: number };
      new MutationObserver(() => {
        if (region.dataset.state === 'loading') w.searchStarted ??= performance.now();
      }).observe(region, { attributes: true, attributeFilter: ['data-state'] });
    });
    // One input event with the whole text, as an input method commits it.
    await page.locator('#search-q').fill('瞪羚企业');
    await settled(page, '瞪羚企业');
    const { started, pairs } = await page.evaluate(() => ({
      started: (window as unknown as { searchStarted?: number }).searchStarted ?? NaN,
      pairs: performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.startsWith('/search/pairs/')).map((e) => e.startTime),
    }));
    expect(pairs.length, 'pair index files fetched').toBeGreaterThan(0);
    // Fetched on the input event, the typing pause (300 ms) before the search starts; a search that fetches them
    // itself starts them within a few ms of turning busy (the observer runs just after the search's first fetch).
    const ahead = started - Math.min(...pairs);
    expect(ahead, `first pair file ${ahead.toFixed(0)} ms before the search started`).toBeGreaterThan(150);
  });
});

test('arriving with ?q= fills the box, searches and announces the count in a live region', async () => {
  await withPage(async (page) => {
    await page.goto(pageUrl(baseUrl, `/search/?q=${encodeURIComponent('3.2%')}`));
    await settled(page, '3.2%');
    expect(await page.inputValue('#search-q')).toBe('3.2%');
    const status = page.locator('#search-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toMatch(/^找到 1 份规划，共 \d+ 处匹配。$/u);
    const shown = await readResults(page);
    expect(shown.plans.map((p) => p.slug)).toEqual(['beichen-2020-2022']);
    expect(shown.plans[0]!.anchors[0]).toBe('p1-2-1');
    // Plan metadata: region, kind, period, document number.
    expect(await page.locator('.search-meta').first().textContent()).toBe('天津市北辰区 · 三年行动计划 · 2020—2022年 · 北辰政发〔2021〕5号');
  });
});

test('works with the keyboard alone: search, filter, follow a result to its paragraph', async () => {
  await withPage(async (page) => {
    await page.goto(pageUrl(baseUrl, '/search/'));
    await tabTo(page, (a) => a.id === 'search-q', 'the search box');
    await page.keyboard.type('区科技局');
    await page.keyboard.press('Enter');
    await settled(page, '区科技局');
    expect((await readResults(page)).plans).toHaveLength(3);

    // Filter by region with the space bar.
    await tabTo(page, (a) => a.inFilters && a.type === 'checkbox', 'a filter checkbox');
    const label = await page.evaluate(() => document.querySelector(`label[for="${document.activeElement!.id}"]`)!.textContent ?? '');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => /筛选后显示 1 份/u.test(document.querySelector('#search-status')!.textContent ?? ''));
    const filtered = await readResults(page);
    expect(filtered.plans).toHaveLength(1);
    expect(label).toMatch(/^天津市(北辰|宝坻|红桥)区（1）$/u);
    // Focus stays on the checkbox after the list changes.
    expect((await focused(page)).inFilters).toBe(true);

    // Follow the first sub-result with Enter.
    const link = await tabTo(page, (a) => a.inHits, 'a sub-result link');
    const target = await followWithEnter(page, link.href);
    expect(squash(target.text)).toContain('科技局');
  });
});

test('every sub-result link points at an element that exists on the plan page', async () => {
  await withPage(async (page) => {
    await page.goto(pageUrl(baseUrl, '/search/'));
    const problems: string[] = [];
    const ids = new Map<string, string>();
    for (const q of ['瞪羚企业', '高企', 'R&D', '区科技局', '技术合同成交额', '北辰政发〔2021〕5号']) {
      await ask(page, q);
      const hrefs = await page.$$eval('#search-results .search-result a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.length, `result links for ${q}`).toBeGreaterThan(0);
      for (const href of hrefs) {
        const url = new URL(href);
        const file = join(siteDir, decodeURIComponent(url.pathname), 'index.html');
        if (!existsSync(file)) {
          problems.push(`${q}: ${href} → no ${file}`);
          continue;
        }
        if (!ids.has(file)) ids.set(file, readFileSync(file, 'utf8'));
        if (url.hash && !ids.get(file)!.includes(` id="${decodeURIComponent(url.hash.slice(1))}"`)) problems.push(`${q}: ${href} → no element with that id`);
      }
    }
    expectNone(problems, 'search result links that lead nowhere');
  });
});

test('no match: the page says so and helps (synonyms, spelling, browse the plans)', async () => {
  await withPage(async (page) => {
    await page.goto(pageUrl(baseUrl, '/search/'));
    const shown = await ask(page, '量子纠缠');
    expect(shown.tier).not.toBe('exact');
    expect(shown.status).toMatch(/^没有找到与“量子纠缠”/u);
    const help = page.locator('.search-help');
    expect(await help.getByRole('link', { name: '浏览全部规划' }).getAttribute('href')).toBe(new URL(baseUrl).pathname);
    // A suggested form runs a search in place.
    await help.getByRole('link', { name: '高企' }).click();
    await settled(page, '高企');
    expect((await readResults(page)).plans.length).toBeGreaterThan(0);
  });
});

test('without JavaScript the page says search needs it and links to the plan list', async () => {
  const noJs = await launchBrowser({ javaScriptEnabled: false });
  try {
    await withPage(async (page) => {
      const urls = recordRequests(page);
      await page.goto(pageUrl(baseUrl, '/search/?q=瞪羚'), { waitUntil: 'networkidle' });
      const note = page.locator('.search-noscript');
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toContain('搜索需要在浏览器中启用 JavaScript');
      expect(await note.getByRole('link', { name: '浏览全部规划' }).getAttribute('href')).toBe(new URL(baseUrl).pathname);
      expect(urls.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    }, noJs);
  } finally {
    await noJs.close();
  }
});

test('the page with results rendered is valid HTML (html-validate:recommended)', async () => {
  await withPage(async (page) => {
    await page.goto(pageUrl(baseUrl, `/search/?q=${encodeURIComponent('双创')}`));
    await settled(page, '双创');
    await page.locator('#search-filters input[type="checkbox"]').first().check();
    await page.waitForFunction(() => /筛选后/u.test(document.querySelector('#search-status')!.textContent ?? ''));
    const html = `<!DOCTYPE html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`;
    // A serialised DOM always writes boolean attributes as checked="" (the built pages write them bare).
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'attribute-boolean-style': 'off' } });
    const report = await validator.validateString(html, 'search (rendered)');
    expectNone(
      report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}${m.selector ? ` (at ${m.selector})` : ''}`)),
      'rendered search page: html-validate',
    );
  });
});

describe('accessibility with results and filters showing', () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  test.each([
    { width: 1280, colorScheme: 'light' as const },
    { width: 1280, colorScheme: 'dark' as const },
    { width: 360, colorScheme: 'light' as const },
    { width: 360, colorScheme: 'dark' as const },
  ])('$width px, $colorScheme: no WCAG 2.2 AA violations', async ({ width, colorScheme }) => {
    await withPage(async (page) => {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      await page.goto(pageUrl(baseUrl, `/search/?q=${encodeURIComponent('高企')}`));
      await settled(page, '高企');
      // Open one “more” disclosure, and the filters where a phone collapses them, so their content is checked too.
      await page.locator('.search-more summary').first().click();
      if (width === 360) await page.locator('#search-filters summary').click();
      expect(await page.locator('#search-filters fieldset').first().isVisible(), 'filters shown').toBe(true);
      await page.evaluate(() => document.fonts.ready);
      await page.evaluate(axeSource);
      const results = await page.evaluate(
        (tags) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
        WCAG_TAGS,
      );
      expect(results.passes.length).toBeGreaterThan(0);
      expectNone(describe(results.violations), `search page at ${width} px, ${colorScheme}: axe WCAG 2.2 AA violations`);
    });
  });

  function describe(violations: AxeResults['violations']): string[] {
    return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    target: ${JSON.stringify(n.target)}\n    ${(n.failureSummary ?? '').replace(/\n/gu, '\n    ')}`));
  }
});

describe('at phone width (360×740)', () => {
  const PHONE = { width: 360, height: 740 };

  /**
   * Everything that sticks out of the viewport sideways: the page scrolling sideways, an element's box, or a run
   * of text overflowing its box (a box keeps its width when its text does not wrap).
   */
  const sticksOut = (page: Page) =>
    page.evaluate(() => {
      const problems: string[] = [];
      const root = document.scrollingElement!;
      if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls sideways: scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`);
      const width = document.documentElement.clientWidth;
      const where = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/u).join('.')}` : ''}`;
      // Inside a region that scrolls sideways and itself fits (the phone's one-row navigation), what lies beyond
      // the edge is reached by scrolling that region, not the page.
      const inScroller = (el: Element | null): boolean => {
        for (let a = el?.parentElement; a && a !== document.body; a = a.parentElement) {
          if (/^(auto|scroll)$/u.test(getComputedStyle(a).overflowX) && a.getBoundingClientRect().right <= width + 0.5) return true;
        }
        return false;
      };
      const check = (r: DOMRect, what: string, el: Element | null) => {
        if (r.width === 0 && r.height === 0) return; // not rendered (closed disclosure, hidden)
        if (r.right > width + 0.5 && !inScroller(el)) problems.push(`${what} ends at ${Math.round(r.right)} px, beyond ${width} px`);
      };
      for (const el of document.body.querySelectorAll('*')) check(el.getBoundingClientRect(), `${where(el)} (box)`, el);
      const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        if (!node.textContent?.trim()) continue;
        range.selectNodeContents(node);
        check(range.getBoundingClientRect(), `text “${node.textContent.trim().slice(0, 20)}” in ${where(node.parentElement!)}`, node.parentElement);
      }
      return problems;
    });

  /** Where the search page puts things at phone width: what is on screen, and where. */
  const phoneLayout = (page: Page) =>
    page.evaluate(() => {
      const shown = (el: Element | null) => el instanceof HTMLElement && el.checkVisibility() && el.getBoundingClientRect().height > 0;
      const groups = [...document.querySelectorAll('#search-filters fieldset')];
      const first = document.querySelector('.search-result');
      return {
        firstResult: first ? first.getBoundingClientRect().top : Infinity,
        filterGroups: groups.length,
        /** Tops of the filter groups on screen. */
        filterGroupsShown: groups.filter(shown).map((g) => g.getBoundingClientRect().top),
        /** Bottom of the filters' toggle (its whole section while collapsed). */
        filtersEnd: document.querySelector('#search-filters')!.getBoundingClientRect().bottom,
        searchBoxes: [...document.querySelectorAll('input[type="search"]')].filter(shown).map((i) => i.id),
        hint: shown(document.querySelector('#search-hint')),
      };
    });

  // The seeds' titles as results of 瞪羚 (four plans, tests/search/queries.yaml) and the words a line must not split
  // (hand-read, as in tests/site/layout.test.ts). Broken once: without `.title-words` on the result's heading, at
  // 320 px 宝坻区's title leaves 划 alone (发展规 / 划), at 390 px 红桥区's splits its period (2020- / 2022年).
  test.each([320, 360, 390])('at %i px a result’s plan title breaks between words, never inside one', async (width) => {
    await withPage(async (page) => {
      await page.setViewportSize({ width, height: PHONE.height });
      await page.goto(pageUrl(baseUrl, '/search/'));
      await ask(page, '瞪羚');
      const words = ['红桥区', '科技', '创新', '三年', '行动', '工作', '方案', '计划', '实施', '规划', '发展', '十四五', '2020-2022年'];
      const titles = await characterLines(page, '.search-result h3');
      const split = {
        headings: titles.length,
        breaks: await page.locator('.search-result h3 wbr').count(),
        out: titles.flatMap((t) => splitWords(t, words).map((w) => `${t.text}: ${w} split`)),
      };
      expect(split.headings, 'results of 瞪羚').toBe(4);
      expect(split.breaks, 'break points in the titles').toBeGreaterThan(8);
      expect(split.out).toEqual([]);
    });
  });

  test('the first result is on the first screen, before the filters, which are one tap away; one search box', async () => {
    await withPage(async (page) => {
      await page.setViewportSize(PHONE);
      await page.goto(pageUrl(baseUrl, '/search/'));
      const idle = await phoneLayout(page);
      expect(idle.searchBoxes, 'search boxes shown: the page’s own, not also the header’s').toEqual(['search-q']);
      expect(idle.hint, 'the help under the box, before any search').toBe(true);

      await ask(page, '双创');
      const found = await phoneLayout(page);
      expect(found.filterGroups, 'filter groups for 双创').toBeGreaterThan(0);
      expect(found.firstResult, 'the first result starts on the first screen').toBeLessThan(PHONE.height);
      expect(found.filterGroupsShown, 'filter groups shown before the reader asks for them').toEqual([]);
      expect(found.filtersEnd, 'the filters’ toggle ends above the first result').toBeLessThanOrEqual(found.firstResult);
      expect(found.hint, 'the help under the box gives way to the results').toBe(false);
      expect(found.searchBoxes).toEqual(['search-q']);

      // One tap shows every filter group, after which the first result comes.
      await page.locator('#search-filters summary').click();
      const open = await phoneLayout(page);
      expect(open.filterGroupsShown, 'filter groups shown after one tap').toHaveLength(open.filterGroups);
      expect(Math.max(...open.filterGroupsShown), 'filters above the results they filter, once opened').toBeLessThan(open.firstResult);
    });
  });

  test('with results and filters showing nothing sticks out sideways, and a filter narrows the results', async () => {
    await withPage(async (page) => {
      await page.setViewportSize(PHONE);
      await page.goto(pageUrl(baseUrl, `/search/?q=${encodeURIComponent('双创')}`));
      await settled(page, '双创');
      // 双创 and its forms (创新创业 …) are in all five plans (queries.yaml).
      const all = await readResults(page);
      expect(all.plans.map((p) => p.slug).sort()).toEqual(['baodi-14th-five-year', 'beichen-2020-2022', 'hongqiao-2020-2022', 'tianjin-2014-work-conference', 'xinji-14th-five-year']);
      expect(await page.locator('#search-filters').isVisible(), 'the filters’ toggle is shown').toBe(true);
      // A tap opens the filters, which are measured too.
      await page.locator('#search-filters summary').click();
      expect(await page.locator('#search-filters fieldset').first().isVisible(), 'filters are shown').toBe(true);
      // Open every “另有 N 处匹配” disclosure so its snippets are measured too.
      const more = page.locator('.search-more summary');
      expect(await more.count(), '“more” disclosures on the page').toBeGreaterThan(0);
      for (const summary of await more.all()) await summary.click();
      expectNone(await sticksOut(page), 'search page at 360 px with results and filters');

      // A tap on a filter's label: the two 2020—2022 plans (北辰, 红桥 three-year plans) remain.
      await page.locator('#search-filters label', { hasText: '2020—2022年' }).click();
      await page.waitForFunction(() => /筛选后显示 2 份/u.test(document.querySelector('#search-status')!.textContent ?? ''));
      expect((await readResults(page)).plans.map((p) => p.slug).sort()).toEqual(['beichen-2020-2022', 'hongqiao-2020-2022']);
      expect(await page.locator('#search-filters input[type="checkbox"]:checked').count()).toBe(1);
      // Collapsed again, the toggle still says a filter is applied.
      await page.locator('#search-filters summary').click();
      expect(await page.locator('#search-filters summary').textContent()).toBe('筛选（已选 1 项）');
      expectNone(await sticksOut(page), 'search page at 360 px with a filter applied');
    });
  });

  test('the keyboard alone searches, reaches the first result and follows it to its paragraph', async () => {
    await withPage(async (page) => {
      await page.setViewportSize(PHONE);
      await page.goto(pageUrl(baseUrl, '/search/'));
      await tabTo(page, (f) => f.id === 'search-q', 'the search box');
      await page.keyboard.type('530家');
      await page.keyboard.press('Enter');
      await settled(page, '530家');
      // Only 北辰 says 530家, in p1-2-2 (queries.yaml).
      const shown = await readResults(page);
      expect(shown.plans.map((p) => p.slug)).toEqual(['beichen-2020-2022']);
      const first = await page.locator('#search-results .search-hits a').first().getAttribute('href');
      const link = await tabTo(page, (f) => f.inHits, 'the first sub-result link');
      expect(link.href, 'the first link Tab reaches among the results is the first sub-result').toBe(first);
      const target = await followWithEnter(page, link.href);
      expect(new URL(page.url()).pathname).toBe(new URL(pageUrl(baseUrl, '/plans/beichen-2020-2022/')).pathname);
      expect(target.id).toBe('p1-2-2');
      expect(squash(target.text)).toContain('530家');
      // The paragraph is scrolled into the phone's view.
      const top = await page.locator('#p1-2-2').evaluate((el) => el.getBoundingClientRect().top);
      // Scrolled to the anchor, the box may start half a pixel above the viewport (sub-pixel layout).
      expect(top).toBeGreaterThanOrEqual(-1);
      expect(top).toBeLessThan(PHONE.height);
    });
  });
});

describe('the English search page (/en/search/)', () => {
  /**
   * What the script wrote into the page, read in the page: every Han character in the status, the filters and
   * the results (text and read-aloud attributes) that is not inside an element whose `lang` starts with `zh`.
   */
  const hanOutsideChinese = (page: Page) =>
    page.evaluate(() => {
      const han = /\p{Script=Han}/u;
      const chinese = (el: Element | null) => (el?.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase().startsWith('zh');
      const where = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} in #${el.closest('[id]')?.id ?? ''}`;
      const out: string[] = [];
      let nodes = 0;
      for (const region of document.querySelectorAll('#search-status, #search-filters, #search-results')) {
        const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes++;
          if (han.test(n.textContent ?? '') && !chinese(n.parentElement)) out.push(`${where(n.parentElement!)}: “${n.textContent}”`);
        }
        for (const el of region.querySelectorAll('[aria-label], [title], [placeholder]')) {
          for (const name of ['aria-label', 'title', 'placeholder']) {
            const v = el.getAttribute(name);
            if (v && han.test(v) && !chinese(el)) out.push(`${where(el)} @${name}: “${v}”`);
          }
        }
      }
      return { out, nodes };
    });

  test('what the script writes after a search is English, the index’s Chinese marked lang="zh-CN" (results, filters, help)', async () => {
    await withPage(async (page) => {
      await page.goto(pageUrl(baseUrl, '/en/search/'));
      // Results with a filter chosen (counts, the filtered status, the filter toggle), then no result (the help).
      const found = await ask(page, '双创');
      expect(found.plans.length, '双创 finds plans on the English page').toBeGreaterThan(1);
      expect(found.plans.every((p) => p.anchors.length > 0)).toBe(true);
      expect(found.status).toMatch(/^Plans found: \d+\. Matches: \d+\.$/u);
      await page.locator('.search-more summary').first().click();
      await page.locator('#search-filters input[type="checkbox"]').first().check();
      await page.waitForFunction(() => /shown with the filters: 1\b/u.test(document.querySelector('#search-status')!.textContent ?? ''));
      expect(await page.locator('#search-filters summary').textContent()).toBe('Filters (1 chosen)');
      expect(await page.locator('#search-filters legend').first().textContent()).toBe('Region');
      // Results lead to the English plan pages.
      expect(await page.locator('.search-result h3 a').first().getAttribute('href')).toMatch(/^\/en\/plans\//u);
      const withResults = await hanOutsideChinese(page);
      expect(withResults.nodes, 'text read in the results').toBeGreaterThan(20);
      expectNone(withResults.out, '/en/search/?q=双创 (filtered): Chinese outside lang="zh…" in what the script wrote');

      const none = await ask(page, '量子纠缠');
      expect(none.status).toBe('Nothing found for “量子纠缠”.');
      expect(await page.locator('.search-help').getByRole('link', { name: 'Browse all plans' }).getAttribute('href')).toBe('/en/');
      const help = await hanOutsideChinese(page);
      expect(help.nodes).toBeGreaterThan(5);
      expectNone(help.out, '/en/search/?q=量子纠缠: Chinese outside lang="zh…" in what the script wrote');
    });
  });

  // The plans are Chinese: an English query finds nothing in them. The registries' English names offer the Chinese
  // terms (content/glossary.yaml: 瞪羚企业 is “Gazelle enterprise (high-growth tier)”, the editors' translation);
  // picking one searches the plans (红桥区's plan names “瞪羚”企业: tests/search/queries.yaml).
  test('an English query is offered the Chinese terms whose English names hold it, each a search of the plans', async () => {
    await withPage(async (page) => {
      await page.goto(pageUrl(baseUrl, '/en/search/'));
      const none = await ask(page, 'gazelle enterprise');
      expect(none.plans, 'the English words themselves are in no plan').toEqual([]);
      const offered = page.locator('.search-english li').filter({ hasText: 'Gazelle enterprise (high-growth tier)' });
      await expect.poll(() => offered.count()).toBe(1);
      expect(await offered.textContent()).toBe('瞪羚企业 — Gazelle enterprise (high-growth tier) (glossary term; editors’ translation)');
      expect(await offered.getByRole('link', { name: 'Gazelle enterprise (high-growth tier)' }).getAttribute('href')).toBe('/en/glossary/dengling-qiye/');
      expectNone((await hanOutsideChinese(page)).out, 'the terms offered: Chinese outside lang="zh…"');
      const term = offered.getByRole('link', { name: '瞪羚企业' });
      expect(await term.getAttribute('lang')).toBe('zh-CN');
      await term.click();
      await settled(page, '瞪羚企业');
      expect(await page.locator('#search-q').inputValue()).toBe('瞪羚企业');
      const found = await readResults(page);
      expect(found.plans.map((p) => p.slug)).toContain('hongqiao-2020-2022');
      expect(await page.locator('.search-english').count(), 'no English terms for a Chinese query').toBe(0);
      expectNone((await hanOutsideChinese(page)).out, 'Chinese outside lang="zh…"');
      // A region by the English name its source gives (content/regions.yaml: Beichen District), linked to its page.
      await ask(page, 'Beichen District');
      const region = page.locator('.search-english li').filter({ hasText: 'Beichen District' });
      expect(await region.textContent()).toBe('北辰区 — Beichen District (region)');
      expect(await region.getByRole('link', { name: 'Beichen District' }).getAttribute('href')).toBe('/en/regions/tianjin-beichen/');
      // Two concepts no one name holds (content/instruments.yaml: 税收优惠 is “Tax incentives”): each is answered, and
      // the page says the names hold some of the words.
      await ask(page, 'gazelle tax');
      await expect.poll(() => page.locator('.search-english p').textContent()).toContain('No English name holds all of “gazelle tax”');
      const terms = await page.locator('.search-english li a[lang]').allTextContents();
      expect(terms).toEqual(expect.arrayContaining(['瞪羚企业', '税收优惠']));
      // A term by its sound (创新券 is chuàngxīnquàn), for a reader who cannot type the characters.
      await ask(page, 'chuangxinquan');
      await expect.poll(() => page.locator('.search-english p').textContent()).toContain('whose pinyin spells “chuangxinquan”');
      expect(await page.locator('.search-english li a[lang]').first().textContent()).toBe('创新券');
    });
  });

  test('the Chinese search page offers no English terms and does not carry them', async () => {
    expect(readFileSync(join(siteDir, 'search/index.html'), 'utf8')).not.toContain('"english"');
    expect(readFileSync(join(siteDir, 'en/search/index.html'), 'utf8')).toContain('"english":[');
    await withPage(async (page) => {
      await page.goto(pageUrl(baseUrl, '/search/'));
      await ask(page, 'gazelle');
      expect(await page.locator('.search-english').count()).toBe(0);
    });
  });
});
