/**
 * Charts on a phone: every chart of the site, on every page that shows one (both editions, embed pages too), fits a
 * 360 px screen without scrolling sideways and with its text at 12 px or more, because the page shows the chart's
 * phone drawing there (Chart.astro's <picture>, PHONE_MEDIA); a wide screen and paper get the chart at its own width.
 * Before the phone drawings, each of these charts scrolled sideways on a phone, the plan's own bar cut off at the
 * right (checked: with the <source> taken out, every page fails). And no chart file, at either width, in either
 * language, has text running out of its drawing, as Chromium lays it out with the fonts it has.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { builtPages, pageUrl } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const PHONE = { width: 360, height: 740 };
const WIDE = { width: 1280, height: 800 };
/** Text of 13 units in the drawing at 12 px or more: the legibility floor of the charts (layout.ts MIN_TEXT_PX). */
const SMALLEST_TEXT = 13;
const MIN_TEXT_PX = 12;

const browser = browserForFile();
const chartPages = builtPages(siteDir).filter((p) => readFileSync(p.file, 'utf8').includes('<figure class="chart '));

/** What the page shows of each chart: the image file chosen, its drawn width (the SVG's own), the width shown, the scroll box. */
const shownCharts = () =>
  browser.page.evaluate(async () => {
    const images = [...document.querySelectorAll<HTMLImageElement>('figure.chart .chart-scroll img')];
    await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
    return {
      pageWidth: document.documentElement.scrollWidth,
      charts: images.map((img) => {
        const box = img.closest('.chart-scroll')!;
        return { file: new URL(img.currentSrc).pathname, drawn: img.naturalWidth, shown: img.getBoundingClientRect().width, scrolls: box.scrollWidth > box.clientWidth };
      }),
    };
  });

test('the site has charts on pages of every kind that shows them', () => {
  const paths = chartPages.map((p) => p.path);
  for (const kind of [/^\/plans\/[^/]+\/analysis\/$/u, /^\/indicators\/[^/]+\/$/u, /^\/regions\/$/u, /^\/embed\/[^/]+\/$/u, /^\/en\/plans\/[^/]+\/analysis\/$/u, /^\/en\/embed\/[^/]+\/$/u]) {
    expect(paths.some((p) => kind.test(p)), String(kind)).toBe(true);
  }
});

test('on a 360 px phone every chart is its phone drawing, fits the screen and keeps its text at 12 px or more', { timeout: 240_000 }, async () => {
  await browser.page.setViewportSize(PHONE);
  const wrong: string[] = [];
  for (const { path } of chartPages) {
    await browser.page.goto(pageUrl(baseUrl, path));
    const { pageWidth, charts } = await shownCharts();
    if (charts.length === 0) wrong.push(`${path}: no chart image`);
    if (pageWidth > PHONE.width) wrong.push(`${path}: the page is ${pageWidth} px wide`);
    for (const c of charts) {
      if (!c.file.includes('/charts/phone/')) wrong.push(`${path}: ${c.file} is not a phone drawing`);
      if (c.drawn === 0) wrong.push(`${path}: ${c.file} did not load`);
      if (c.scrolls) wrong.push(`${path}: ${c.file} scrolls sideways`);
      const textPx = (SMALLEST_TEXT * c.shown) / c.drawn;
      if (textPx < MIN_TEXT_PX - 0.01) wrong.push(`${path}: ${c.file} shows its smallest text at ${textPx.toFixed(1)} px`);
    }
  }
  expect(wrong).toEqual([]);
  expect(chartPages.length).toBeGreaterThan(20);
});

test('a wide screen and paper show each chart at its own width, the file the downloads give', async () => {
  const [analysis, enAnalysis] = ['/plans/xinji-14th-five-year/analysis/', '/en/plans/hongqiao-2020-2022/analysis/'];
  for (const path of [analysis, enAnalysis]) {
    await browser.page.setViewportSize(WIDE);
    await browser.page.goto(pageUrl(baseUrl, path));
    const wide = await shownCharts();
    expect(wide.charts.length, path).toBeGreaterThan(0);
    for (const c of wide.charts) expect(c.file, path).toMatch(/\/charts\/(?!phone\/)[^/]+\.svg$/u);
    // Paper: a phone-sized window printing the page still prints the chart at its own width.
    await browser.page.setViewportSize(PHONE);
    await browser.page.emulateMedia({ media: 'print' });
    await browser.page.goto(pageUrl(baseUrl, path));
    const printed = await shownCharts();
    for (const c of printed.charts) expect(c.file, `${path} (print)`).toMatch(/\/charts\/(?!phone\/)[^/]+\.svg$/u);
    await browser.page.emulateMedia({ media: null });
  }
  // The downloadable SVG is the chart at its own width, in each edition.
  await browser.page.goto(pageUrl(baseUrl, analysis));
  const download = await browser.page.$eval('.chart-downloads a[download$=".svg"]', (a) => new URL((a as HTMLAnchorElement).href).pathname);
  expect(download).toMatch(/^\/charts\/plan-xinji-14th-five-year-[^/]+\.svg$/u);
});

/** Every chart file: each chart at its own width and for a phone, in both editions. */
const chartFiles = ['charts', 'charts/phone', 'en/charts', 'en/charts/phone'].flatMap((folder) =>
  readdirSync(join(siteDir, folder))
    .filter((name) => name.endsWith('.svg'))
    .map((name) => `/${folder}/${name}`),
);

// Broken once: with the peer view's panel titles on one line (as before), the English files' long indicator names ran
// out of the drawing, at its own width (up to 673 of 496 units) and on a phone's.
test('no text of any chart file runs out of its drawing, measured with the fonts Chromium draws it with', { timeout: 240_000 }, async () => {
  expect(chartFiles.filter((f) => f.includes('/phone/')).length).toBe(chartFiles.length / 2);
  const out: string[] = [];
  for (const file of chartFiles) {
    await browser.page.goto(pageUrl(baseUrl, file));
    const overflows = await browser.page.evaluate(() => {
      const svg = document.documentElement as unknown as SVGSVGElement;
      const { width, height } = svg.viewBox.baseVal;
      return [...svg.querySelectorAll('text')].flatMap((t) => {
        const box = t.getBBox();
        const m = t.getCTM()!;
        const [left, right, top, bottom] = [m.a * box.x + m.e, m.a * (box.x + box.width) + m.e, m.d * box.y + m.f, m.d * (box.y + box.height) + m.f];
        const across = left < -0.5 || right > width + 0.5;
        const down = top < -0.5 || bottom > height + 0.5;
        return across || down ? [`${t.textContent} (x ${Math.round(left)}–${Math.round(right)} of ${width}, y ${Math.round(top)}–${Math.round(bottom)} of ${height})`] : [];
      });
    });
    for (const o of overflows) out.push(`${file}: ${o}`);
  }
  expect(out).toEqual([]);
});
