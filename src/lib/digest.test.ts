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
  test('an object with a stand-in is written as its name: equal names, equal digests, whatever the object holds', () => {
    const big = { text: 'a'.repeat(1000) };
    const other = { text: 'b' };
    const names = new Map<object, string>([[big, 'plan:x'], [other, 'plan:x']]);
    const standIn = (v: object) => names.get(v);
    expect(digestOf({ data: [big] }, standIn)).toBe(digestOf({ data: [other] }, standIn));
    expect(digestOf({ data: [big] }, standIn)).not.toBe(digestOf({ data: [big] }));
    names.set(other, 'plan:y');
    expect(digestOf({ data: [big] }, standIn)).not.toBe(digestOf({ data: [other] }, standIn));
  });
});
