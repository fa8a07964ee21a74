import { linkSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { fileStamp } from './file-stamp.ts';

const dir = mkdtempSync(join(tmpdir(), 'file-stamp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the same file keeps its stamp, under another name too (a hard link); a file written again gets another', async () => {
  const file = join(dir, 'page.html');
  writeFileSync(file, '<p>规划</p>');
  const first = fileStamp(file);
  expect(first).toMatch(/^\d+:\d+:\d+$/u);
  expect(fileStamp(file)).toBe(first);
  linkSync(file, join(dir, 'link.html'));
  expect(fileStamp(join(dir, 'link.html'))).toBe(first);
  // Written again in place with bytes of the same length, a little later: the same inode and size, another time.
  await new Promise((done) => setTimeout(done, 20));
  writeFileSync(file, '<p>计划</p>');
  expect(fileStamp(file)).not.toBe(first);
});

test('no file, or a file where a folder should be: null', () => {
  writeFileSync(join(dir, 'plain'), 'x');
  expect(fileStamp(join(dir, 'missing'))).toBeNull();
  expect(fileStamp(join(dir, 'plain', 'index.html'))).toBeNull();
});
