/**
 * Lists of plans (or of their values) looked up by slug. A page that looks up one plan in the library's list must
 * not walk the list: at 10,000 plans a walk per page made the build quadratic (issue 15).
 */

const indexes = new WeakMap<readonly { slug: string }[], Map<string, { slug: string }>>();

/** The items of `list` by slug, the first of each slug, indexed once per list (the list must not change after). */
export function bySlug<T extends { slug: string }>(list: readonly T[]): ReadonlyMap<string, T> {
  let index = indexes.get(list);
  if (!index) {
    index = new Map();
    for (const item of list) if (!index.has(item.slug)) index.set(item.slug, item);
    indexes.set(list, index);
  }
  return index as Map<string, T>;
}
