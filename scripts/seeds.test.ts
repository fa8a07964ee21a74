import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

// seeds/SHA256SUMS is the list of the source texts as received (a copy of ../shared/seeds/SHA256SUMS).
const sums = readFileSync('seeds/SHA256SUMS', 'utf8')
  .trim()
  .split('\n')
  .map((l) => l.split(/\s+\*?/u) as [string, string]);

describe('seeds/', () => {
  test('lists the five source texts', () => {
    expect(sums.map(([, f]) => f)).toHaveLength(5);
  });
  test.each(sums)('holds %s… byte-identical to the text as received (%s)', (sha, file) => {
    expect(createHash('sha256').update(readFileSync(`seeds/${file}`)).digest('hex')).toBe(sha);
  });
});
