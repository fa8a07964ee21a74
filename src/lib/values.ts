/**
 * One value as the site writes it and judges it: the Chinese labels, `formatValue`, `targetTime`, the reading shown
 * beside a value in the text, and `comparability(value, indicator)`. Tables, charts and readings all use these, so a
 * value reads the same everywhere and is flagged as not comparable for the same reasons everywhere.
 */
import type { Indicator, IndicatorKind } from '../schemas/indicator.ts';
import type { Target } from '../schemas/plan.ts';
import { sameUnit } from '../../scripts/pipeline/lexicon/units.ts';
import type { LEVEL_ORDER } from '../../scripts/pipeline/lexicon/levels.ts';

export { sameUnit };

/** `kind`: 目标 / 基数 / 实际. */
export const KIND_LABELS: Record<Target['kind'], string> = {
  target: '目标',
  baseline: '基数',
  achievement: '实际',
};

/**
 * `measure` as a noun, what kind of number it is, in both editions (`口径不同：新增量，本指标为达到值`; `another
 * measure: an increment, the indicator's is a level to reach`). One table, so the editions cannot drift apart.
 */
const MEASURE_WORDS: Record<Target['measure'], { zh: string; en: string }> = {
  level: { zh: '达到值', en: 'a level to reach' },
  growth: { zh: '增长率', en: 'a growth rate' },
  cumulative: { zh: '期间累计值', en: 'a total over the period' },
  increase: { zh: '新增量', en: 'an increment' },
};
const measureWords = (lang: 'zh' | 'en') => Object.fromEntries(Object.entries(MEASURE_WORDS).map(([m, w]) => [m, w[lang]])) as Record<Target['measure'], string>;
export const MEASURE_LABELS = measureWords('zh');
export const MEASURE_LABELS_EN = measureWords('en');

/** An indicator kind as the `/compare/` filter names it, with the usual units. */
export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  stock: '存量（家、件）',
  flow: '流量（亿元）',
  ratio: '比例（%）',
  'growth-rate': '增长率（%）',
  cumulative: '累计',
};

// ── Writing a value ────────────────────────────────────────────────────────────────────────────────────────

/**
 * A number as plan texts write it: no digit grouping (`26000`), no float noise (`0.67 - 0.54` → `0.13`,
 * `1.17 × 10000` → `11700`). Twelve significant digits: never fewer digits than a text writes.
 */
export function formatNumber(n: number): string {
  const r = Number(n.toPrecision(12));
  return String(Object.is(r, -0) ? 0 : r);
}

// Qualifiers that change what a value promises, where they are written: a commitment (力争) first, a bound (突破)
// just before the number, 余/多 between number and unit (`50余名`), a bound after the unit (`3.2%以上`). What is
// left (达到, 分别, 新建 …) are verbs that add nothing once the measure is written.
const COMMITMENTS = ['力争', '争取', '确保'];
const BOUNDS_BEFORE = ['突破', '超过', '超', '不低于', '不少于', '约', '近'];
const BEFORE_UNIT = ['余', '多'];
const AFTER_UNIT = ['以上', '左右', '以内', '以下'];

export type Written = Pick<Target, 'value' | 'valueText' | 'unit' | 'qualifiers' | 'measure'>;

const present = (words: readonly string[], qualifiers: readonly string[]) => words.filter((w) => qualifiers.includes(w)).join('');

/** The measure in words before the number: a growth rate, an increment or a total is not a level. */
function measureWord(v: Pick<Target, 'measure' | 'qualifiers'>): string {
  if (v.measure === 'growth') return v.qualifiers.some((q) => q.startsWith('年均')) ? '年均增长' : '增长';
  if (v.measure === 'increase') return '新增';
  if (v.measure === 'cumulative') return '累计';
  return '';
}

/**
 * A value for tables, prose and readings: commitment, measure, bound, number, unit and the bound after it
 * (`力争3.2%以上`, `年均增长10%`, `新增87家`, `突破530家`, `300000余亩`); the text as written when it has no number,
 * `—` when it has nothing. `withUnit: false` leaves the unit out (table cells under a unit column).
 */
