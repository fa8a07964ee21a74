/**
 * What charts write besides a value itself (which `../values.ts` writes, as tables and readings do): year and kind,
 * the change between two values, and the source list.
 */
import { CHART_LABELS_ZH, type ChartLabels } from './labels.ts';
import type { ChartSource, ChartValue } from './types.ts';

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
