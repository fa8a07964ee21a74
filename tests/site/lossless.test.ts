/**
 * Nothing lost, on the built page: for every plan, the text of the page's body — as Chromium lays it out, with
 * editorial UI (`[data-ui]`: anchors, repair notes, value readings, table notes, related links) set aside —
 * contains every character of the seed, in order, except the lines the page lists as removed and the passages it
 * lists as repaired. The same check as scripts/pipeline/lossless.ts, run on the real page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { decodeSeed } from '../../scripts/pipeline/decode.ts';
import { expectedLines, findFirstLoss } from '../../scripts/pipeline/lossless.ts';
import type { PlanDocument } from '../../src/schemas/plan.ts';
import { launchBrowser, pageUrl, planPages } from '../support/browser.ts';
import type { LaunchedBrowser } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const plans = planPages(siteDir);

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('there are plan pages to check', () => {
  expect(plans.length).toBeGreaterThanOrEqual(5);
});

describe.each(plans)('$path', ({ path }) => {
  test('holds every character of the seed outside listed removals and repairs', async () => {
    const slug = path.split('/')[2]!;
    const doc = JSON.parse(readFileSync(join('content/plans', `${slug}.json`), 'utf8')) as PlanDocument;
    const source = decodeSeed(readFileSync(join('seeds', doc.source.file)), doc.source.file).text;
    const page = await browser.context.newPage();
    try {
      await page.goto(pageUrl(baseUrl, path));
      const text = await page.evaluate(() => {
        const body = document.querySelector('.plan-text')!.cloneNode(true) as HTMLElement;
        for (const ui of body.querySelectorAll('[data-ui]')) ui.remove();
        return body.textContent ?? '';
      });
      const loss = findFirstLoss(expectedLines(source, doc), text);
      expect(loss, loss ? `${doc.source.file}:${loss.line}: missing “${loss.passage}”, the page has “${loss.found}” there` : '').toBeNull();
    } finally {
      await page.close();
    }
  });
});
