/**
 * English words to the Chinese terms of the plans, for the English search page. The plans are Chinese, so a search
 * for `high-tech enterprises` finds nothing in them; the registries name their entries in English, and the page
 * offers the Chinese terms of the entries whose English names hold the reader's words (高新技术企业, linked to a
 * search for it, beside the entry it comes from). Nothing is searched until the reader picks a term.
 *
 * Built from the registries at build time (`englishNames`), embedded in the English search page only, matched in the
 * browser (`matchEnglish`): small pure functions, tested beside this file.
 */

/** What kind of registry entry an English name belongs to, in the order the matches are listed. */
export const ENGLISH_NAME_KINDS = ['term', 'indicator', 'instrument', 'department', 'region'] as const;
export type EnglishNameKind = (typeof ENGLISH_NAME_KINDS)[number];

/** One English name of the registries and the Chinese terms to search for. */
export interface EnglishName {
  /** The registry's English name. */
  en: string;
  /** The Chinese forms to search for, as the plans write them. */
  zh: string[];
  kind: EnglishNameKind;
  /** The entry's page in the English edition. */
  href: string;
  /** Whether the English name is the editors' translation (said beside it, as on the entry's page). */
  editors: boolean;
  /**
   * The Chinese forms and the other forms the texts write, each with its toneless pinyin, letters only
   * (`denglingqiye`, `gaoqi` for 高企): a reader who knows a term's sound finds it, and is offered the form it spells.
   * Pairs rather than objects: the English search page carries them all.
   */
  sounds: [form: string, pinyin: string][];
}

/** An entry of a registry with an English name (glossary, indicators, instruments, departments). */
export interface NamedEntry {
  id: string;
  /** The Chinese name as the plans write it. */
  zh: string;
  nameEn: string;
  nameEnSource: string;
  /** Other forms the texts write (`高企` for 高新技术企业): their pinyin finds the entry too. */
  aliases?: readonly string[];
}

/** The registries' entries with English names, as `englishNames` takes them. */
export function namedEntries(r: {
  glossary: readonly { id: string; term: string; nameEn: string; nameEnSource: string; aliases?: readonly string[] }[];
  indicators: readonly { id: string; name: string; nameEn: string; nameEnSource: string; aliases?: readonly string[] }[];
  instruments: readonly { id: string; name: string; nameEn: string; nameEnSource: string }[];
  departments: readonly { id: string; name: string; nameEn: string; nameEnSource: string }[];
}): Record<Exclude<EnglishNameKind, 'region'>, NamedEntry[]> {
  const named = (e: { id: string; name: string; nameEn: string; nameEnSource: string; aliases?: readonly string[] }) => ({ id: e.id, zh: e.name, nameEn: e.nameEn, nameEnSource: e.nameEnSource, aliases: e.aliases ?? [] });
  return {
    term: r.glossary.map((t) => named({ ...t, name: t.term })),
    indicator: r.indicators.map(named),
    instrument: r.instruments.map(named),
    department: r.departments.map(named),
  };
}

/**
 * The regions of the plans (each plan's and those above it) whose English name a source gives (content/regions.yaml:
 * never made up), searched for by their Chinese names as GB/T 2260 writes them (北辰区, 天津市).
 */
export function regionEntries(regions: readonly { id: string; name: string }[], overlay: readonly { id: string; nameEn?: string | undefined; source: string }[]): NamedEntry[] {
  const seen = new Set<string>();
  const out: NamedEntry[] = [];
  for (const r of regions) {
    const o = overlay.find((e) => e.id === r.id);
    if (seen.has(r.id) || !o?.nameEn) continue;
    seen.add(r.id);
    out.push({ id: r.id, zh: r.name, nameEn: o.nameEn, nameEnSource: o.source });
  }
  return out;
}

/** Words a name or a query may hold that say nothing of what is named. */
const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'in', 'on', 'to', 'by', 'with', 'its', 'number']);

/** A word as it is compared: plurals as the singular (`enterprises`, `technologies`, `businesses`). */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('sses')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The words of an English text that name something: lower case, `R&D` and `S&T` kept whole, stop words left out. */
export function englishWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^a-z0-9&]+/u)
    .map((w) => w.replace(/^&+|&+$/gu, ''))
    .filter((w) => w !== '' && !STOP_WORDS.has(w))
    .map(stem);
}

/**
 * The English names of the registries' entries, one per English name and kind (departments of several regions share
 * one English name: their Chinese names are listed together, the entry page being the list of departments).
 */
export function englishNames(
  entries: Record<EnglishNameKind, readonly NamedEntry[]>,
  page: (kind: EnglishNameKind, id: string | null) => string,
  /** A Chinese text in toneless pinyin (the page passes pinyin-pro's reading). */
  pinyinOf: (zh: string) => string = () => '',
): EnglishName[] {
  const out: EnglishName[] = [];
  for (const kind of ENGLISH_NAME_KINDS) {
    const byName = new Map<string, { zh: string[]; ids: string[]; editors: boolean; sounds: string[] }>();
    for (const e of entries[kind]) {
      const named = byName.get(e.nameEn) ?? { zh: [], ids: [], editors: false, sounds: [] };
      if (!named.zh.includes(e.zh)) named.zh.push(e.zh);
      named.sounds.push(e.zh, ...(e.aliases ?? []));
      named.ids.push(e.id);
      named.editors ||= e.nameEnSource === 'editors';
      byName.set(e.nameEn, named);
    }
    for (const [en, { zh, ids, editors, sounds }] of byName) {
      const heard = [...new Set(sounds)].map((form): [string, string] => [form, pinyinLetters(pinyinOf(form))]).filter(([, pinyin]) => pinyin !== '');
      out.push({ en, zh, kind, href: page(kind, ids.length === 1 ? ids[0]! : null), editors, sounds: heard });
    }
  }
  return out;
}

