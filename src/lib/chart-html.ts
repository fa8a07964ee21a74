/**
 * The repeated parts of a chart's figure (src/components/charts/Chart.astro) as HTML: its words, notes, sources and
 * data table. Functions rather than a component per word: a chart's table is a cell per value, and the components
 * (one `ChartWords` per cell, a `Mixed` inside on English pages) were a good part of rendering a plan page and an
 * embed page. Escaped as Astro escapes (src/lib/html.ts), so the page is the same byte for byte.
 */
import type { ChartTable } from './charts/types.ts';
import { attr, escapeText, wordsHtml } from './html.ts';
import { chineseRuns } from './i18n/english.ts';

/** A chart's words: as they are (`mark` false), or with each run of Chinese in English words marked `lang="zh-CN"`. */
export function chartWordsHtml(text: string, mark: boolean): string {
  if (!mark) return escapeText(text);
  return wordsHtml(chineseRuns(text));
}

/** The notes under a chart, a list item each. */
export function chartNotesHtml(notes: readonly string[], mark: boolean): string {
  return notes.map((n) => `<li>${chartWordsHtml(n, mark)}</li>`).join('');
}

/** The links to the sentences the numbers come from (`href` for each), after their label. */
export function chartSourcesHtml(label: string, sources: readonly { label: string; href: string }[], mark: boolean): string {
  const links = sources.map((s, i) => `${i > 0 ? (mark ? '; ' : '；') : ''}<a${attr('href', s.href)}>${chartWordsHtml(s.label, mark)}</a>`);
  return `<span class="chart-sources-label">${escapeText(label)}</span>${links.join('')}`;
}

/** The chart's data as the inside of its `<table>`: caption (the title), header row, a row per value. */
export function chartTableHtml(title: string, table: ChartTable, mark: boolean): string {
  const [head, ...rest] = table.columns;
  const words = (s: string) => chartWordsHtml(s, mark);
  const header = `<tr><th scope="col">${words(head ?? '')}</th>${rest.map((c) => `<th scope="col">${words(c)}</th>`).join('')}</tr>`;
  const rows = table.rows.map((r) => `<tr><th scope="row">${words(r[0] ?? '')}</th>${r.slice(1).map((c) => `<td>${words(c)}</td>`).join('')}</tr>`);
  return `<caption class="visually-hidden">${words(title)}</caption><thead>${header}</thead><tbody>${rows.join('')}</tbody>`;
}
