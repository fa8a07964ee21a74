/**
 * The comparison behind the quality tests (targets, instruments): what a stage found against what a hand-read
 * fixture expects, where every deviation must be listed, with its reason, in a known-deviations file.
 */

/** Multiset difference: the items of `a` not matched by an item of `b`. */
export function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

/**
 * The problems with one category of deviations: found but not listed (`fix` says what to do), listed but no
 * longer occurring. Empty when the list is exact. `detail` gives a found key its longer description.
 */
export function deviationProblems(
  category: string,
  what: string,
  found: readonly string[],
  listed: readonly string[],
  { known, fix, detail }: { known: string; fix: string; detail: ReadonlyMap<string, string> },
): string[] {
  const fresh = minus(found, listed).map((k) => detail.get(k) ?? k);
  const gone = minus(listed, found);
  return [
    ...(fresh.length ? [`${fresh.length} new ${what} (${fix}, or list it with a reason under ${category} in ${known}):`, ...fresh.map((k) => `  ${k}`)] : []),
    ...(gone.length ? [`${gone.length} listed under ${category} in ${known} no longer occurring: remove it from the list:`, ...gone.map((k) => `  ${k}`)] : []),
  ];
}
