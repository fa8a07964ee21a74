/**
 * The search page in Chromium: it loads nothing of Pagefind until the reader searches; `?q=` searches at once;
 * it works with the keyboard alone (search, filter, follow a result) and a result link lands on its anchor;
 * the live region says what was found; empty results get help; without JavaScript the page says search needs
 * it; the page passes axe (WCAG 2.2 AA) with results and filters showing; and search works when the site is
 * served under a base path (`--base /plans/`).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { AxeResults } from 'axe-core';
import { HtmlValidate } from 'html-validate';
import type { Page } from 'playwright-core';
import { launchBrowser, pageUrl, recordRequests } from '../support/browser.ts';
import type { LaunchedBrowser } from '../support/browser.ts';
import { buildSite } from '../support/global-setup.ts';
import { expectNone } from '../support/report.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { ask, readResults } from './quality.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const origin = new URL(baseUrl).origin;

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function withPage<T>(run: (page: Page) => Promise<T>, b: LaunchedBrowser = browser): Promise<T> {
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

test('loads nothing of Pagefind until the reader types, then searches as they type', async () => {
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
    expect(urls.filter((u) => u.includes('/pagefind/')), 'Pagefind requested before any search').toEqual([]);
    expect(urls.filter((u) => new URL(u).origin !== origin), 'requests to other hosts').toEqual([]);

    await page.keyboard.type('瞪羚企业');
    await settled(page, '瞪羚企业');
    expect(urls.some((u) => u.includes('/pagefind/pagefind.js')), 'Pagefind loaded once the reader typed').toBe(true);
    expect(urls.filter((u) => new URL(u).origin !== origin), 'requests to other hosts').toEqual([]);
    expect(failures).toEqual([]);
    const shown = await readResults(page);
    expect(shown.plans.map((p) => p.slug).sort()).toEqual(['baodi-14th-five-year', 'beichen-2020-2022', 'hongqiao-2020-2022', 'xinji-14th-five-year']);
    expect(new URL(page.url()).searchParams.get('q'), 'the URL keeps the query').toBe('瞪羚企业');
    // Matches are highlighted.
    expect(await page.locator('#search-results mark').first().textContent()).toMatch(/瞪羚.*企业/u);
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
    const active = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { id: el?.id ?? '', tag: el?.tagName ?? '', type: (el as HTMLInputElement | null)?.type ?? '', inFilters: Boolean(el?.closest('#search-filters')), inHits: Boolean(el?.closest('.search-hits')), href: el?.getAttribute('href') ?? '' };
    });
    const tabTo = async (want: (a: Awaited<ReturnType<typeof active>>) => boolean, what: string) => {
      for (let i = 0; i < 60; i++) {
        if (want(await active())) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${what}`);
    };
    await tabTo((a) => a.id === 'search-q', 'the search box');
    await page.keyboard.type('区科技局');
    await page.keyboard.press('Enter');
    await settled(page, '区科技局');
    expect((await readResults(page)).plans).toHaveLength(3);

    // Filter by region with the space bar.
    await tabTo((a) => a.inFilters && a.type === 'checkbox', 'a filter checkbox');
    const label = await page.evaluate(() => document.querySelector(`label[for="${document.activeElement!.id}"]`)!.textContent ?? '');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => /筛选后显示 1 份/u.test(document.querySelector('#search-status')!.textContent ?? ''));
    const filtered = await readResults(page);
    expect(filtered.plans).toHaveLength(1);
    expect(label).toMatch(/^天津市(北辰|宝坻|红桥)区（1）$/u);
    // Focus stays on the checkbox after the list changes.
    expect((await active()).inFilters).toBe(true);

    // Follow the first sub-result with Enter.
    await tabTo((a) => a.inHits, 'a sub-result link');
    const href = (await active()).href;
    const hash = new URL(href, page.url()).hash.slice(1);
    expect(hash).not.toBe('');
    await Promise.all([page.waitForURL((u) => u.hash === `#${hash}`), page.keyboard.press('Enter')]);
    const target = await page.evaluate((id) => {
      const el = document.getElementById(id);
      return { exists: Boolean(el), text: el?.textContent ?? '', targeted: el?.matches(':target') ?? false };
    }, hash);
    expect(target.exists, `#${hash} exists on ${page.url()}`).toBe(true);
    expect(target.targeted).toBe(true);
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
      // Open one “more” disclosure so its content is checked too.
      await page.locator('.search-more summary').first().click();
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

test('works when the site is served under a base path (--base /plans/)', async () => {
  // A second build of the same seeds, under /plans/, in a temporary folder (content/plans is not touched).
  const work = mkdtempSync(join(tmpdir(), 'search-base-'));
  try {
    const out = join(work, 'site');
    await buildSite(out, '/plans/', ['--plans', join(work, 'plans')]);
    const server = await startStaticServer({ root: out, base: '/plans/' });
    try {
      await withPage(async (page) => {
        const failures: string[] = [];
        page.on('response', (r) => {
          if (r.status() >= 400) failures.push(`${r.url()} — HTTP ${r.status()}`);
        });
        await page.goto(`${server.url}search/`);
        await ask(page, '530家');
        const links = await page.$$eval('#search-results .search-hits a[href]', (as) => as.map((a) => a.getAttribute('href')));
        expect(links[0]).toBe('/plans/plans/beichen-2020-2022/#p1-2-2');
        expect(links.every((l) => l!.startsWith('/plans/plans/beichen-2020-2022/#'))).toBe(true);
        await Promise.all([page.waitForURL((u) => u.hash === '#p1-2-2'), page.locator('#search-results .search-hits a').first().click()]);
        expect(new URL(page.url()).pathname).toBe('/plans/plans/beichen-2020-2022/');
        expect(await page.locator('#p1-2-2').count()).toBe(1);
        expect(failures).toEqual([]);
      });
    } finally {
      await server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}, 300_000);
