/**
 * DOM for the search page: results grouped by plan with metadata and sub-results, filters, the empty-result
 * help. Text goes in as text nodes (never `innerHTML`), matches as `<mark>`.
 */
import type { PlanResult, SearchOutcome } from './engine.ts';
import { FACETS, applyFilters, facetCounts } from './facets.ts';
import type { FacetKey, Selection } from './facets.ts';
import { alternatives, hitCount, hitLabel, snippet, synonymsUsed } from './present.ts';

type Child = Node | string | null | undefined | false;

/** `h('p', { class: 'x' }, 'text', child)`: an element with attributes and children. */
export function h(tag: string, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === undefined) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** Sub-results shown before the “more” disclosure. */
const SHOWN_HITS = 3;

/** Link to a search for `query` on this page (`data-query` lets the page run it without reloading). */
export function searchLink(searchUrl: string, query: string): HTMLElement {
  return h('a', { href: `${searchUrl}?q=${encodeURIComponent(query)}`, 'data-query': query }, query);
}

function hitItem(result: PlanResult, index: number): HTMLElement {
  const hit = result.hits[index]!;
  const s = snippet(hit);
  const { url } = result.page;
  const href = hit.block.id && hit.block.kind !== 'title' ? `${url}#${hit.block.id}` : url;
  const text = h('p', { class: 'search-snippet' }, s.cutBefore ? '…' : '');
  for (const part of s.parts) text.append(part.mark ? h('mark', {}, part.text) : part.text);
  if (s.cutAfter) text.append('…');
  return h('li', {}, h('a', { href }, hitLabel(result.page, hit)), text);
}

function metaLine(result: PlanResult): HTMLElement {
  const { meta } = result.page;
  const parts = [meta['region'], meta['kind'], meta['period'], meta['docNumber']].filter((v): v is string => Boolean(v));
  return h('p', { class: 'search-meta' }, parts.join(' · '));
}

function resultItem(result: PlanResult, headingId: string): HTMLElement {
  const count = hitCount(result);
  const list = h('ol', { class: 'search-hits' });
  const shown = Math.min(SHOWN_HITS, result.hits.length);
  for (let i = 0; i < shown; i++) list.append(hitItem(result, i));
  const more =
    result.hits.length > shown
      ? h(
          'details',
          { class: 'search-more' },
          h('summary', {}, `另有 ${result.hits.length - shown} 处匹配`),
          h('ol', { class: 'search-hits', start: String(shown + 1) }, ...result.hits.slice(shown).map((_, i) => hitItem(result, shown + i))),
        )
      : null;
  return h(
    'li',
    { class: 'search-result' },
    h('h3', { id: headingId }, h('a', { href: result.page.url }, result.page.title)),
    metaLine(result),
    h('p', { class: 'search-count' }, `${count} 处匹配，分布在 ${result.hits.length} 个段落或标题中`),
    list,
    more,
  );
}

/** The status line (a live region): what was found, in one sentence. */
export function statusText(outcome: SearchOutcome, shown: number): string {
  const q = outcome.query.trim();
  if (outcome.tier === 'none') return `没有找到与“${q}”相关的内容。`;
  const total = outcome.results.length;
  const filtered = shown < total ? `，筛选后显示 ${shown} 份` : '';
  if (outcome.tier === 'partial') return `没有找到与“${q}”完全一致的文字；${total} 份规划包含其中部分词语${filtered}。`;
  const places = outcome.results.reduce((n, r) => n + hitCount(r), 0);
  const pending = outcome.pending.length > 0 ? `（另有 ${outcome.pending.length} 份尚未检查）` : '';
  return `找到 ${total} 份规划，共 ${places} 处匹配${filtered}${pending}。`;
}

