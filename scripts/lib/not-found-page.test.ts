import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { placeEnglishNotFound } from './not-found-page.ts';

let site: string;
afterEach(() => rmSync(site, { recursive: true, force: true }));

test('en/404/index.html becomes en/404.html, its folder gone; a rebuild replaces the last one', () => {
  site = mkdtempSync(join(tmpdir(), 'not-found-'));
  mkdirSync(join(site, 'en', '404'), { recursive: true });
  writeFileSync(join(site, 'en', '404', 'index.html'), 'first');
  placeEnglishNotFound(site);
  expect(readFileSync(join(site, 'en', '404.html'), 'utf8')).toBe('first');
  expect(existsSync(join(site, 'en', '404'))).toBe(false);
  // A site updated in place: the page is built again beside the last build's en/404.html.
  mkdirSync(join(site, 'en', '404'));
  writeFileSync(join(site, 'en', '404', 'index.html'), 'second');
  placeEnglishNotFound(site);
  expect(readFileSync(join(site, 'en', '404.html'), 'utf8')).toBe('second');
});

test('a site without the page is an error that names the file', () => {
  site = mkdtempSync(join(tmpdir(), 'not-found-'));
  expect(() => placeEnglishNotFound(site)).toThrow(/en\/404\/index\.html: the English not-found page/u);
});
