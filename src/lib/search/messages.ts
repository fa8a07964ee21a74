/**
 * The words the search page's script writes (status, counts, filters, help when nothing is found). The script has
 * none of its own: the page embeds them in its edition's language (`searchScript` in src/lib/i18n/ui.ts, written
 * into the page's JSON), so the Chinese and the English search pages run the same script. Templates name their
 * values `{name}`; `fill` cuts a template into parts without the DOM, so that it is unit-tested.
 */
import type { EnglishNameKind } from './english-names.ts';

/** What the page embeds for the script: `dataLang` marks the data's Chinese on a page in another language. */
export interface SearchMessages {
  /** `lang` for the data's own words (plan titles, excerpts, filter values, the query) when the page is not Chinese; `null` on the Chinese page. */
  dataLang: string | null;
  searching: string;
  error: string;
  continueError: string;
  /** `{query}`, `{title}`: the page's title after a search. */
  pageTitle: string;
  filters: string;
  /** `{n}` filters chosen. */
  filtersChosen: string;
  /** The status line: `{query}`. */
  none: string;
  /** `{total}`, `{filtered}`. */
  partial: string;
  /** `{total}`, `{places}`, `{filtered}`, `{pending}`. */
  found: string;
  /** `{shown}`: how many plans the filters keep. */
  filtered: string;
  /** `{n}` plans not yet checked. */
  pending: string;
  /** `{n}` plans not yet checked, and more may be found (the query's other forms are not searched yet). */
  pendingAtLeast: string;
  /** `{n}` further matches of a plan. */
  moreHits: string;
  /** `{count}` matches in `{blocks}` paragraphs or headings. */
  hitCount: string;
  /** `{list}` of synonyms searched too. */
  synonymsUsed: string;
  /** `{list}`: the query typed in traditional characters, in simplified ones (searched too). */
  simplifiedUsed: string;
  partialNote: string;
  noneFiltered: string;
  clearFilters: string;
  /** `{n}` plans left to check. */
  continueSearch: string;
  /** At least `{n}` plans left to check (the query's other forms are searched too). */
  continueSearchAtLeast: string;
  helpPartial: string;
  helpNone: string;
  /** `{list}` of other forms searched. */
  helpAlternatives: string;
  /** `{ex1}`… links to example searches, `{full1}`… their full forms. */
  helpExamples: string;
  helpSpelling: string;
  /** `{n1}`, `{n2}`: numbers as the texts write them. */
  helpNumbers: string;
  /** `{browse}`: the link to all plans. */
  helpBrowse: string;
  browse: string;
  /** The separator of a list of the data's words (synonyms, plans). */
  listSeparator: string;
  /** Where a match is. */
  places: { title: string; meta: string; table: string; paragraph: string; bodyParagraph: string; under: string };
  /** `{n}` results of a filter value. */
  facetCount: string;
  facets: { region: string; level: string; kind: string; period: string };
  /**
   * On the English page: the Chinese terms offered for an English query (src/lib/search/english-names.ts). `intro`
   * names `{query}`, `introSome` too when no English name holds all its words, `introPinyin` when the terms were found
   * by their pinyin; each entry's kind in words; the words
   * said beside an English name that is the editors' own.
   */
  english?: { intro: string; introSome: string; introPinyin: string; kinds: Record<EnglishNameKind, string>; editors: string };
}

/** A part of a filled template: the template's own words, or a value (`name`) put in its place. */
export type Filled<V> = { text: string } | { name: string; value: V };

/** `fill('找到 {total} 份', { total: 3 })` → `[{ text: '找到 ' }, { name: 'total', value: 3 }, { text: ' 份' }]`; an unknown name stays as written. */
export function fill<V>(template: string, values: Record<string, V>): Filled<V>[] {
  const out: Filled<V>[] = [];
  let at = 0;
  for (const m of template.matchAll(/\{(\w+)\}/gu)) {
    const name = m[1]!;
    if (!(name in values)) continue;
    if (m.index > at) out.push({ text: template.slice(at, m.index) });
    out.push({ name, value: values[name]! });
    at = m.index + m[0].length;
  }
  if (at < template.length) out.push({ text: template.slice(at) });
  return out;
}

/** A template with every value written as text. */
export function fillText(template: string, values: Record<string, string | number>): string {
  return fill(template, values)
    .map((p) => ('text' in p ? p.text : String(p.value)))
    .join('');
}
