/**
 * DOM for the search page: results grouped by plan with metadata and sub-results, filters, the empty-result
 * help. Text goes in as text nodes (never `innerHTML`), matches as `<mark>`. The words are the page's
 * (`SearchMessages`, embedded by the page in its language), never the script's own.
 */
import type { PlanResult, SearchOutcome } from './engine.ts';
import { FACETS, applyFilters, facetCounts } from './facets.ts';
import type { FacetKey, Selection } from './facets.ts';
import { alternatives, hitCount, hitLabel, simplifiedUsed, snippet, synonymsUsed } from './present.ts';
import { fill, type SearchMessages } from './messages.ts';
import type { EnglishMatch } from './english-names.ts';
import { titlePieces } from '../title-breaks.ts';

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

/** Example searches offered when nothing was found: an abbreviation with its full form, and a term. */
const EXAMPLES = { ex1: '高企', full1: '高新技术企业', ex2: '双创', full2: '创新创业', ex3: '研发投入强度' };
/** Numbers as the texts write them. */
const NUMBERS = { n1: '3.2%', n2: '530家' };

/**
 * Writes the page's words (`SearchMessages`) with the data's words in them: on a page in another language
 * (`dataLang`), each of the data's words (query, plan titles, excerpts, filter values) is marked with its language.
 */
export class Writer {
  readonly m: SearchMessages;
  constructor(messages: SearchMessages) {
    this.m = messages;
  }

  /** The data's own words: a `<span lang>` on a page in another language, else the text. */
  data(text: string): Node | string {
    return this.m.dataLang ? h('span', { lang: this.m.dataLang }, text) : text;
  }

  /** A template's parts: numbers as text, strings as the data's words, nodes as they are. */
  parts(template: string, values: Record<string, string | number | Node | (Node | string)[]>): (Node | string)[] {
    return fill(template, values).flatMap((p) => {
      if ('text' in p) return [p.text];
      const v = p.value;
      if (typeof v === 'number') return [String(v)];
      if (typeof v === 'string') return v === '' ? [] : [this.data(v)];
      return Array.isArray(v) ? v : [v];
    });
  }

  /** A list of the data's words (or links), with the page's separator. */
  list(items: (Node | string)[]): Node[] {
    const out = document.createDocumentFragment();
    items.forEach((item, i) => {
      if (i > 0) out.append(this.m.listSeparator);
      out.append(typeof item === 'string' ? this.data(item) : item);
    });
    return [out];
  }
}

/** Link to a search for `query` on this page (`data-query` lets the page run it without reloading). */
export function searchLink(searchUrl: string, query: string, lang?: string | null): HTMLElement {
  return h('a', { href: `${searchUrl}?q=${encodeURIComponent(query)}`, 'data-query': query, lang: lang ?? undefined }, query);
}

function hitItem(w: Writer, result: PlanResult, index: number): HTMLElement {
  const hit = result.hits[index]!;
  const s = snippet(hit);
  const { url } = result.page;
  const href = hit.block.id && hit.block.kind !== 'title' ? `${url}#${hit.block.id}` : url;
  const text = h('p', { class: 'search-snippet', lang: w.m.dataLang ?? undefined }, s.cutBefore ? '…' : '');
  for (const part of s.parts) text.append(part.mark ? h('mark', {}, part.text) : part.text);
  if (s.cutAfter) text.append('…');
  const label = hitLabel(result.page, hit, w.m.places).map((p) => (p.data ? w.data(p.text) : p.text));
  return h('li', {}, h('a', { href }, ...label), text);
}

function metaLine(w: Writer, result: PlanResult): HTMLElement {
  const { meta } = result.page;
  const parts = [meta['region'], meta['kind'], meta['period'], meta['docNumber']].filter((v): v is string => Boolean(v));
  return h('p', { class: 'search-meta', lang: w.m.dataLang ?? undefined }, parts.join(' · '));
}

