/**
 * Whether a gold target's amount (`tests/fixtures/corpus/gold.json`, `../shared/corpus/gold.json`) and one the pipeline
 * read are the same, for the corpus tests. Both are taken to base units (`1 万家` = 10000 `家`, `40.5 亿元` and
 * `4.05 萬億元`'s kind = yuan); a gold amount whose 元 the excerpt cut (`900 亿`, noted so in the gold) is the same as
 * the pipeline's money in a money indicator's unit (`900 亿元`, `./lexicon/units.ts`).
 */
const MAGNITUDES: [string, number][] = [['万亿', 1e12], ['萬億', 1e12], ['亿', 1e8], ['億', 1e8], ['万', 1e4], ['萬', 1e4], ['千', 1e3]];

/** A value in its base unit: `1` `万家` → 10000 `家`; `40.5` `亿元` → 4.05e9 `元`; `900` `亿` → 9e10 `''`. */
export function baseValue(value: number, unit: string): { value: number; unit: string } {
  for (const [prefix, factor] of MAGNITUDES) if (unit.startsWith(prefix)) return { value: value * factor, unit: unit.slice(prefix.length) };
  return { value, unit };
}

/** The same amount: equal in base units, the unit the same or a bare magnitude's missing 元 beside 元. */
export function sameAmount(gold: { value: number; unit: string }, read: { value: number; unit: string }): boolean {
  const [a, b] = [baseValue(gold.value, gold.unit), baseValue(read.value, read.unit)];
  const bareMagnitude = a.unit === '' && gold.unit !== '' && b.unit === '元';
  return (a.unit === b.unit || bareMagnitude) && Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value));
}
