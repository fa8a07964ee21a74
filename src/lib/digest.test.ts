import { describe, expect, test } from 'vitest';
import { digestOf } from './digest.ts';

describe('digestOf', () => {
  test('equal data, equal digest; any change inside maps and sets changes it', () => {
    const value = (href: string, reused: string) => ({ related: new Map([['s1', [{ href }]]]), reused: new Set([reused]), n: 1 });
    expect(digestOf(value('/plans/a/#s1', 'p1'))).toBe(digestOf(value('/plans/a/#s1', 'p1')));
    expect(digestOf(value('/plans/a/#s1', 'p1'))).not.toBe(digestOf(value('/plans/b/#s1', 'p1')));
    expect(digestOf(value('/plans/a/#s1', 'p1'))).not.toBe(digestOf(value('/plans/a/#s1', 'p2')));
    expect(digestOf(new Map())).not.toBe(digestOf({}));
    expect(digestOf([1, null])).not.toBe(digestOf([1]));
  });
  test('a function in the data is refused: it would be written as nothing', () => {
    expect(() => digestOf({ href: () => '/x/' })).toThrow(/not data/u);
  });
});