/** A plan's title that breaks between its words only (src/lib/title-breaks.ts; the heading has `.title-words`). */
function titleWords(w: Writer, title: string): HTMLElement {
  const pieces = titlePieces(title).flatMap((piece, i) => (i > 0 ? [h('wbr'), piece] : [piece]));
  return h('span', { lang: w.m.dataLang ?? undefined }, ...pieces);
}

function resultItem(w: Writer, result: PlanResult, headingId: string): HTMLElement {
  const count = hitCount(result);
  const list = h('ol', { class: 'search-hits' });
  const shown = Math.min(SHOWN_HITS, result.hits.length);
  for (let i = 0; i < shown; i++) list.append(hitItem(w, result, i));
  const more =
    result.hits.length > shown
      ? h(
          'details',
          { class: 'search-more' },
          h('summary', {}, ...w.parts(w.m.moreHits, { n: result.hits.length - shown })),
          h('ol', { class: 'search-hits', start: String(shown + 1) }, ...result.hits.slice(shown).map((_, i) => hitItem(w, result, shown + i))),
        )
      : null;
  return h(
    'li',
    { class: 'search-result' },
    h('h3', { id: headingId, class: 'title-words' }, h('a', { href: result.page.url }, titleWords(w, result.page.title))),
    metaLine(w, result),
    h('p', { class: 'search-count' }, ...w.parts(w.m.hitCount, { count, blocks: result.hits.length })),
    list,
    more,
  );
}

/** The status line (a live region): what was found, in one sentence; the query marked as the data's words. */
export function statusParts(w: Writer, outcome: SearchOutcome, shown: number): (Node | string)[] {
  const query = outcome.query.trim();
  // With variants not searched yet, the plans left are at least those already named.
  const pending = outcome.pending.length > 0 ? w.parts(outcome.unsearched.length > 0 ? w.m.pendingAtLeast : w.m.pending, { n: outcome.pending.length }) : [];
  if (outcome.tier === 'none') return w.parts(w.m.none, { query, pending });
  const total = outcome.results.length;
  const filtered = shown < total ? w.parts(w.m.filtered, { shown }) : [];
  if (outcome.tier === 'partial') return w.parts(w.m.partial, { query, total, filtered, pending });
  const places = outcome.results.reduce((n, r) => n + hitCount(r), 0);
  return w.parts(w.m.found, { total, places, filtered, pending });
}

/** Help when nothing (or nothing exact) was found. */
export function emptyHelp(w: Writer, outcome: SearchOutcome, searchUrl: string, plansUrl: string): HTMLElement {
  const alts = alternatives(outcome);
  const link = (q: string) => searchLink(searchUrl, q, w.m.dataLang);
  const tryAlts = alts.length > 0 ? h('li', {}, ...w.parts(w.m.helpAlternatives, { list: w.list(alts.map(link)) })) : null;
  const examples = h('li', {}, ...w.parts(w.m.helpExamples, { ex1: link(EXAMPLES.ex1), full1: EXAMPLES.full1, ex2: link(EXAMPLES.ex2), full2: EXAMPLES.full2, ex3: link(EXAMPLES.ex3) }));
  return h(
    'div',
    { class: 'search-help' },
    h('p', {}, outcome.tier === 'partial' ? w.m.helpPartial : w.m.helpNone),
    h(
      'ul',
      {},
      tryAlts,
      examples,
      h('li', {}, w.m.helpSpelling),
      h('li', {}, ...w.parts(w.m.helpNumbers, NUMBERS)),
      h('li', {}, ...w.parts(w.m.helpBrowse, { browse: h('a', { href: plansUrl }, w.m.browse) })),
    ),
  );
}

/**
 * The Chinese terms offered for an English query (English page only): each a search link, beside the English name it
 * was found by, linked to its entry, with the entry's kind and, for the editors' own English names, saying so.
 */
