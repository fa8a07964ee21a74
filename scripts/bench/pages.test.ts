/** `staticWeight`: what a page needs to be read, from the built files. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { staticWeight } from './pages.ts';

const site = mkdtempSync(join(tmpdir(), 'pages-weight-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

test('a print-only stylesheet is not counted as CSS to read; the screen stylesheet and the script are', () => {
  mkdirSync(join(site, 'p'), { recursive: true });
  writeFileSync(join(site, 'screen.css'), 'body{color:red}'); // 15 bytes
  writeFileSync(join(site, 'print.css'), '@media print{body{color:#000}}'); // 30 bytes
  writeFileSync(join(site, 'enhance.js'), 'void 0;'); // 7 bytes
  writeFileSync(join(site, 'p', 'index.html'), '<!doctype html><link rel="stylesheet" href="/screen.css"><p>正文</p><script src="/enhance.js" defer></script><link rel="stylesheet" href="/print.css" media="print">');
  const w = staticWeight(site, '/p/');
  expect(w.byKind.css.raw).toBe(15);
  expect(w.byKind.other.raw).toBe(30);
  expect(w.byKind.js.raw).toBe(7);
  expect(w.resources.sort()).toEqual(['/enhance.js', '/p/', '/print.css', '/screen.css']);
});
