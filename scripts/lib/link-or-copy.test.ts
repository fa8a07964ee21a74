import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkOrCopy } from './link-or-copy.ts';

describe('linkOrCopy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'link-or-copy-'));

  it('makes `to` the same file as `from`', () => {
    writeFileSync(join(dir, 'a'), 'a');
    linkOrCopy(join(dir, 'a'), join(dir, 'b'));
    expect(readFileSync(join(dir, 'b'), 'utf8')).toBe('a');
    expect(statSync(join(dir, 'b')).ino).toBe(statSync(join(dir, 'a')).ino);
  });

  it('replaces a file already at `to` and leaves the file that was linked there as it was', () => {
    writeFileSync(join(dir, 'old-cached'), 'old');
    linkOrCopy(join(dir, 'old-cached'), join(dir, 'site'));
    writeFileSync(join(dir, 'new-cached'), 'new');
    linkOrCopy(join(dir, 'new-cached'), join(dir, 'site'));
    expect(readFileSync(join(dir, 'site'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'old-cached'), 'utf8')).toBe('old');
  });

  it('throws ENOENT for a missing `from`', () => {
    expect(() => linkOrCopy(join(dir, 'missing'), join(dir, 'c'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