export function englishTerms(w: Writer, query: string, { names, complete, by }: EnglishMatch, searchUrl: string): HTMLElement | null {
  const words = w.m.english;
  if (!words || names.length === 0) return null;
  const items = names.map((n) => {
    const about = [words.kinds[n.kind], n.editors ? words.editors : ''].filter(Boolean).join('; ');
    return h('li', {}, ...w.list(n.zh.map((zh) => searchLink(searchUrl, zh, w.m.dataLang))), ' — ', h('a', { href: n.href }, n.en), ` (${about})`);
  });
  return h('div', { class: 'search-english' }, h('p', {}, ...w.parts(by === 'pinyin' ? words.introPinyin : complete ? words.intro : words.introSome, { query })), h('ul', {}, ...items));
}

/** Render results (after filters) into `container`; `english`: the Chinese terms offered for an English query. */
export function renderResults(w: Writer, container: HTMLElement, outcome: SearchOutcome, selection: Selection, urls: { search: string; plans: string }, english: EnglishMatch = { names: [], complete: true }): PlanResult[] {
  const shown = applyFilters(outcome.results, selection);
  const children: Child[] = [englishTerms(w, outcome.query.trim(), english, urls.search)];
  const simple = simplifiedUsed(outcome);
  if (simple.length > 0) children.push(h('p', { class: 'search-note' }, ...w.parts(w.m.simplifiedUsed, { list: w.list(simple) })));
  const used = synonymsUsed(outcome);
  if (used.length > 0) children.push(h('p', { class: 'search-note' }, ...w.parts(w.m.synonymsUsed, { list: w.list(used) })));
  if (outcome.tier === 'partial') children.push(h('p', { class: 'search-note' }, w.m.partialNote));
  if (shown.length > 0) {
    children.push(h('ol', { class: 'search-results', 'data-tier': outcome.tier }, ...shown.map((r, i) => resultItem(w, r, `search-result-${i + 1}`))));
  } else if (outcome.results.length > 0) {
    children.push(h('p', {}, w.m.noneFiltered, h('button', { type: 'button', 'data-clear-filters': true }, w.m.clearFilters)));
  }
  if (outcome.pending.length > 0) {
    const label = outcome.unsearched.length > 0 ? w.m.continueSearchAtLeast : w.m.continueSearch;
    children.push(h('button', { type: 'button', class: 'search-continue', 'data-continue': true }, ...w.parts(label, { n: outcome.pending.length })));
  }
  if (outcome.tier !== 'exact') children.push(emptyHelp(w, outcome, urls.search, urls.plans));
  container.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));
  return shown;
}

/** Render the filter controls; keeps focus on the checkbox the reader was on. */
export function renderFilters(w: Writer, container: HTMLElement, outcome: SearchOutcome, selection: Selection, allValues: Partial<Record<FacetKey, string[]>>): void {
  const focused = document.activeElement instanceof HTMLInputElement && container.contains(document.activeElement) ? document.activeElement.id : null;
  const groups: HTMLElement[] = [];
  for (const { key } of FACETS) {
    const counts = facetCounts(outcome.results, selection, key, allValues[key]);
    if (counts.length === 0) continue;
    const fieldset = h('fieldset', {}, h('legend', {}, w.m.facets[key]));
    for (const [value, n] of counts) {
      const id = `filter-${key}-${[...value].map((c) => c.codePointAt(0)!.toString(36)).join('')}`;
      // No `name`: the boxes are not submitted with a form; the filter key travels in data-facet.
      const box = h('input', { type: 'checkbox', id, 'data-facet': key, value, checked: selection[key]?.has(value) ?? false });
      fieldset.append(h('div', { class: 'search-filter' }, box, h('label', { for: id }, w.data(value), h('span', { class: 'search-filter-count' }, ...w.parts(w.m.facetCount, { n })))));
    }
    groups.push(fieldset);
  }
  const anySelected = FACETS.some(({ key }) => (selection[key]?.size ?? 0) > 0);
  container.replaceChildren(...groups, ...(anySelected ? [h('button', { type: 'button', 'data-clear-filters': true }, w.m.clearFilters)] : []));
  container.hidden = groups.length === 0;
  // The ids are derived from key and value, so the same box gets the focus back after the redraw.
  if (focused) container.querySelector<HTMLInputElement>(`#${CSS.escape(focused)}`)?.focus();
}
