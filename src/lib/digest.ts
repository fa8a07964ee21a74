import { createHash } from 'node:crypto';

/**
 * A digest of a value as JSON, with maps and sets written out (plain JSON would write both as `{}`, and a change
 * in them would go unseen). Object keys keep their order: the same code builds the same value in the same order.
 */
export function digestOf(value: unknown): string {
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return { map: [...v.entries()] };
    if (v instanceof Set) return { set: [...v] };
    if (typeof v === 'function') throw new Error('digestOf: a function is not data (it cannot be part of a page key)');
    return v;
  });
  return createHash('sha1').update(json ?? 'undefined').digest('hex');
}
