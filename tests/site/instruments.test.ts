/**
 * The policy instrument pages on the built site, read against the open data the same build publishes
 * (`/data/plans/<slug>.json`, their `instruments`): the matrix counts what the plans hold and its cells lead to the
 * sentences; each instrument page quotes every sentence and links it to the paragraph that holds it on the plan page;
 * `/data/instruments.csv` has one row per mention; the plan pages list their instruments; and on a 360 px phone the
 * matrix scrolls inside its labelled region with the instrument names kept in view.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HtmlElement } from 'html-validate';
import { describe, expect, inject, test } from 'vitest';
import { PlanDocumentSchema, type PlanDocument } from '../../src/schemas/plan.ts';
import { pageUrl } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { parsedHtmlFile } from '../support/parsed-html.ts';

const siteDir = inject('siteDir');
const baseUrl = inject('baseUrl');
const plans: PlanDocument[] = readdirSync(join(siteDir, 'data/plans'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => PlanDocumentSchema.parse(JSON.parse(readFileSync(join(siteDir, 'data/plans', f), 'utf8'))))
  .sort((a, b) => a.source.file.localeCompare(b.source.file)); // the site's order (src/lib/data.ts allPlans)
const mentions = plans.flatMap((p) => p.instruments.map((m) => ({ slug: p.slug, ...m })));
const ids = [...new Set(mentions.map((m) => m.instrumentId))];

/** A built page, parsed. */
const page = (path: string): HtmlElement => parsedHtmlFile(join(siteDir, path, 'index.html'));
const text = (el: HtmlElement) => el.textContent.replace(/\s+/gu, '');
/** The text a reader of the plan reads: without the site's own furniture (`data-ui`: note numbers, value notes). */
function readerText(el: HtmlElement): string {
  return el.childNodes
    .map((n) => (n.nodeType === 3 ? n.textContent : 'hasAttribute' in n && !(n as HtmlElement).hasAttribute('data-ui') ? readerText(n as HtmlElement) : ''))
    .join('')
    .replace(/\s+/gu, '');
}

test('the plans hold mentions of several instruments (the checks below loop over them)', () => {
  expect(plans.length).toBeGreaterThan(0);
  expect(mentions.length).toBeGreaterThan(50);
  expect(ids.length).toBeGreaterThan(10);
});

