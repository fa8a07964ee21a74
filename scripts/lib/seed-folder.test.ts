import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { readSeedFolder } from './seed-folder.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A seeds folder holding these files (a name ending in `/` is a folder, with the files after it inside). */
function folder(entries: Record<string, string[] | string>): string {
  dir = mkdtempSync(join(tmpdir(), 'seed-folder-'));
  for (const [name, content] of Object.entries(entries)) {
    if (name.endsWith('/')) {
      mkdirSync(join(dir, name));
      for (const inside of content as string[]) writeFileSync(join(dir, name, inside), '某县科技规划\n');
    } else writeFileSync(join(dir, name), content as string);
  }
  return dir;
}

describe('readSeedFolder(dir)', () => {
  test('the real seeds folder: five texts, and its companions (catalog, README, checksums) are not listed as unread', () => {
    const seeds = readSeedFolder('seeds');
    expect(seeds.texts).toHaveLength(5);
    expect(seeds.notRead).toEqual([]);
  });

  test('.txt in any case is a text; a subfolder, another format and another name are listed with why; hidden files are not', () => {
    const d = folder({
      'b.txt': 'x',
      'A.TXT': 'x',
      'c.Txt': 'x',
      'catalog.yaml': '',
      'README.md': '',
      SHA256SUMS: '',
      '.gitkeep': '',
      '.DS_Store': '',
      'tianjin/': ['1.txt', '2.txt', 'notes.md'],
      'empty/': [],
      '规划.docx': '',
      'page.html': '',
      'notes.md': '',
    });
    const { texts, notRead } = readSeedFolder(d);
    expect(texts).toEqual(['A.TXT', 'b.txt', 'c.Txt']);
    expect(notRead.map((n) => n.name)).toEqual(['empty/', 'notes.md', 'page.html', 'tianjin/', '规划.docx']);
    const why = Object.fromEntries(notRead.map((n) => [n.name, n.why]));
    expect(why['tianjin/']).toBe(`a folder with 2 .txt file(s) in it: only the files directly in ${d} are read; move them up into it to have them read`);
    expect(why['empty/']).toBe(`a folder: only the files directly in ${d} are read`);
    expect(why['规划.docx']).toMatch(/^not a plain-text file: save the plan as text/u);
    expect(why['page.html']).toMatch(/^not a plain-text file/u);
    expect(why['notes.md']).toBe('its name does not end in .txt: only .txt files are read as plans');
  });

  test('no folder: nothing', () => {
    expect(readSeedFolder(join(tmpdir(), 'no-such-seeds-folder'))).toEqual({ texts: [], notRead: [] });
  });
});
