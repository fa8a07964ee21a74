import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { placeEnglishNotFound } from './not-found-page.ts';
import { temporaryFolders } from '../../tests/support/temporary-folders.ts';

const newSite = temporaryFolders('not-found-');

test('en/404/index.html becomes en/404.html, its folder gone; a rebuild replaces the last one', () => {
  const site = newSite();
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
  expect(() => placeEnglishNotFound(newSite())).toThrow(/en\/404\/index\.html: the English not-found page/u);
});
