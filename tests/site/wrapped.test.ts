/**
 * A text copied out of a PDF (tests/fixtures/wrapped/wrapped.txt: paragraphs.txt set in the official format, printed
 * by Chromium, copied out by pdftotext; see make.mjs there), on a build of its own: its plan page shows each paragraph
 * as written, whole, not a paragraph per printed line; the page says the lines were joined and links to the source
 * view, where each printed line leads to the paragraph it is part of and the page numbers are listed as taken out.
 * Expectations come from paragraphs.txt and the fixture's lines, read by hand.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { pageUrl } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { siteBuiltForFile } from '../support/site-per-file.ts';

const FILE = '007_wrapped.txt';
const SLUG = '007-wrapped';
const site = siteBuiltForFile({
  name: 'wrapped-build',
  writeSeeds: (seeds) => copyFileSync('tests/fixtures/wrapped/wrapped.txt', join(seeds, FILE)),
  timeoutMs: 300_000,
});
const browser = browserForFile();
const PARAGRAPHS = readFileSync('tests/fixtures/wrapped/paragraphs.txt', 'utf8').trimEnd().split('\n');
/** 二、主要目标's paragraph, printed over lines 20 to 23 of wrapped.txt, a page number (line 24) after it. */
const TARGETS = PARAGRAPHS[11]!;
/** A paragraph's words as printed: without the target readings for screen readers (〔…〕), the note numbers (⁠5) and
 *  the paragraph's anchor link (¶). */
const wordsOf = (text: string | null) => text?.replace(/〔[^〕]*〕|\u2060\d+|¶|\s+/gu, '');

describe('a text copied out of a PDF, broken at the printed line', () => {
  test('its plan page shows each paragraph whole, and says the lines were joined', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(pageUrl(site.url, `/plans/${SLUG}/`));
      expect(TARGETS).toMatch(/^到2025年.*显著增强。$/u);
      expect(wordsOf(await page.locator('#p2-1').textContent())).toBe(TARGETS);
      const paragraphs = (await page.locator('main p').allTextContents()).map((t) => t.replace(/\s+/gu, ''));
      expect(paragraphs.filter((p) => p.startsWith('2.8%') || p.startsWith('到2500家'))).toEqual([]);
      expect(await page.locator('#s2').textContent()).toContain('二、主要目标');
      const note = page.locator('.line-wrap');
      expect((await note.textContent())?.replace(/\s+/gu, '')).toMatch(/^原文按版面的固定行宽断行（每行约28字），同一段落内的\d+处换行已接续；各行原貌见原文视图。$/u);
      await note.locator('a').click();
      await page.waitForURL(`**/plans/${SLUG}/source/`);
      // Each of the paragraph's four printed lines leads back to it; the page number after them is listed as taken out.
      for (const n of [20, 21, 22, 23]) expect(await page.locator(`#L${n} a.line-block`).getAttribute('href')).toBe(`/plans/${SLUG}/#p2-1`);
      expect(await page.locator('#L24').getAttribute('class')).toBe('removed');
      expect(await page.locator('#L24').textContent()).toContain('页码');
    } finally {
      await page.close();
    }
  });

  test('the English page says it in English', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(pageUrl(site.url, `/en/plans/${SLUG}/`));
      expect((await page.locator('.line-wrap').textContent())?.replace(/\s+/gu, ' ')).toMatch(
        /^The source breaks its lines at a fixed width, as a printed page does \(about 28 characters a line\); the \d+ line breaks inside paragraphs are joined\. The lines as they were are in the source view\.$/u,
      );
      expect(await page.locator('.line-wrap a').getAttribute('href')).toBe(`/en/plans/${SLUG}/source/`);
    } finally {
      await page.close();
    }
  });

  test('both plan pages are valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    for (const path of [`plans/${SLUG}/index.html`, `en/plans/${SLUG}/index.html`]) {
      const report = await validator.validateString(readFileSync(join(site.siteDir, path), 'utf8'));
      expect(report.results.flatMap((r) => r.messages.map((m) => `${path}:${m.line} ${m.ruleId} ${m.message}`))).toEqual([]);
    }
  });
});
