/**
 * Printing: every plan printed to PDF by Chromium is A4, carries the document number, every heading and the page
 * numbers `— N —`, the page URL and print date, and none of the navigation, search, buttons or contents sidebar.
 * The PDFs and a PNG of each first page are kept in tests/.artifacts/print/ to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { PlanDocument } from '../../src/schemas/plan.ts';
import { launchBrowser, pageUrl, planPages } from '../support/browser.ts';
import type { LaunchedBrowser } from '../support/browser.ts';
import { expectNone } from '../support/report.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const plans = planPages(siteDir);
const out = 'tests/.artifacts/print';
const squash = (s: string) => s.replace(/[\s\u00ad-]/gu, '');

/** Text that belongs to the screen only. */
const SCREEN_ONLY = ['跳到正文', '搜索规划全文', '网站导航', '打印 / Print', '引用本文', '逐行原文', '数据 (JSON)', '其他规划的'];

let browser: LaunchedBrowser;
beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(plans)('$path', ({ path }) => {
  test('prints as an A4 plan with its headings, number and page numbers, and no screen furniture', async () => {
    const slug = path.split('/')[2]!;
    const doc = JSON.parse(readFileSync(join('content/plans', `${slug}.json`), 'utf8')) as PlanDocument;
    const page = await browser.context.newPage();
    const pdf = join(out, `${slug}.pdf`);
    try {
      await page.goto(pageUrl(baseUrl, path));
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
    } finally {
      await page.close();
    }
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/u.exec(info)!.slice(1).map(Number);
    // A4 is 595.28 × 841.89 pt.
    expect(Math.abs(w! - 595.28), `page width ${w} pt`).toBeLessThan(1.5);
    expect(Math.abs(h! - 841.89), `page height ${h} pt`).toBeLessThan(1.5);
    const pages = Number(/Pages:\s+(\d+)/u.exec(info)![1]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const flat = squash(text);
    // A repaired passage prints with its marker 校 after it, possibly inside a heading.
    const unmarked = flat.replace(/校/gu, '');
    const printed = (s: string) => flat.includes(squash(s)) || unmarked.includes(squash(s).replace(/校/gu, ''));
    const missing = doc.blocks.filter((b) => b.kind === 'heading' && !printed(b.title)).map((b) => `heading ${b.id} “${b.kind === 'heading' ? b.title : ''}”`);
    if (doc.meta.docNumber && !flat.includes(squash(doc.meta.docNumber.value))) missing.push(`document number ${doc.meta.docNumber.value}`);
    if (!flat.includes(squash(`/plans/${slug}/`))) missing.push('the page URL');
    if (!flat.includes('打印日期')) missing.push('the print date');
    // The foot reads `— N —`; pdftotext drops the thin spaces around the number.
    for (let n = 1; n <= pages; n++) if (!new RegExp(`—\\s*${n}\\s*—`, 'u').test(text)) missing.push(`page number — ${n} —`);
    expectNone(missing, `${pdf}: missing in print`);
    expectNone(SCREEN_ONLY.filter((s) => flat.includes(squash(s))), `${pdf}: screen-only text printed`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(out, `${slug}-page1`)]);
  });
});