export function formatValue(v: Written, withUnit = true): string {
  if (v.value === null) return v.valueText || '—';
  const q = v.qualifiers;
  const before = `${present(COMMITMENTS, q)}${measureWord(v)}${present(BOUNDS_BEFORE, q)}`;
  return `${before}${formatNumber(v.value)}${present(BEFORE_UNIT, q)}${withUnit ? v.unit : ''}${present(AFTER_UNIT, q)}`;
}

/**
 * A value for a label on chart marks: the number with the bounds that make it a floor or an estimate (`2.1以上`,
 * `突破530`, `50余`), no unit (the caption or panel title carries it), no commitment or measure (the chart draws one
 * measure); `—` when the text gives no number.
 */
export function formatLabel(v: Pick<Target, 'value' | 'qualifiers'>): string {
  if (v.value === null) return '—';
  const q = v.qualifiers;
  return `${present(BOUNDS_BEFORE, q)}${formatNumber(v.value)}${present(BEFORE_UNIT, q)}${present(AFTER_UNIT, q)}`;
}

/** Where a clause starts: after a comma, semicolon, colon or full stop. */
const CLAUSE_END = /[，,；;：:。]/u;

/**
 * Shorten a quote for a link text: its first `max` characters, or, when `around` (the value the link is for) is
 * written past them, the clause that holds it (`…国家高新技术企业达到280家，…`), so the link shows what it cites.
 */
export function excerpt(text: string, max = 36, around?: string): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const i = around ? text.indexOf(around) : -1;
  const at = i < 0 ? -1 : [...text.slice(0, i)].length;
  const end = at < 0 ? 0 : at + [...around!].length;
  if (end <= max) return `${chars.slice(0, max).join('')}…`;
  let from = at;
  while (from > 0 && !CLAUSE_END.test(chars[from - 1]!) && end - (from - 1) <= max) from--;
  const cut = chars.slice(from, from + max);
  return `…${cut.join('')}${from + max < chars.length ? '…' : ''}`;
}

/** `2022年`, `2021—2025年`, or `—`. */
export function targetTime(t: Pick<Target, 'year' | 'period'>): string {
  if (t.period && t.period.start !== t.period.end) return `${t.period.start}—${t.period.end}年`;
  if (t.year !== null) return `${t.year}年`;
  return '—';
}

// ── Comparability ──────────────────────────────────────────────────────────────────────────────────────────

/** What `comparability` reads of a registry entry. */
export type ComparableIndicator = Pick<Indicator, 'id' | 'unit' | 'kind' | 'levels'>;

/** What `comparability` reads of a value. */
export type ComparedValue = Pick<Target, 'indicatorId' | 'phrase' | 'value' | 'valueText' | 'unit' | 'measure' | 'level'>;

/** Each level of the lexicon's `LEVEL_ORDER` in English (the type keeps the two lists the same). */
const LEVEL_EN: Record<(typeof LEVEL_ORDER)[number], string> = { 国家级: 'national', 省级: 'provincial', 市级: 'city', 区级: 'district', 县级: 'county' };

/** A level in English: `国家级` → `national level`, `市级以上` → `city level and above`, `省级、市级` → `provincial and city levels`. */
export function levelEn(level: string): string {
  const above = level.endsWith('以上');
  const bases = (above ? level.slice(0, -2) : level).split('、').map((l) => LEVEL_EN[l as (typeof LEVEL_ORDER)[number]] ?? l);
  return bases.length > 1 ? `${bases.join(' and ')} levels` : `${bases[0]} level${above ? ' and above' : ''}`;
}

/** The level a value counts: its own level word, else what its indicator counts (`all`: every level, or none read). */
export function levelCounted(v: Pick<ComparedValue, 'level'>, indicator: Pick<ComparableIndicator, 'levels'>): string {
  return v.level ?? indicator.levels ?? 'all';
}

