/**
 * Where a heading's lines break, read in the page: for each element, its text and the line each character is on (the
 * top of the character's box, rounded), and which words of a hand-written list a line splits. Used by the tests of
 * titles breaking between words (tests/site/layout.test.ts, tests/search/search-page.test.ts).
 */
import type { Page } from 'playwright-core';

export interface TextLines {
  text: string;
  /** The line of each character of `text`, as the top of its box in px. */
  lines: number[];
}

/** The text of each element matching `selector`, and the line each of its characters is on. */
export function characterLines(page: Page, selector: string): Promise<TextLines[]> {
  return page.evaluate(
    (selector) =>
      [...document.querySelectorAll(selector)].map((el) => {
        let text = '';
        const lines: number[] = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          for (let i = 0; i < n.textContent!.length; i++) {
            const range = document.createRange();
            range.setStart(n, i);
            range.setEnd(n, i + 1);
            text += n.textContent![i];
            lines.push(Math.round(range.getClientRects()[0]!.top));
          }
        }
        return { text, lines };
      }),
    selector,
  );
}

/** The words of `words` that the text holds with their first and last characters on different lines. */
export function splitWords({ text, lines }: TextLines, words: readonly string[]): string[] {
  return words.filter((word) => {
    const at = text.indexOf(word);
    return at >= 0 && lines[at] !== lines[at + word.length - 1];
  });
}
