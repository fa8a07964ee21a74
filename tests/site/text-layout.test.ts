/**
 * The text of a plan is laid out only near the screen (plan.css, `content-visibility: auto` on each part of
 * `.plan-text`, a part being a run of blocks that starts at a heading: src/lib/text-parts.ts; issue 12: laying out
 * all of xinji's text at once was the page's blocking time on a phone), and nothing a reader sees suffers from it:
 * parts far below the first screen are skipped until scrolled to; a link to a paragraph far down lands on it; the
 * dotted margin rule of a reused paragraph, painted outside the part's box, is not clipped; a value's tooltip reaches
 * over the next part rather than under it; the space between two parts is the heading's, as if they were one text;
 * pointing at a block moves nothing. On paper every block prints (print.test.ts reads the printed text). Each check
 * failed once with the rule it guards taken out of plan.css.
 */
import { expect, inject, test } from 'vitest';
import { layOutWholeText, pageUrl } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';

const baseUrl = inject('baseUrl');
const XINJI = '/plans/xinji-14th-five-year/';
const PHONE = { width: 360, height: 740 };

const browser = browserForFile();

/** Two frames drawn: what the browser decides to lay out after a load or a scroll is decided by then. */
const settled = () => browser.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

test('on a phone, the first parts of the text are laid out and the last are skipped until scrolled to', async () => {
  await browser.page.setViewportSize(PHONE);
  await browser.page.goto(pageUrl(baseUrl, XINJI));
  await settled();
  // Within a skipped block the browser renders nothing; checkVisibility tells so when asked (`contentVisibilityAuto`).
  const shown = () =>
    browser.page.evaluate(() => {
      // Each paragraph's ¶ link: an element inside the part, which is what the browser skips.
      const blocks = [...document.querySelectorAll('.text-part > p > a.self-link')];
      const rendered = (link: Element) => link.checkVisibility({ contentVisibilityAuto: true });
      return { blocks: blocks.length, parts: document.querySelectorAll('.plan-text > .text-part').length, first: rendered(blocks[0]!), last: rendered(blocks.at(-1)!) };
    });
  const before = await shown();
  expect(before.blocks, 'paragraphs in xinji').toBeGreaterThan(100);
  // Blocks in parts, not each on its own (the browser pays for every skipped box on every layout), nor all in one.
  expect(before.parts, 'parts in xinji').toBeGreaterThan(10);
  expect(before.parts, 'parts in xinji').toBeLessThan(before.blocks / 5);
  expect(before.first, 'the first paragraph is rendered').toBe(true);
  expect(before.last, 'the last paragraph, far below the first screen, is skipped').toBe(false);
  await browser.page.evaluate(() => [...document.querySelectorAll('.text-part > p > a.self-link')].at(-1)!.closest('p')!.scrollIntoView());
  await settled();
  expect((await shown()).last, 'the last paragraph once scrolled to').toBe(true);
});

test('a link to a paragraph far down the text lands on it', async () => {
  await browser.page.setViewportSize(PHONE);
  await browser.page.goto(pageUrl(baseUrl, XINJI));
  const id = await browser.page.evaluate(() => [...document.querySelectorAll('.text-part > p[id]')].at(-3)!.id);
  await browser.page.goto(pageUrl(baseUrl, `${XINJI}#${id}`));
  await settled();
  const top = await browser.page.evaluate((i) => document.getElementById(i)!.getBoundingClientRect().top, id);
  // The paragraph is at the top of the screen (below its scroll margin), not somewhere estimated.
  expect(top, `#${id}: distance from the top of the screen`).toBeGreaterThanOrEqual(-1);
  expect(top, `#${id}: distance from the top of the screen`).toBeLessThan(40);
});

test("a reused paragraph's margin rule is painted, though it lies outside the paragraph's box", async () => {
  await browser.page.setViewportSize({ width: 1280, height: 900 });
  await browser.page.goto(pageUrl(baseUrl, XINJI));
  const para = browser.page.locator('.text-part > p.reused').last();
  // Twice: the blocks around it, laid out on arrival, take their real heights and move it.
  for (let i = 0; i < 2; i++) {
    await para.evaluate((p) => p.scrollIntoView({ block: 'center' }));
    await settled();
  }
  // The strip left of the paragraph where the rule is drawn (inset-inline-start: -0.7rem), drawn and not drawn.
  const clip = await para.evaluate((p) => {
    const box = p.getBoundingClientRect();
    return { x: box.left - 16, y: box.top, width: 14, height: box.height };
  });
  const withRule = await browser.page.screenshot({ clip });
  // The page's policy refuses injected <style>; a rule added through the CSS object model is the test's own.
  await browser.page.evaluate(() => document.styleSheets[0]!.insertRule('.plan-text p.reused::before { display: none !important }'));
  await settled();
  const withoutRule = await browser.page.screenshot({ clip });
  expect(withRule.equals(withoutRule), 'the strip left of the paragraph is the same with and without its rule').toBe(false);
});

