import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { writeChunks } from './write-chunks.ts';

const scratch = mkdtempSync(join(tmpdir(), 'write-chunks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('writeChunks writes the chunks one after the other, across the writes it gathers them into', () => {
  // Chunks of every size around the gathering size (2^20 characters), Chinese and astral characters among them.
  const chunks = ['\ufeff标题,值\r\n', 'a'.repeat((1 << 20) - 3), '规划𠀋', '', '十四五'.repeat(200_000), 'x', 'b'.repeat(1 << 20), '末'];
  const file = join(scratch, 'chunks.csv');
  writeChunks(file, chunks);
  expect(readFileSync(file, 'utf8')).toBe(chunks.join(''));
  writeChunks(file, []);
  expect(readFileSync(file, 'utf8')).toBe('');
});