describe('/instruments/', () => {
  test('every filled cell counts its plan’s sentences for the instrument and links to them; empty cells say —', () => {
    const root = page('instruments');
    const columns = root.querySelectorAll('.instrument-matrix thead th a').map((a) => a.getAttribute('href')?.value as string);
    const problems: string[] = [];
    let filled = 0;
    for (const row of root.querySelectorAll('.instrument-matrix tbody tr')) {
      const head = row.querySelector('th[scope="row"] a');
      if (!head) continue; // a category row
      const id = (head.getAttribute('href')?.value as string).match(/instruments\/([^/]+)\//u)![1]!;
      row.querySelectorAll('td').forEach((td, i) => {
        const slug = columns[i]!.match(/plans\/([^/]+)\//u)![1]!;
        const n = mentions.filter((m) => m.slug === slug && m.instrumentId === id).length;
        const link = td.querySelector('a');
        if (n === 0) {
          if (text(td) !== '—' || link) problems.push(`${id} × ${slug}: shows ${text(td)}, the data hold none`);
          return;
        }
        filled++;
        if (text(td) !== `${n}句`) problems.push(`${id} × ${slug}: shows ${text(td)}, the data hold ${n}`);
        const href = link?.getAttribute('href')?.value as string | undefined;
        if (href !== `/instruments/${id}/#plan-${slug}`) problems.push(`${id} × ${slug}: links to ${href}`);
        else if (!page(`instruments/${id}`).querySelector(`#plan-${slug}`)) problems.push(`${id} × ${slug}: no #plan-${slug} on the instrument page`);
      });
    }
    expect(problems).toEqual([]);
    expect(filled, 'filled cells').toBe(new Set(mentions.map((m) => `${m.instrumentId} ${m.slug}`)).size);
  });
  test('the table scrolls inside a labelled, focusable region', () => {
    const wrap = page('instruments').querySelector('section.matrix-wrap');
    expect(wrap?.getAttribute('tabindex')?.value).toBe('0');
    expect(wrap?.getAttribute('aria-label')?.value).toMatch(/可横向滚动/u);
  });
});

describe('/instruments/<id>/', () => {
  test('quotes every sentence of every plan and links it to the paragraph that holds it', () => {
    const problems: string[] = [];
    for (const id of ids) {
      const items = page(`instruments/${id}`).querySelectorAll('.instrument-plan li');
      const mine = mentions.filter((m) => m.instrumentId === id);
      if (items.length !== mine.length) problems.push(`${id}: ${items.length} passages shown, ${mine.length} in the data`);
      mine.forEach((m, i) => {
        const li = items[i];
        const href = li?.querySelector('a')?.getAttribute('href')?.value;
        if (!li || text(li.querySelector('q')!) !== m.sentence.replace(/\s+/gu, '')) problems.push(`${id} #${i}: quote differs from «${m.sentence}»`);
        if (href !== `/plans/${m.slug}/#${m.blockId}`) return problems.push(`${id} #${i}: links to ${href}`);
        const target = page(`plans/${m.slug}`).querySelector(`#${m.blockId}`);
        if (!target) problems.push(`${id} #${i}: no #${m.blockId} on /plans/${m.slug}/`);
        else if (!readerText(target).includes(m.forms[0]!.replace(/\s+/gu, ''))) problems.push(`${id} #${i}: #${m.blockId} on /plans/${m.slug}/ does not hold «${m.forms[0]}»`);
      });
    }
    expect(problems).toEqual([]);
  });
  test('the definition says where it comes from, or that it is the editors’ wording', () => {
    const registry = readdirSync(join(siteDir, 'instruments'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(registry.length).toBeGreaterThanOrEqual(ids.length);
    const bad = registry.filter((id) => !/出处：|编者释义/u.test(text(page(`instruments/${id}`).querySelector('section[aria-labelledby="definition-heading"]')!)));
    expect(bad).toEqual([]);
  });
});

test('/data/instruments.csv has one row per mention, with the sentence and its address', () => {
  const csv = readFileSync(join(siteDir, 'data/instruments.csv'), 'utf8');
  expect(csv.startsWith('\ufeffplan,instrument,instrument_name,block,line,sentence,url\r\n')).toBe(true);
  const rows = csv.slice(1).trimEnd().split('\r\n').slice(1);
  expect(rows).toHaveLength(mentions.length);
  mentions.forEach((m, i) => {
    expect(rows[i]!.startsWith(`${m.slug},${m.instrumentId},`)).toBe(true);
    expect(rows[i]).toContain(`,${m.blockId},${m.line},`);
    expect(rows[i]!.endsWith(`/plans/${m.slug}/#${m.blockId}`)).toBe(true);
  });
});

test('each plan\'s analysis page lists its instruments, each linked to its passages in the text', () => {
  const problems: string[] = [];
  for (const p of plans.filter((x) => x.instruments.length > 0)) {
    if (page(`plans/${p.slug}`).querySelector('section.plan-instruments')) problems.push(`/plans/${p.slug}/: 政策工具 on the text's page`);
    const section = page(`plans/${p.slug}/analysis`).querySelector('section.plan-instruments');
    if (!section) {
      problems.push(`/plans/${p.slug}/analysis/: no 政策工具 section`);
      continue;
    }
    const hrefs = section.querySelectorAll('li a').map((a) => a.getAttribute('href')?.value);
    for (const m of p.instruments) {
      if (!hrefs.includes(`/instruments/${m.instrumentId}/#plan-${p.slug}`)) problems.push(`/plans/${p.slug}/: no link to ${m.instrumentId}`);
      if (!hrefs.includes(`/plans/${p.slug}/#${m.blockId}`)) problems.push(`/plans/${p.slug}/analysis/: no link to /plans/${p.slug}/#${m.blockId} (${m.instrumentId})`);
    }
  }
  expect(problems).toEqual([]);
});

describe('on a 360 px phone', () => {
  const browser = browserForFile();

  test('the page does not scroll sideways; the matrix does, keeping the instrument names in view', async () => {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 360, height: 740 });
    await tab.goto(pageUrl(baseUrl, '/instruments/'));
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const wrap = tab.locator('section.matrix-wrap');
    const scrollable = await wrap.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(scrollable, 'the table is wider than the phone').toBeGreaterThan(100);
    const name = tab.locator('.instrument-matrix tbody th[scope="row"]').first();
    const before = (await name.boundingBox())!;
    await wrap.evaluate((el) => el.scrollBy(200, 0));
    const after = (await name.boundingBox())!;
    const cell = (await tab.locator('.instrument-matrix tbody td').first().boundingBox())!;
    expect(Math.abs(after.x - before.x), 'the name stays where it was (within its border)').toBeLessThanOrEqual(2);
    expect(cell.x, 'the cells moved').toBeLessThan(before.x + before.width);
    await tab.close();
  });
  test('an instrument page does not scroll sideways, long source addresses included', async () => {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 360, height: 740 });
    const wide: string[] = [];
    for (const id of ids) {
      await tab.goto(pageUrl(baseUrl, `/instruments/${id}/`));
      const width = await tab.evaluate(() => Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll('main *')].map((el) => el.getBoundingClientRect().right)));
      if (width > 360) wide.push(`/instruments/${id}/: ${Math.round(width)} px`);
    }
    expect(wide).toEqual([]);
    await tab.close();
  });
});
