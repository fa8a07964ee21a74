/**
 * What charts write besides a value itself (which `../values.ts` writes, as tables and readings do): year and kind,
 * the change between two values, and the source list.
 */
import { formatNumber, KIND_LABELS } from '../values.ts';
import type { ChartSource, ChartValue } from './types.ts';

/** `2022年目标`, `2020年基数`, `目标（年份未载）`. */
export function yearKind(v: Pick<ChartValue, 'year' | 'kind'>): string {
  return v.year === null ? `${KIND_LABELS[v.kind]}（年份未载）` : `${v.year}年${KIND_LABELS[v.kind]}`;
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
