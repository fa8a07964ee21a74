/**
 * Built pages read as a tree without a browser: html-validate's own parser (already a dependency of the site tests),
 * which keeps each element's place in the file for the failure messages.
 */
import { readFileSync } from 'node:fs';
import { HtmlValidate, Parser, type HtmlElement } from 'html-validate';

const config = new HtmlValidate().getConfigForSync('page.html');

/** The document tree of `html`; `filename` is what locations in it name. */
export function parseHtml(html: string, filename: string): HtmlElement {
  return new Parser(config).parseHtml({ data: html, filename, line: 1, column: 1, offset: 0 });
}

const parsedFiles = new Map<string, HtmlElement>();

/** An HTML file, parsed once per test file however often its tests ask (a page's checks are many; its parse is slow). */
export function parsedHtmlFile(file: string): HtmlElement {
  let root = parsedFiles.get(file);
  if (!root) {
    root = parseHtml(readFileSync(file, 'utf8'), file);
    parsedFiles.set(file, root);
  }
  return root;
}
