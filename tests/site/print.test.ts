/**
 * Printing: every plan printed to PDF by Chromium is A4, carries the document number, every heading and the page
 * numbers `— N —`, the page URL and the day it was printed, and none of the navigation, search, buttons or
 * contents sidebar. After the text, on a new page, come the notes: the 校勘记 lists every repair with the original
 * and what the page shows instead (or says there was none), and the 来源说明 names the seed file, its SHA-256 and
 * how many of its lines were left out. Each plan is printed once; the PDFs and a PNG of each first page are kept in
 * tests/.artifacts/print/ to look at.
 *
 * Expectations come from outside the build: the headings and document number from the built site's data
 * (`/data/plans/<slug>.json`); the repairs from tests/fixtures/repairs.yaml (what ingest may repair by itself) and
 * content/corrections.yaml (the curated corrections), the left-out lines from tests/fixtures/removed/seeds.yaml,
 * the seed→slug mapping from seeds/catalog.yaml and the hashes from seeds/SHA256SUMS.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import type { PlanDocument } from '../../src/schemas/plan.ts';
import { launchBrowser, pageUrl, planPages } from '../support/browser.ts';
import type { LaunchedBrowser } from '../support/browser.ts';
import { expectNone } from '../support/report.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const plans = planPages(siteDir);
const out = 'tests/.artifacts/print';
const squash = (s: string) => s.replace(/[\s\u00ad-]/gu, '');
/** A print day that cannot be the build day: the page's clock is set to it, enhance.js fills it in at print time. */
const PRINT_DAY = '2031-05-17';

/** Text that belongs to the screen only. */
const SCREEN_ONLY = ['跳到正文', '搜索规划全文', '网站导航', '打印本页', '全部文件信息', '引用本文', '逐行原文', '数据 (JSON)', '其他规划的'];

const seeds = readdirSync('seeds').filter((name) => name.endsWith('.txt')).sort();
const catalog = parse(readFileSync('seeds/catalog.yaml', 'utf8')) as Record<string, { slug?: string }>;
const seedOfSlug = new Map(Object.entries(catalog).flatMap(([seed, entry]) => (entry.slug ? [[entry.slug, seed] as const] : [])));
type Repair = { original: string; replacement: string };
const ingestRepairs = parse(readFileSync('tests/fixtures/repairs.yaml', 'utf8')) as Record<string, Repair[] | null>;
const corrections = parse(readFileSync('content/corrections.yaml', 'utf8')) as Record<string, Repair[] | null>;
const removedLines = parse(readFileSync('tests/fixtures/removed/seeds.yaml', 'utf8')) as Record<string, unknown[] | null>;
const sha256 = new Map(
  readFileSync('seeds/SHA256SUMS', 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/u).reverse() as [string, string]),
);
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
/** Every repair a seed's page must list: ingest's own and the curated corrections. */
const repairsOf = (seed: string): Repair[] => [...(ingestRepairs[seed] ?? []), ...(corrections[seed] ?? [])];

interface Printed {
  pdf: string;
  /** pdftotext -layout output; pages are separated by form feeds. */
  text: string;
  pages: number;
  width: number;
  height: number;
}

let browser: LaunchedBrowser;
let page: Page;
beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.clock.setFixedTime(new Date(`${PRINT_DAY}T12:00:00Z`));
  await page.emulateMedia({ media: 'print' });
});
afterAll(async () => {
  await browser?.close();
});

const prints = new Map<string, Promise<Printed>>();
/** Prints a plan once per run; every test of that plan reads the same PDF. */
function printed(slug: string): Promise<Printed> {
  let result = prints.get(slug);
  if (!result) {
    result = (async () => {
      const pdf = join(out, `${slug}.pdf`);
      await page.goto(pageUrl(baseUrl, `/plans/${slug}/`));
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/u.exec(info)!.slice(1).map(Number) as [number, number];
      const pages = Number(/Pages:\s+(\d+)/u.exec(info)![1]);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(out, `${slug}-page1`)]);
      return { pdf, text, pages, width, height };
    })();
    prints.set(slug, result);
  }
  return result;
}

/** The notes as printed, whitespace removed: from the page that opens with 校勘记 to the end. */
function notes(p: Printed): { repairs: string; sources: string } {
  const start = p.text.split('\f').findIndex((pageText) => pageText.trimStart().startsWith('校勘记'));
  expect(start, `${p.pdf}: no page begins with 校勘记 (the notes start on a new page after the text)`).toBeGreaterThan(0);
  const flat = squash(p.text.split('\f').slice(start).join(''));
  const at = flat.indexOf('来源说明');
  expect(at, `${p.pdf}: no 来源说明 after the 校勘记`).toBeGreaterThan(0);
  return { repairs: flat.slice(0, at), sources: flat.slice(at) };
}

