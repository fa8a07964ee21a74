/**
 * The search page in the browser. Nothing is fetched until the reader starts a search: types in the box, submits it,
 * or arrives with `?q=`. Searches run as the reader types (after a short pause) and on submit; the URL keeps the
 * query (`?q=`) so a search can be shared or reloaded. Plans are read from their search records
 * (`search/blocks/by-number/<n>.json.gz` for a plan the pair index named, `pagefind/<id>.json.gz` for one Pagefind
 * named). The character-pair index (src/lib/search/pairs.ts) names the candidates, at every size of library;
 * Pagefind (script, WebAssembly, index) is loaded only for loose matches when nothing matches literally.
 */
import { continueSearch, runSearch } from '../lib/search/engine.ts';
import type { PlanSource, SearchOutcome } from '../lib/search/engine.ts';
import { prepareGroups, queryTerms } from '../lib/search/expand.ts';
import { FACETS } from '../lib/search/facets.ts';
import type { FacetKey, Selection } from '../lib/search/facets.ts';
import { fetchBytes, fetchJson, planText } from '../lib/search/plan-text.ts';
import { normalize } from '../lib/search/normalize.ts';
import { byPlanNumber, decodeBucket, queryBuckets, searchPairs } from '../lib/search/pairs.ts';
import type { PairKey, Postings } from '../lib/search/pairs.ts';
import { Writer, renderFilters, renderResults, statusParts } from '../lib/search/render.ts';
import { fillText, type SearchMessages } from '../lib/search/messages.ts';
import { decodeTraditionalBits, holdsTraditional, simplifier, type TraditionalTable } from '../lib/search/traditional.ts';
import { matchEnglish, type EnglishName } from '../lib/search/english-names.ts';
import type { SynonymGroup } from '../schemas/synonyms.ts';

/** Pause after the last keystroke before searching (ms). */
const TYPING_PAUSE = 300;

/** What the page embeds (src/pages/search.astro). */
interface PageData {
  synonyms: SynonymGroup[];
  /** Bucket files of the character-pair index (src/lib/search/pairs.ts), for the site's number of plans. */
  pairBuckets: number;
  filters: Partial<Record<FacetKey, string[]>>;
  /** Every word the script writes, in the page's language. */
  messages: SearchMessages;
  /** Which characters are traditional (src/lib/search/traditional.ts `traditionalBits`). */
  traditional: string;
  /** The English page only: the registries' English names and their Chinese terms (src/lib/search/english-names.ts). */
  english?: EnglishName[];
}

interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null) => Promise<{ results: { id: string; score: number }[] } | null>;
  mergeIndex: (url: string, options?: Record<string, unknown>) => Promise<void>;
}

/** Written by the build (scripts/pagefind-ids.ts): the index bundles, the first primary. */
interface PagefindBundles {
  bundles: string[];
}

/** Key of a plan Pagefind named: the path of its record under `search/blocks/` (scripts/pagefind-ids.ts). */
const byPagefindId = (id: string) => `pagefind/${id}`;

const form = document.querySelector<HTMLFormElement>('#search-form');
if (form) init(form);