/** Help when nothing (or nothing exact) was found. */
export function emptyHelp(outcome: SearchOutcome, searchUrl: string, plansUrl: string): HTMLElement {
  const alts = alternatives(outcome);
  const tryAlts = alts.length > 0 ? h('li', {}, '已同时检索这些说法：', ...alts.flatMap((a, i) => [i > 0 ? '、' : '', searchLink(searchUrl, a)]), '。') : null;
  const examples = h('li', {}, '换一种说法：全称或简称、同义词，例如', searchLink(searchUrl, '高企'), '（高新技术企业）、', searchLink(searchUrl, '双创'), '（创新创业）、', searchLink(searchUrl, '研发投入强度'), '。');
  return h(
    'div',
    { class: 'search-help' },
    h('p', {}, outcome.tier === 'partial' ? '可以这样调整检索：' : '可以试试：'),
    h(
      'ul',
      {},
      tryAlts,
      examples,
      h('li', {}, '检查有无错别字，或减少检索词；多个词之间用空格分开时，结果须包含全部词语。'),
      h('li', {}, '数字请照原文写法检索，如“3.2%”“530家”。'),
      h('li', {}, h('a', { href: plansUrl }, '浏览全部规划'), '。'),
    ),
  );
}

/** Render results (after filters) into `container`. */
export function renderResults(container: HTMLElement, outcome: SearchOutcome, selection: Selection, urls: { search: string; plans: string }): PlanResult[] {
  const shown = applyFilters(outcome.results, selection);
  const children: Child[] = [];
  const used = synonymsUsed(outcome);
  if (used.length > 0) children.push(h('p', { class: 'search-note' }, `同时检索了同义词和简称：${used.join('、')}。`));
  if (outcome.tier === 'partial') children.push(h('p', { class: 'search-note' }, '以下规划包含检索词中的部分词语，不一定连在一起出现：'));
  if (shown.length > 0) {
    children.push(h('ol', { class: 'search-results', 'data-tier': outcome.tier }, ...shown.map((r, i) => resultItem(r, `search-result-${i + 1}`))));
  } else if (outcome.results.length > 0) {
    children.push(h('p', {}, '当前筛选条件下没有结果。', h('button', { type: 'button', 'data-clear-filters': true }, '清除筛选')));
  }
  if (outcome.pending.length > 0) {
    children.push(h('button', { type: 'button', class: 'search-continue', 'data-continue': true }, `继续检查其余 ${outcome.pending.length} 份规划`));
  }
  if (outcome.tier !== 'exact') children.push(emptyHelp(outcome, urls.search, urls.plans));
  container.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));
  return shown;
}

/** Render the filter controls; keeps focus on the checkbox the reader was on. */
export function renderFilters(container: HTMLElement, outcome: SearchOutcome, selection: Selection, allValues: Partial<Record<FacetKey, string[]>>): void {
  const focused = document.activeElement instanceof HTMLInputElement && container.contains(document.activeElement) ? document.activeElement.id : null;
  const groups: HTMLElement[] = [];
  for (const { key, label } of FACETS) {
    const counts = facetCounts(outcome.results, selection, key, allValues[key]);
    if (counts.length === 0) continue;
    const fieldset = h('fieldset', {}, h('legend', {}, label));
    for (const [value, n] of counts) {
      const id = `filter-${key}-${[...value].map((c) => c.codePointAt(0)!.toString(36)).join('')}`;
      // No `name`: the boxes are not submitted with a form; the filter key travels in data-facet.
      const box = h('input', { type: 'checkbox', id, 'data-facet': key, value, checked: selection[key]?.has(value) ?? false });
      fieldset.append(h('div', { class: 'search-filter' }, box, h('label', { for: id }, value, h('span', { class: 'search-filter-count' }, `（${n}）`))));
    }
    groups.push(fieldset);
  }
  const anySelected = FACETS.some(({ key }) => (selection[key]?.size ?? 0) > 0);
  container.replaceChildren(...groups, ...(anySelected ? [h('button', { type: 'button', 'data-clear-filters': true }, '清除筛选')] : []));
  container.hidden = groups.length === 0;
  // The ids are derived from key and value, so the same box gets the focus back after the redraw.
  if (focused) container.querySelector<HTMLInputElement>(`#${CSS.escape(focused)}`)?.focus();
}
