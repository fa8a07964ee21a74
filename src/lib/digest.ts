import { createHash } from 'node:crypto';

/**
 * A digest of a value as JSON, with maps and sets written out (plain JSON would write both as `{}`, and a change
 * in them would go unseen). Object keys keep their order: the same code builds the same value in the same order.
 * `standIn` may name an object by a string instead (a plan document by the digest of its file, a registry by its
 * name): the digest then says "this object" without writing it out again for every page that holds it.
 */
export function digestOf(value: unknown, standIn?: (v: object) => string | undefined): string {
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (standIn && typeof v === 'object' && v !== null) {
      const name = standIn(v);
      if (name !== undefined) return { standIn: name };
    }
    if (v instanceof Map) return { map: [...v.entries()] };
    if (v instanceof Set) return { set: [...v] };
    if (typeof v === 'function') throw new Error('digestOf: a function is not data (it cannot be part of a page key)');
    return v;
  });
  return createHash('sha1').update(json ?? 'undefined').digest('hex');
}