test("a value's tooltip, shown on hover, is on top of the part below its paragraph", async () => {
  await browser.page.setViewportSize({ width: 1280, height: 900 });
  await browser.page.goto(pageUrl(baseUrl, XINJI));
  // A value on the last line of a part's last paragraph: its tooltip (below the value) reaches into the next part.
  const index = await browser.page.evaluate(() => {
    const values = [...document.querySelectorAll<HTMLElement>('.text-part p a.value')];
    return values.findIndex((a) => {
      const p = a.closest('p')!;
      const part = p.parentElement!;
      return part.lastElementChild === p && part.nextElementSibling?.matches('.text-part') && p.getBoundingClientRect().bottom - a.getBoundingClientRect().bottom < 8;
    });
  });
  expect(index, 'a value on the last line of a part').toBeGreaterThanOrEqual(0);
  const value = browser.page.locator('.text-part p a.value').nth(index);
  await value.scrollIntoViewIfNeeded();
  await value.hover();
  await settled();
  const hit = await value.evaluate((a) => {
    const note = a.querySelector('.value-note')!.getBoundingClientRect();
    const next = a.closest('.text-part')!.nextElementSibling!.getBoundingClientRect();
    // A point of the tooltip inside the next part's box, more than the 1rem a part may paint outside its own:
    // what is drawn there on top?
    const y = Math.max(next.top, a.closest('.text-part')!.getBoundingClientRect().bottom + 17) + 4;
    const top = document.elementFromPoint(note.left + 4, y);
    return { below: note.bottom > y + 2, onTop: top !== null && top.closest('.value-note') !== null, what: top?.outerHTML.slice(0, 80) ?? 'nothing' };
  });
  expect(hit.below, 'the tooltip reaches into the next part').toBe(true);
  expect(hit.onTop, `drawn on top of the next part: ${hit.what}`).toBe(true);
});

// Baodi's text has eight repairs (content/corrections.yaml, tests/fixtures/repairs.yaml), some near a line's end on
// a phone; a value near the right edge too. Their tooltips once started under the mark and ran off the screen.
test.each([
  ['a repair’s', '/plans/baodi-14th-five-year/', '.plan-text p .repair', '.repair-note'],
  ['an English repair’s', '/en/plans/baodi-14th-five-year/', '.plan-text p .repair', '.repair-note'],
  ['a value’s', XINJI, '.plan-text p a.value', '.value-note'],
])('on a phone, %s tooltip stays on the screen', async (_, path, mark, note) => {
  await browser.page.setViewportSize(PHONE);
  await browser.page.goto(pageUrl(baseUrl, path));
  await layOutWholeText(browser.page);
  // The mark whose last box ends furthest right: the one whose tooltip, started under it, would run furthest off.
  const marks = browser.page.locator(mark);
  const index = await marks.evaluateAll((es) => {
    const rights = es.map((e) => Math.max(...[...e.getClientRects()].map((r) => r.right)));
    return rights.indexOf(Math.max(...rights));
  });
  const target = marks.nth(index);
  await target.scrollIntoViewIfNeeded();
  await target.hover();
  await settled();
  const box = await target.locator(note).evaluate((n) => {
    const r = n.getBoundingClientRect();
    return { left: r.left, right: r.right, width: r.width, screen: document.documentElement.clientWidth };
  });
  expect(box.width, 'the tooltip is shown').toBeGreaterThan(100);
  expect(box.left, 'its left edge').toBeGreaterThanOrEqual(0);
  expect(box.right, 'its right edge').toBeLessThanOrEqual(box.screen);
});

test.each([
  ['a paragraph', 'p'],
  ['a table', 'figure'],
])('where one part ends (after %s) and the next starts at a heading, the space between them is the heading\'s top margin', async (_, before) => {
  await browser.page.setViewportSize(PHONE);
  await browser.page.goto(pageUrl(baseUrl, XINJI));
  await layOutWholeText(browser.page);
  const gaps = await browser.page.evaluate((tag) => {
    const out: { gap: number; margin: number; what: string }[] = [];
    for (const heading of document.querySelectorAll<HTMLElement>('.plan-text > .text-part > :is(h2, h3, h4, h5):first-child')) {
      const prev = heading.parentElement!.previousElementSibling!;
      const last = prev.matches('.text-part') ? prev.lastElementChild! : prev;
      if (last.localName !== tag) continue;
      // Where the margins of the two blocks met (one text), the larger of the two was the space: the heading's.
      out.push({ gap: heading.getBoundingClientRect().top - last.getBoundingClientRect().bottom, margin: parseFloat(getComputedStyle(heading).marginTop), what: heading.id });
    }
    return out;
  }, before);
  expect(gaps.length, `headings opening a part after ${before}`).toBeGreaterThan(0);
  for (const g of gaps) expect(Math.abs(g.gap - g.margin), `#${g.what}: ${g.gap} px, its margin ${g.margin} px`).toBeLessThan(0.5);
});

// 北辰's notice starts with its heading, whose top margin a laid-out-apart block would keep inside its box.
test.each([XINJI, '/plans/beichen-2020-2022/'])('%s: pointing at a block of the text moves nothing: it and the blocks after it stay where they were', async (path) => {
  await browser.page.setViewportSize(PHONE);
  await browser.page.goto(pageUrl(baseUrl, path));
  // The blocks in reading order, inside parts or not; two screens: the start of the text, and where its second part
  // starts (a part shown in full keeps its place and its blocks').
  const BLOCKS = ':is(.plan-text, .plan-text > .text-part) > :not(.text-part)';
  for (const start of ['.plan-text', '.plan-text > .text-part + .text-part']) {
    await browser.page.evaluate((s) => document.querySelector(s)!.scrollIntoView({ block: 'center' }), start);
    await settled();
    const tops = () => browser.page.evaluate((b) => [...document.querySelectorAll(b)].map((e) => Math.round(e.getBoundingClientRect().top * 10) / 10), BLOCKS);
    const before = await tops();
    const onScreen = before.map((top, i) => [top, i] as const).filter(([top]) => top >= 0 && top < PHONE.height - 40);
    expect(onScreen.length, 'blocks on the screen').toBeGreaterThan(1);
    for (const [, i] of onScreen) {
      await browser.page.locator(BLOCKS).nth(i).hover({ position: { x: 5, y: 5 } });
      await settled();
      expect(await tops(), `${start}: with block ${i + 1} pointed at`).toEqual(before);
    }
  }
});
