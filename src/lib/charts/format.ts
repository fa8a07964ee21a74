/**
 * How chart labels, descriptions and tables write numbers and values, in Chinese; and the source list.
 * One place, so the marks, the `<desc>` and the data table always show a value the same way.
 */
import type { ChartSource, ChartValue } from './types.ts';

/**
 * A number as plan texts write it: no digit grouping (`26000`), at most 3 decimals, no float noise
 * (`0.67 - 0.54` → `0.13`).
 */
export function formatNumber(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return String(Object.is(r, -0) ? 0 : r);
}

// Qualifiers that read after the number (`2.1以上`, `2.2左右`, `200余`) or before it (`突破530`).
const SUFFIX = ['以上', '左右', '以内', '以下', '余', '多'];
const PREFIX_SHORT = ['突破', '超过', '约', '近'];
// In descriptions and tables also the qualifiers that change what the value promises (力争 = strive for).
const PREFIX_FULL = ['力争', '累计', ...PREFIX_SHORT];

/**
 * A value for a label on the marks: number plus the qualifiers that bound it (`2.1以上`, `突破530`), no unit
 * (the caption or panel title carries it). `—` when the text gives no number.
 */
export function formatLabel(v: Pick<ChartValue, 'value' | 'qualifiers'>): string {
  if (v.value === null) return '—';
  const pre = PREFIX_SHORT.filter((q) => v.qualifiers.includes(q)).join('');
  const post = SUFFIX.filter((q) => v.qualifiers.includes(q)).join('');
  return `${pre}${formatNumber(v.value)}${post}`;
}

/**
 * A value for prose and tables: qualifiers, number and unit (`力争2.2%以上`, `99家`).
 * `withUnit: false` leaves the unit out (table cells under a unit column).
 */
export function formatValue(v: Pick<ChartValue, 'value' | 'qualifiers' | 'unit' | 'valueText'>, withUnit = true): string {
  if (v.value === null) return v.valueText || '—';
  const pre = PREFIX_FULL.filter((q) => v.qualifiers.includes(q)).join('');
  const post = SUFFIX.filter((q) => v.qualifiers.includes(q)).join('');
  return `${pre}${formatNumber(v.value)}${withUnit ? v.unit : ''}${post}`;
}

/** `kind` as a short Chinese word: 目标 / 基数 / 实际. */
export const KIND_LABEL: Record<ChartValue['kind'], string> = {
  target: '目标',
  baseline: '基数',
  achievement: '实际',
};

/** `measure` as a Chinese phrase, for exclusion reasons: what kind of number it is. */
export const MEASURE_LABEL: Record<ChartValue['measure'], string> = {
  level: '达到值',
  growth: '增长率',
  cumulative: '期间累计值',
  increase: '新增量',
};

/** `2022年目标`, `2020年基数`, `目标（年份未载）`. */
export function yearKind(v: Pick<ChartValue, 'year' | 'kind'>): string {
  return v.year === null ? `${KIND_LABEL[v.kind]}（年份未载）` : `${v.year}年${KIND_LABEL[v.kind]}`;
}

/**
 * The change from `a` to `b` in words: `增加31家，增长31.3%`; for percentages, points (`提高0.13个百分点`),
 * since a growth rate of a share misleads; no growth rate from a zero base.
 */
export function formatChange(a: number, b: number, unit: string): string {
  const d = b - a;
  if (unit === '%') {
    if (d === 0) return '持平';
    return `${d > 0 ? '提高' : '降低'}${formatNumber(Math.abs(d))}个百分点`;
  }
  if (d === 0) return '持平';
  const abs = `${d > 0 ? '增加' : '减少'}${formatNumber(Math.abs(d))}${unit}`;
  if (a === 0) return abs;
  const pct = Math.round((Math.abs(d) / Math.abs(a)) * 1000) / 10;
  return `${abs}，${d > 0 ? '增长' : '下降'}${pct}%`;
}

/** Shorten a quote for a link text. */
export function excerpt(text: string, max = 36): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/**
 * The source list: one entry per plan and block, in first-use order, linking to the sentence. When several
 * values come from one block, the first quote stands for it. Link text: the block's label when the caller knows
 * one (a table caption), `原文表格` for a table cell (its quote is just the cell, `2.1以上`), else an excerpt of
 * the sentence.
 */
export function sourcesOf(
  values: readonly (Pick<ChartValue, 'quote' | 'blockId' | 'cell'> & { slug: string; planLabel?: string; blockLabel?: string })[],
  blockLabels: Readonly<Record<string, string>> = {},
): ChartSource[] {
  const seen = new Map<string, ChartSource>();
  for (const v of values) {
    const key = `${v.slug}#${v.blockId}`;
    if (seen.has(key)) continue;
    const lead = v.planLabel ? `${v.planLabel}：` : '';
    const name = v.blockLabel ?? blockLabels[v.blockId] ?? (v.cell ? '原文表格' : `“${excerpt(v.quote)}”`);
    seen.set(key, { slug: v.slug, blockId: v.blockId, line: null, quote: v.quote, label: `${lead}${name}` });
  }
  return [...seen.values()];
}
