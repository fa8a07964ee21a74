/**
 * What charts write besides a value itself (which `../values.ts` writes, as tables and readings do): year and kind,
 * the change between two values, and the source list.
 */
import { CHART_LABELS_ZH, type ChartLabels } from './labels.ts';
import type { ChartSource, ChartValue } from './types.ts';
import { excerpt } from '../values.ts';

/** `2022年目标`, `2020年基数`, `目标（年份未载）` (the Chinese table's `yearKind`; other locales: `chartLabels`). */
export function yearKind(v: Pick<ChartValue, 'year' | 'kind'>): string {
  return CHART_LABELS_ZH.yearKind(v);
}

/**
 * The change from `a` to `b` in words: `增加31家，增长31.3%`; for percentages, points (`提高0.13个百分点`),
 * since a growth rate of a share misleads; no growth rate from a zero base. (The Chinese table's `change`.)
 */
export function formatChange(a: number, b: number, unit: string): string {
  return CHART_LABELS_ZH.change(a, b, unit);
}

/**
 * The source list: one entry per plan and block, in first-use order, linking to the sentence. When several
 * values come from one block, the first quote stands for it. Link text: the block's label when the caller knows
 * one (a table caption), `原文表格` for a table cell (its quote is just the cell, `2.1以上`), else an excerpt of
 * the sentence that shows the value.
 */
export function sourcesOf(
  values: readonly (Pick<ChartValue, 'quote' | 'blockId' | 'cell'> & Partial<Pick<ChartValue, 'valueText'>> & { slug: string; planLabel?: string; blockLabel?: string })[],
  blockLabels: Readonly<Record<string, string>> = {},
  L: ChartLabels = CHART_LABELS_ZH,
): ChartSource[] {
  const seen = new Map<string, ChartSource>();
  for (const v of values) {
    const key = `${v.slug}#${v.blockId}`;
    if (seen.has(key)) continue;
    const lead = v.planLabel ? L.sourceLead(v.planLabel) : '';
    const name = v.blockLabel ?? blockLabels[v.blockId] ?? (v.cell ? L.tableSource : L.quoted(excerpt(v.quote, 36, v.valueText)));
    seen.set(key, { slug: v.slug, blockId: v.blockId, line: null, quote: v.quote, label: `${lead}${name}` });
  }
  return [...seen.values()];
}
