import { describe, expect, it } from 'vitest';
import { bySlug } from './by-slug.ts';

describe('bySlug(list)', () => {
  const list = [{ slug: 'a', n: 1 }, { slug: 'b', n: 2 }, { slug: 'a', n: 3 }];

  it('finds each slug, the first item of a slug that repeats, nothing for an unknown one', () => {
    expect([bySlug(list).get('a')?.n, bySlug(list).get('b')?.n, bySlug(list).get('c')]).toEqual([1, 2, undefined]);
  });

  it('indexes a list once, and each list apart', () => {
    expect(bySlug(list)).toBe(bySlug(list));
    const other = [{ slug: 'a', n: 9 }];
    expect(bySlug(other).get('a')?.n).toBe(9);
    expect(bySlug(list).get('a')?.n).toBe(1);
  });
});