function init(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const results = document.querySelector<HTMLElement>('#search-results')!;
  const list = results.querySelector<HTMLElement>('[data-results-list]')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const filterBox = document.querySelector<HTMLElement>('#search-filters')!;
  const filterList = filterBox.querySelector<HTMLElement>('[data-filter-list]')!;
  const filterToggle = filterBox.querySelector<HTMLElement>('[data-filter-toggle]')!;
  const base = form.dataset.base ?? '/';
  const urls = { search: form.action.replace(/\?.*$/u, ''), plans: form.dataset.plans ?? base };
  const data = JSON.parse(document.querySelector('#search-data')?.textContent ?? '{}') as PageData;
  const groups = prepareGroups(data.synonyms ?? []);
  const w = new Writer(data.messages);
  const m = data.messages;
  const selection: Selection = {};
  const pageTitle = document.title;

  let index: Promise<Pagefind> | null = null;
  /** Bucket files of the pair index read in this visit, each fetched once. */
  const pairFiles = new Map<number, Promise<ReadonlyMap<PairKey, Postings>>>();
  const pairBucket = (n: number) => {
    let file = pairFiles.get(n);
    if (!file) {
      pairFiles.set(n, (file = fetchBytes(`${base}search/pairs/${n}.gz`).then(decodeBucket)));
      file.catch(() => pairFiles.delete(n)); // try again next time
    }
    return file;
  };
  const traditionalChars = decodeTraditionalBits(data.traditional ?? '');
  let simplify: Promise<(text: string) => string> | null = null;
  /** The fold of a query typed in traditional characters: the table fetched once, on the first such query. */
  const simplifyFor = (query: string) => {
    if (!holdsTraditional(query, traditionalChars)) return undefined;
    if (!simplify) {
      simplify = fetchJson<TraditionalTable>(`${base}search/traditional.json.gz`).then(simplifier);
      simplify.catch(() => (simplify = null)); // try again next time
    }
    return simplify;
  };
  let current: SearchOutcome | null = null;
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Pagefind and its shards (listed by the build), loaded once, on first use. */
  const loadIndex = () =>
    (index ??= (async () => {
      const [pf, { bundles }] = await Promise.all([
        import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind>,
        fetchJson<PagefindBundles>(`${base}search/pagefind-bundles.json`),
      ]);
      // No worker: the engine asks the index a few times per query, each answered in milliseconds (RESULTS.md).
      await pf.options({ baseUrl: base, excerptLength: 0, noWorker: true });
      // The English search page searches the Chinese index: Pagefind picks its index, and segments queries, by
      // the <html lang> it reads when it starts (synchronously, inside init), so it reads the index's language.
      const indexLang = form.dataset.indexLang;
      if (indexLang) {
        const html = document.documentElement;
        const pageLang = html.lang;
        html.lang = indexLang;
        const ready = pf.init();
        html.lang = pageLang;
        await ready;
      }
      // A large site's index comes in shards (scripts/pagefind-shards.ts): the others join the first, which then
      // searches them all; they read the first one's language and WebAssembly.
      await Promise.all(bundles.slice(1).map((bundle) => pf.mergeIndex(`${base}${bundle}`)));
      return pf;
    })().catch((error: unknown) => {
      index = null; // let the next search try again
      throw error;
    }));

  const source: PlanSource = {
    // A key is where the plan's record is: under its plan number or its Pagefind page id (the record says its slug).
    // Results lead to the plan pages of the reader's edition (`data-plan-base`: /en/ on the English search page).
    read: async (key) => {
      const record = await fetchJson(`${base}search/blocks/${key}.json.gz`);
      return planText(record.slug, `${form.dataset.planBase ?? base}plans/${record.slug}/`, record);
    },
    // Candidates come from the character-pair index, which names every plan that can match (scripts/search-pairs.ts
    // links each record under its plan number).
    search: async (term) => (await searchPairs(term, data.pairBuckets, normalize, pairBucket)).map((r) => ({ key: byPlanNumber(r.plan), score: r.score })),
    // Loose matches, when nothing matches literally: Pagefind's words anywhere in a plan. Only plan pages are
    // indexed (scripts/pagefind-shards.ts), and each has its record under its page id.
    loose: async (query) => ((await (await loadIndex()).search(query))?.results ?? []).map((r) => ({ key: byPagefindId(r.id), score: r.score })),
  };

  const setState = (state: 'idle' | 'loading' | 'done' | 'error', query: string) => {
    results.dataset.state = state;
    results.dataset.query = query;
    results.setAttribute('aria-busy', String(state === 'loading'));
  };

  const show = () => {
    if (!current) return;
    const shown = renderResults(w, list, current, selection, urls, matchEnglish(current.query, data.english ?? []));
    renderFilters(w, filterList, current, selection, data.filters ?? {});
    filterBox.hidden = filterList.hidden;
    // Collapsed on a phone, the filters still say that some are applied.
    const chosen = FACETS.reduce((n, { key }) => n + (selection[key]?.size ?? 0), 0);
    filterToggle.textContent = chosen > 0 ? fillText(m.filtersChosen, { n: chosen }) : m.filters;
    status.replaceChildren(...statusParts(w, current, shown.length));
  };

  const search = async (raw: string) => {
    const query = raw.trim();
    const mine = ++sequence;
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
    if (!query) {
      current = null;
      list.replaceChildren();
      filterBox.hidden = true;
      status.textContent = '';
      document.title = pageTitle;
      setState('idle', '');
      return;
    }
    setState('loading', query);
    // Say so only when it takes a while: a status that flickers on every pause in typing is noise to a screen reader.
    const slow = setTimeout(() => {
      if (mine === sequence) status.textContent = m.searching;
    }, 500);
    try {
      const outcome = await runSearch(source, query, groups, await simplifyFor(query));
      if (mine !== sequence) return; // a newer search started meanwhile
      clearTimeout(slow);
      current = outcome;
      document.title = fillText(m.pageTitle, { query, title: pageTitle });
      show();
      if (mine === sequence) setState('done', query);
    } catch (error) {
      clearTimeout(slow);
      if (mine !== sequence) return;
      console.error(error);
      list.replaceChildren();
      status.textContent = m.error;
      setState('error', query);
    }
  };

  input.addEventListener('input', (event) => {
    // The index files the query as typed needs, fetched during the pause (the search asks for them first), so the
    // search waits for one round trip, its records, not two. Not while an input method composes: its letters are not
    // the query.
    if (!(event instanceof InputEvent && event.isComposing)) {
      for (const n of queryBuckets(queryTerms(input.value).join(' '), data.pairBuckets, normalize)) pairBucket(n).catch(() => undefined);
      simplifyFor(input.value)?.catch(() => undefined);
    }
    clearTimeout(timer);
    timer = setTimeout(() => void search(input.value), TYPING_PAUSE);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void search(input.value);
  });

  filterList.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !current) return;
    const key = box.dataset.facet as FacetKey;
    const set = (selection[key] ??= new Set());
    if (box.checked) set.add(box.value);
    else set.delete(box.value);
    show();
  });

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const clear = target?.closest('[data-clear-filters]');
    if (clear && current) {
      for (const { key } of FACETS) selection[key]?.clear();
      show();
      input.focus();
      return;
    }
    if (target?.closest('[data-continue]') && current) {
      const outcome = current;
      setState('loading', outcome.query);
      void continueSearch(source, outcome, undefined, false).then(
        () => {
          if (outcome !== current) return;
          show();
          setState('done', outcome.query);
        },
        (error: unknown) => {
          // A page that could not be read: say so, as a failed search does, instead of staying busy.
          if (outcome !== current) return;
          console.error(error);
          status.textContent = m.continueError;
          setState('error', outcome.query);
        },
      );
      return;
    }
    const link = target?.closest<HTMLAnchorElement>('a[data-query]');
    if (link && results.contains(link)) {
      event.preventDefault();
      input.value = link.dataset.query ?? '';
      input.focus();
      void search(input.value);
    }
  });

  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void search(initial);
  }
}