test('there is a plan page for every seed, each named in the catalog', () => {
  expect(plans).toHaveLength(seeds.length);
  expectNone(plans.map((p) => p.path.split('/')[2]!).filter((slug) => !seeds.includes(seedOfSlug.get(slug) ?? '')), 'plan pages without a seed in seeds/catalog.yaml');
});

test('the seeds include one with repairs and one without, so both kinds of 校勘记 are printed', () => {
  expect(seeds.filter((seed) => repairsOf(seed).length > 0).length).toBeGreaterThan(0);
  expect(seeds.filter((seed) => repairsOf(seed).length === 0).length).toBeGreaterThan(0);
});

describe.each(plans)('$path', ({ path }) => {
  const slug = path.split('/')[2]!;
  const seed = seedOfSlug.get(slug) ?? '(no seed)';

  test('prints as an A4 plan with its headings, number, page numbers and print day, and no screen furniture', async () => {
    const doc = JSON.parse(readFileSync(join(siteDir, 'data/plans', `${slug}.json`), 'utf8')) as PlanDocument;
    const { pdf, text, pages, width, height } = await printed(slug);
    // A4 is 595.28 × 841.89 pt.
    expect(Math.abs(width - 595.28), `page width ${width} pt`).toBeLessThan(1.5);
    expect(Math.abs(height - 841.89), `page height ${height} pt`).toBeLessThan(1.5);
    const flat = squash(text);
    // A repaired passage prints with its marker 校 after it, possibly inside a heading.
    const unmarked = flat.replace(/校/gu, '');
    const printedText = (s: string) => flat.includes(squash(s)) || unmarked.includes(squash(s).replace(/校/gu, ''));
    const headings = doc.blocks.flatMap((b) => (b.kind === 'heading' ? [b] : []));
    expect(headings.length, `${slug}: headings in the built data`).toBeGreaterThan(0);
    const missing = headings.filter((b) => !printedText(b.title)).map((b) => `heading ${b.id} “${b.title}”`);
    if (doc.meta.docNumber && !flat.includes(squash(doc.meta.docNumber.value))) missing.push(`document number ${doc.meta.docNumber.value}`);
    if (!flat.includes(squash(`/plans/${slug}/`))) missing.push('the page URL');
    if (!flat.includes(squash(`打印日期：${PRINT_DAY}`))) missing.push(`the print date 打印日期：${PRINT_DAY} (the day of printing, not of the build)`);
    // The foot reads `— N —`; pdftotext drops the thin spaces around the number.
    expect(pages, 'pages').toBeGreaterThan(0);
    for (let n = 1; n <= pages; n++) if (!new RegExp(`—\\s*${n}\\s*—`, 'u').test(text)) missing.push(`page number — ${n} —`);
    expectNone(missing, `${pdf}: missing in print`);
    expectNone(SCREEN_ONLY.filter((s) => flat.includes(squash(s))), `${pdf}: screen-only text printed`);
  });

  test('prints a 校勘记 listing every repair with its original, or saying there was none', async () => {
    const p = await printed(slug);
    const { repairs } = notes(p);
    const expected = repairsOf(seed);
    // Each entry reads 正文：原文“…”作“…”。 An original that was missing altogether prints as （无）.
    const entry = (r: Repair) => squash(`原文“${r.original === '' ? '（无）' : r.original}”作“${r.replacement}”`);
    const entries = repairs.split('正文：').length - 1;
    if (expected.length === 0) {
      expect(repairs, `${p.pdf}: 校勘记 of a text without repairs`).toContain('本文未作修补');
      expect(entries, `${p.pdf}: repair entries printed for a text without repairs`).toBe(0);
    } else {
      expectNone(expected.filter((r) => !repairs.includes(entry(r))).map((r) => `${seed}: ${entry(r)}`), `${p.pdf}: repairs missing from the printed 校勘记`);
      expect(entries, `${p.pdf}: number of printed repair entries`).toBe(expected.length);
      expect(repairs).not.toContain('本文未作修补');
    }
  });

  test('prints a 来源说明 naming the seed file, its SHA-256 and how many lines were left out', async () => {
    const p = await printed(slug);
    const { sources } = notes(p);
    const hash = sha256.get(seed);
    expect(hash, `${seed} in seeds/SHA256SUMS`).toBeDefined();
    const wanted = [
      seed,
      `SHA-256 ${hash!.slice(0, 12)}`,
      `以下${(removedLines[seed] ?? []).length}行未列入正文`,
      isUtf8(readFileSync(join('seeds', seed))) ? 'UTF-8' : '原为GB18030编码，已转为UTF-8',
    ];
    expectNone(wanted.filter((w) => !sources.includes(squash(w))), `${p.pdf}: missing from the printed 来源说明`);
  });
});