/**
 * Whether `v` counts what `indicator` counts by level: any value of an indicator not counted by level; of one that
 * counts every level, a value of no level named (`国家级科技企业孵化器3家` counts a part of them); of one that counts a
 * level (`市级以上`), a value of that level or of none named.
 */
export function sameLevel(v: Pick<ComparedValue, 'level'>, indicator: Pick<ComparableIndicator, 'levels'>): boolean {
  return indicator.levels === undefined || levelCounted(v, indicator) === indicator.levels;
}

/** Whether a value may stand beside other plans' values of an indicator, and if not, every reason in Chinese. */
export interface Comparability {
  comparable: boolean;
  reasons: string[];
}

/** The measure an indicator's comparable values have: a growth rate for `growth-rate`, a total for `cumulative`, else a level. */
export function comparableMeasure(kind: IndicatorKind): Target['measure'] {
  return kind === 'growth-rate' ? 'growth' : kind === 'cumulative' ? 'cumulative' : 'level';
}

/**
 * Whether `v` may be compared with other plans' values of `indicator`: the registry entry decides, not the other
 * values (a majority of 新增 values would not make a level incomparable). It must be that indicator, have a number,
 * be in the indicator's unit and in its measure (a 新增 count is not a year-end level, a 累计 total not a yearly
 * flow), and count the level it counts (`sameLevel`). 全社会研发投入强度 (R&D / GDP) and 规模以上企业研发投入占销售收入比例 (R&D / sales) are both `%` but are
 * different indicators.
 */
export function comparability(v: ComparedValue, indicator: ComparableIndicator): Comparability {
  const reasons: string[] = [];
  const measure = comparableMeasure(indicator.kind);
  if (v.indicatorId !== indicator.id) reasons.push(`不是同一指标（原文：${v.phrase}）`);
  if (v.value === null) reasons.push(`原文没有数值（${v.valueText || '空'}）`);
  if (!sameUnit(v.unit, indicator.unit)) reasons.push(`单位不同：${v.unit || '无单位'}，本指标为${indicator.unit}`);
  if (v.measure !== measure) reasons.push(`口径不同：${MEASURE_LABELS[v.measure]}，本指标为${MEASURE_LABELS[measure]}`);
  if (!sameLevel(v, indicator)) reasons.push(indicator.levels === 'all' ? `范围不同：只计${v.level}，本指标含各级` : `范围不同：${v.level}，本指标为${indicator.levels}`);
  return { comparable: reasons.length === 0, reasons };
}

/**
 * The value to show for `indicator` among one plan's `values`: a comparable one if there is any, then the latest
 * year, then the first in the text. `null` for none. Tables and charts pick alike, so they show the same value.
 */
export function preferredValue<T extends ComparedValue & Pick<Target, 'year'>>(values: readonly T[], indicator: ComparableIndicator): T | null {
  const ranked = values
    .map((v, i) => ({ v, i, ok: comparability(v, indicator).comparable }))
    .sort((a, b) => Number(b.ok) - Number(a.ok) || (b.v.year ?? -Infinity) - (a.v.year ?? -Infinity) || a.i - b.i);
  return ranked[0]?.v ?? null;
}

// ── Reading ────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The reading beside a value in the text: `全社会研发投入强度 · 目标 · 力争3.2%以上 · 2022年`, and why the value is
 * not comparable with other plans' values of its indicator when it is not (`口径不同：新增量，本指标为达到值`).
 */
export function normalizedReading(t: Target, indicator: Pick<Indicator, 'id' | 'name' | 'unit' | 'kind'> | undefined): string {
  const reasons = indicator ? comparability(t, indicator).reasons : [];
  return [indicator?.name ?? `未归类：${t.phrase}`, KIND_LABELS[t.kind], formatValue(t), targetTime(t), ...reasons].filter((x) => x && x !== '—').join(' · ');
}
