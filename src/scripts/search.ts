/**
 * The search page in the browser. Nothing of Pagefind (script, WebAssembly, index) is loaded until the reader
 * starts a search: types in the box, submits it, or arrives with `?q=`. Searches run as the reader types
 * (after a short pause) and on submit; the URL keeps the query (`?q=`) so a search can be shared or reloaded.
 *
 * For the measurements in tests/search/RESULTS.md a test may set `data-strategy` on the form to one of the
 * engine's `STRATEGIES`; readers always get `auto`.
 */
import { STRATEGIES, continueSearch, runSearch, warm } from '../lib/search/engine.ts';
import type { PagefindApi, SearchOutcome, StrategyName } from '../lib/search/engine.ts';
import { prepareGroups } from '../lib/search/expand.ts';
import type { SynonymGroup } from '../schemas/synonyms.ts';
import { FACETS } from '../lib/search/facets.ts';
import type { FacetKey, Selection } from '../lib/search/facets.ts';
import { renderFilters, renderResults, statusText } from '../lib/search/render.ts';

/** Pause after the last keystroke before searching (ms). */
const TYPING_PAUSE = 300;

interface Pagefind extends PagefindApi {
  options: (o: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

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
  const groups = prepareGroups(JSON.parse(document.querySelector('#search-synonyms')?.textContent ?? '[]') as SynonymGroup[]);
  const selection: Selection = {};
  const pageTitle = document.title;

  let pagefind: Promise<Pagefind> | null = null;
  let filterValues: Promise<Partial<Record<FacetKey, string[]>>> | null = null;
  let current: SearchOutcome | null = null;
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const strategy = () => STRATEGIES[(form.dataset.strategy as StrategyName | undefined) ?? 'auto'] ?? STRATEGIES.auto;

  /** Load Pagefind once, on first use, from this site's base path. */
  const loadPagefind = (): Promise<Pagefind> =>
    (pagefind ??= (async () => {
      const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
      // No worker: the index of a few dozen plans is searched in milliseconds, and the worker would cost one
      // more script download (43 KB) and a copy of every page text across threads (measured: RESULTS.md).
      await pf.options({ baseUrl: base, excerptLength: 0, noWorker: true });
      return pf;
    })().catch((error: unknown) => {
      pagefind = null; // let the next search try again
      throw error;
    }));

  /** All values of each filter, in Pagefind's order (read once). */
  const loadFilterValues = (pf: Pagefind) =>
    (filterValues ??= pf.filters().then(
      (all) => Object.fromEntries(FACETS.map(({ key }) => [key, Object.keys(all[key] ?? {})])),
      () => ({}),
    ));

  const setState = (state: 'idle' | 'loading' | 'done' | 'error', query: string) => {
    results.dataset.state = state;
    results.dataset.query = query;
    results.setAttribute('aria-busy', String(state === 'loading'));
  };

  const show = async () => {
    if (!current) return;
    const shown = renderResults(list, current, selection, urls);
    const pf = await loadPagefind();
    renderFilters(filterList, current, selection, await loadFilterValues(pf));
    filterBox.hidden = filterList.hidden;
    // Collapsed on a phone, the filters still say that some are applied.
    const chosen = FACETS.reduce((n, { key }) => n + (selection[key]?.size ?? 0), 0);
    filterToggle.textContent = chosen > 0 ? `筛选（已选 ${chosen} 项）` : '筛选';
    status.textContent = statusText(current, shown.length);
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
      if (mine === sequence) status.textContent = '正在搜索……';
    }, 500);
    try {
      const pf = await loadPagefind();
      const outcome = await runSearch(pf, query, groups, strategy());
      if (mine !== sequence) return; // a newer search started meanwhile
      clearTimeout(slow);
      current = outcome;
      document.title = `“${query}”的搜索结果 · ${pageTitle}`;
      await show();
      if (mine === sequence) setState('done', query);
    } catch (error) {
      clearTimeout(slow);
      if (mine !== sequence) return;
      console.error(error);
      list.replaceChildren();
      status.textContent = '搜索暂时无法使用，请稍后再试，或浏览全部规划。';
      setState('error', query);
    }
  };

  input.addEventListener('input', () => {
    // The reader has started: load Pagefind and (on a small site) the page texts while they type.
    if (!pagefind) void loadPagefind().then((pf) => warm(pf, strategy()), () => undefined);
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
    void show();
  });

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const clear = target?.closest('[data-clear-filters]');
    if (clear && current) {
      for (const { key } of FACETS) selection[key]?.clear();
      void show().then(() => input.focus());
      return;
    }
    if (target?.closest('[data-continue]') && current) {
      const outcome = current;
      setState('loading', outcome.query);
      void continueSearch(outcome, undefined, false).then(
        async () => {
          if (outcome !== current) return;
          await show();
          setState('done', outcome.query);
        },
        (error: unknown) => {
          // A page that could not be read: say so, as a failed search does, instead of staying busy.
          if (outcome !== current) return;
          console.error(error);
          status.textContent = '其余规划暂时无法检查，请稍后再试。已找到的结果仍在下方。';
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