/** Pinyin as it is compared: lower-case letters only (`Dèng líng` and `deng-ling` are both `dengling`; ü is v or u). */
export function pinyinLetters(text: string): string {
  return text.normalize('NFD').toLowerCase().replace(/ü|u\u0308/gu, 'v').replace(/[^a-z]/gu, '');
}

/** Whether the query is one the English names can answer: letters of the Latin alphabet, no Chinese. */
export function isEnglishQuery(query: string): boolean {
  return /[A-Za-z]/u.test(query) && !/\p{Script=Han}/u.test(query);
}

/** How many matches are offered at most. */
export const ENGLISH_MATCHES = 6;

/** What an English query found: the names offered, and whether each holds every word of the query. */
export interface EnglishMatch {
  names: EnglishName[];
  /** `false` when no name holds all the words and the names offered hold some of them (`gazelle tax`). */
  complete: boolean;
  /** `pinyin` when the names were found by the sound of their Chinese (`dengling qiye`), not by their English. */
  by?: 'pinyin';
}

/** Of two equally close names, the one listed first: by kind, then as the registries list them. */
const listed = (a: { name: EnglishName; order: number }, b: { name: EnglishName; order: number }) =>
  ENGLISH_NAME_KINDS.indexOf(a.name.kind) - ENGLISH_NAME_KINDS.indexOf(b.name.kind) || a.order - b.order;

/** The fewest letters of pinyin a query must have to be looked for in the terms' pinyin (`keji` is 科技). */
const PINYIN_LETTERS = 4;

/**
 * The names that hold every word of an English query (a word of three letters or more may be the start of one:
 * `incubat` finds `incubator`), the closest first: fewest words of the name left unmatched, then by kind, then as
 * the registries list them. When no name holds them all, the names whose Chinese sounds as the query spells it
 * (pinyin: `chuangxinquan` is 创新券); failing that (a query of several concepts, `gazelle tax`, `R&D intensity
 * Tianjin`), each word's closest names in turn (those holding more of the words first), so every word that names
 * something is answered.
 */
export function matchEnglish(query: string, names: readonly EnglishName[], limit = ENGLISH_MATCHES): EnglishMatch {
  const english = isEnglishQuery(query);
  const wanted = english ? [...new Set(englishWords(query))] : [];
  const scored = names.map((name, order) => {
    const words = englishWords(name.en);
    const used = new Set<number>();
    // Which of the query's words the name holds, each word of the name answering one of the query's.
    const held = wanted.filter((q) => {
      let i = words.findIndex((w, j) => !used.has(j) && w === q);
      if (i < 0 && q.length >= 3) i = words.findIndex((w, j) => !used.has(j) && w.startsWith(q));
      if (i >= 0) used.add(i);
      return i >= 0;
    });
    return { name, held, extra: words.length - used.size, order };
  });
  const closest = (a: (typeof scored)[number], b: (typeof scored)[number]) => a.extra - b.extra || listed(a, b);
  const every = scored.filter((s) => wanted.length > 0 && s.held.length === wanted.length).sort(closest);
  if (every.length > 0) return { names: every.slice(0, limit).map((s) => s.name), complete: true };
  // No English name holds the words: the query may be a term's pinyin (`chuangxinquan`, `dengling qiye`). Offered:
  // the forms that sound so (创新券 for the glossary's 科技创新券, whose other form it is), the closest first: the
  // pinyin that is the query itself, then the shortest that holds it.
  const sound = english ? pinyinLetters(query) : '';
  if (sound.length >= PINYIN_LETTERS) {
    const heard = names
      .map((name, order) => {
        const forms = name.sounds.filter(([, pinyin]) => pinyin.includes(sound)).sort((a, b) => a[1].length - b[1].length);
        return { name: { ...name, zh: [...new Set(forms.map(([form]) => form))] }, order, length: forms[0]?.[1].length ?? Infinity };
      })
      .filter((h) => Number.isFinite(h.length))
      .sort((a, b) => a.length - b.length || listed(a, b));
    if (heard.length > 0) return { names: heard.slice(0, limit).map((h) => h.name), complete: true, by: 'pinyin' };
  }
  const byWord = wanted.map((q) => scored.filter((s) => s.held.includes(q)).sort((a, b) => b.held.length - a.held.length || closest(a, b)));
  const out: EnglishName[] = [];
  for (let rank = 0; out.length < limit && byWord.some((list) => rank < list.length); rank++) {
    for (const list of byWord) {
      const name = list[rank]?.name;
      if (name && !out.includes(name) && out.length < limit) out.push(name);
    }
  }
  return { names: out, complete: false };
}
