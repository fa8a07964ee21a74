import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { temporaryFolders } from '../../tests/support/temporary-folders.ts';
import { linkKeptPages, recordedPages, removeDropped } from './kept-pages.ts';

const folder = temporaryFolders('kept-pages-');

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A cache folder as Astro leaves it: its record of the pages (by route) and a copy of each under `dist/`. */
function cacheWith(pages: Record<string, Record<string, string | null>>): string {
  const cache = folder();
  const routes: Record<string, { dependencyHash: string; paths: Record<string, { cacheKey: string; outputFile: string }> }> = {};
  for (const [route, files] of Object.entries(pages)) {
    routes[route] = { dependencyHash: 'h', paths: {} };
    for (const [file, body] of Object.entries(files)) {
      routes[route].paths[`/${file.replace(/index\.html$/u, '')}`] = { cacheKey: 'k', outputFile: file };
      if (body !== null) write(join(cache, 'dist', file), body);
    }
  }
  writeFileSync(join(cache, 'incremental-build.json'), JSON.stringify({ version: 1, configHash: 'c', lockfileHash: 'l', routes }));
  return cache;
}

describe('linkKeptPages', () => {
  test('links each recorded page that has its copy into the output, as the same file', () => {
    const cache = cacheWith({
      'src/pages/plans/[slug]/index.astro': { 'plans/a/index.html': '<p>a</p>', 'plans/b/index.html': '<p>b</p>' },
      'src/pages/regions/[id].astro': { 'regions/tj/index.html': '<p>tj</p>', 'regions/gone/index.html': null },
    });
    const out = join(folder(), 'part-0');
    const linked = linkKeptPages(cache, out);
    expect(linked.sort()).toEqual(['plans/a/index.html', 'plans/b/index.html', 'regions/tj/index.html']);
    expect(readFileSync(join(out, 'plans/b/index.html'), 'utf8')).toBe('<p>b</p>');
    // A link, not a copy: that is what saves the time.
    expect(statSync(join(out, 'plans/a/index.html')).ino).toBe(statSync(join(cache, 'dist/plans/a/index.html')).ino);
    expect(existsSync(join(out, 'regions/gone/index.html'))).toBe(false);
  });

  test('no record (a first build) or a broken one: nothing linked', () => {
    const empty = folder();
    expect(linkKeptPages(empty, join(empty, 'out'))).toEqual([]);
    writeFileSync(join(empty, 'incremental-build.json'), '{"routes": ');
    expect(recordedPages(empty)).toEqual([]);
  });

  test('a recorded name that leaves the output folder is not followed', () => {
    const cache = cacheWith({ 'src/pages/x.astro': { 'ok/index.html': 'ok' } });
    const record = JSON.parse(readFileSync(join(cache, 'incremental-build.json'), 'utf8'));
    record.routes['src/pages/x.astro'].paths['/evil/'] = { cacheKey: 'k', outputFile: '../evil.html' };
    record.routes['src/pages/x.astro'].paths['/evil2/'] = { cacheKey: 'k', outputFile: '%2e%2e/evil.html' };
    writeFileSync(join(cache, 'incremental-build.json'), JSON.stringify(record));
    // Both names resolve to a file that exists next to the copies, and would be linked next to the output.
    write(join(cache, 'evil.html'), 'evil');
    const parent = folder();
    const out = join(parent, 'part');
    expect(linkKeptPages(cache, out)).toEqual(['ok/index.html']);
    expect(existsSync(join(parent, 'evil.html'))).toBe(false);
  });

  test('a name written as Astro writes it (URL-encoded) is the file Astro means', () => {
    const cache = cacheWith({ 'src/pages/x.astro': { 'regions/%E5%A4%A9%E6%B4%A5/index.html': null } });
    write(join(cache, 'dist', 'regions/天津/index.html'), '天津');
    const out = folder();
    expect(linkKeptPages(cache, out)).toEqual(['regions/%E5%A4%A9%E6%B4%A5/index.html']);
    expect(readFileSync(join(out, 'regions/天津/index.html'), 'utf8')).toBe('天津');
  });
});

describe('removeDropped', () => {
  test('deletes the linked pages the new record no longer lists, and only those', () => {
    const cache = cacheWith({ 'src/pages/plans/[slug]/index.astro': { 'plans/a/index.html': 'a', 'plans/b/index.html': 'b' } });
    const out = folder();
    const linked = linkKeptPages(cache, out);
    // The part's build: plan b is gone (Astro records only a), and a page rendered new is not one we linked.
    writeFileSync(
      join(cache, 'incremental-build.json'),
      JSON.stringify({ routes: { 'src/pages/plans/[slug]/index.astro': { paths: { '/plans/a/': { outputFile: 'plans/a/index.html' }, '/plans/c/': { outputFile: 'plans/c/index.html' } } } } }),
    );
    write(join(out, 'plans/c/index.html'), 'c');
    write(join(out, 'browse/index.html'), 'not keyed, not recorded');
    expect(removeDropped(cache, out, linked)).toEqual(['plans/b/index.html']);
    expect(existsSync(join(out, 'plans/b/index.html'))).toBe(false);
    expect(readFileSync(join(out, 'plans/a/index.html'), 'utf8')).toBe('a');
    expect(existsSync(join(out, 'plans/c/index.html'))).toBe(true);
    expect(existsSync(join(out, 'browse/index.html'))).toBe(true);
  });
});
