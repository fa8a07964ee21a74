/** Slugs from file names (`slugFromFileName`, the fallback of `slugFromMeta` for a plan without a region). */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { slugFromFileName, slugFromMeta } from './document.ts';

const hashed = (name: string) => `plan-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;

describe('slugFromFileName', () => {
  // Hand-written: what a reader should see in the URL for each name.
  test.each([
    ['000_df8e3af4caff0a08.txt', '000-df8e3af4caff0a08'],
    ['Beijing_Plan 2021.txt', 'beijing-plan-2021'],
    ['hangzhou.kjjh.TXT', 'hangzhou-kjjh'],
    ['2023.txt', '2023'],
    ['苏州sz科技规划.txt', 'sz'],
  ])('%s → %s', (name, slug) => expect(slugFromFileName(name)).toBe(slug));

  test.each(['某县 规划 (1).txt', '2023年科技计划.txt', '（一）.txt', '科技规划.txt', '___.txt'])(
    '%s keeps no ASCII letter of a name in other letters: plan- and a hash of the name',
    (name) => expect(slugFromFileName(name)).toBe(hashed(name)),
  );

  test('two Chinese names that keep the same digits get different slugs', () => {
    expect(slugFromFileName('某县 规划 (1).txt')).not.toBe(slugFromFileName('另一县 规划 (1).txt'));
  });
});

test('a plan without a region takes its slug from the file name', () => {
  const meta = { region: undefined, period: undefined, kind: { value: 'plan' } } as unknown as Parameters<typeof slugFromMeta>[0];
  expect(slugFromMeta(meta, '某县 规划 (1).txt')).toBe(hashed('某县 规划 (1).txt'));
});
