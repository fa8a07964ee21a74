/**
 * Recognising indicator phrases in text. Each name and alias of `content/indicators.yaml` becomes a pattern that
 * ignores quotation marks (`雏鹰企业` matches `“雏鹰”企业`) and treats `()` and `（）` alike. A value is mapped to an
 * indicator only when their units are of the same kind, so `设立10亿元科技型中小企业…保证金` never counts enterprises.
 */
import type { Indicator } from '../../../src/schemas/indicator.ts';
import { levelAt } from '../lexicon/levels.ts';
import { QUOTE_MARKS as QUOTES } from '../lexicon/fold.ts';

/** A phrase of an indicator found in a text. */
export interface AliasMatch {
  indicatorId: string;
  start: number;
  end: number;
  /** The phrase as written, quotation marks included. */
  text: string;
  /** For an indicator counted by level (`levels` in the registry): the level word of the phrase or just before it. */
  level?: string;
}

export interface AliasMatcher {
  /** Every phrase in `text` whose indicator accepts values in `unit` (`''`: any). */
  find(text: string, unit: string): AliasMatch[];
  /** The phrase ending nearest to the end of `text` (the longest on a tie), or `null`. */
  last(text: string, unit: string): AliasMatch | null;
  /** Whether the registry counts the indicator by level (`levels`). */
  byLevel(indicatorId: string): boolean;
}

const BRACKETS: Record<string, string> = { '(': '[(（]', '（': '[(（]', ')': '[)）]', '）': '[)）]' };

/**
 * Spellings of one term that official texts use alike: 研发, R&D and its full name 研究与试验发展 (`R&D经费支出占地区生产总值
 * 比重` is the 研发经费支出占地区生产总值比重 of the registry), 规上 for 规模以上, and a share as 比重 or 比例, with or
 * without 的 (`占GDP的比例`).
 */
const SAME_TERM: { re: RegExp; pattern: (m: RegExpExecArray) => string }[] = [
  { re: /研发|R&D|研究与试验发展/uy, pattern: () => '(?:研发|[RＲ]\\s*[&＆]\\s*[DＤ]|研究与试验发展)' },
  { re: /规模以上|规上/uy, pattern: () => '(?:规模以上|规上)' },
  { re: /的?(?:比重|比例)/uy, pattern: () => '的?(?:比重|比例)' },
];
const escapeChar = (c: string) => BRACKETS[c] ?? c.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

function aliasPattern(alias: string): string {
  const chars = [...alias].filter((c) => !QUOTES.includes(c)).join('');
  const parts: string[] = [];
  for (let i = 0; i < chars.length; ) {
    const term = SAME_TERM.map(({ re, pattern }) => {
      re.lastIndex = i;
      const m = re.exec(chars);
      return m ? { length: m[0].length, pattern: pattern(m) } : null;
    }).find((t) => t !== null);
    const c = String.fromCodePoint(chars.codePointAt(i)!);
    parts.push(term ? term.pattern : escapeChar(c));
    i += term ? term.length : c.length;
  }
  // A quotation mark may stand before and after each part (`“雏鹰”企业`).
  const quote = `[${QUOTES}]?`;
  return quote + parts.join(quote) + quote;
}

/** Kinds of unit: a value is only ever mapped to an indicator whose unit is of the same kind. */
export function unitKind(unit: string): string {
  // No unit, or only a magnitude whose unit the text lost (`超过900亿` cut before 元): any indicator may take it.
  if (unit === '' || /^(?:万亿|万|亿)$/u.test(unit)) return 'any';
  if (/^(%|％|‰|个百分点)$/u.test(unit)) return 'percent';
  if (/元$/u.test(unit)) return 'money';
  if (/^(平方米|平方公里|公顷|亩)$/u.test(unit)) return 'area';
  if (unit === '分') return 'score';
  return 'count';
}

export function unitsCompatible(a: string, b: string): boolean {
  const [ka, kb] = [unitKind(a), unitKind(b)];
  return ka === 'any' || kb === 'any' || ka === kb;
}

export function compileAliases(indicators: Indicator[]): AliasMatcher {
  const patterns = indicators.flatMap((ind) =>
    [ind.name, ...ind.aliases].map((alias) => ({ indicatorId: ind.id, unit: ind.unit, re: new RegExp(aliasPattern(alias), 'gu') })),
  );
  const counted = new Set(indicators.filter((i) => i.levels !== undefined).map((i) => i.id));
  const find = (text: string, unit: string): AliasMatch[] => {
    const found: AliasMatch[] = [];
    for (const p of patterns) {
      if (!unitsCompatible(p.unit, unit)) continue;
      for (const m of text.matchAll(p.re)) {
        const [start, end] = [m.index, m.index + m[0].length];
        const level = counted.has(p.indicatorId) ? levelAt(text, start, end) : undefined;
        found.push({ indicatorId: p.indicatorId, start, end, text: m[0], ...(level ? { level } : {}) });
      }
    }
    return found;
  };
  return {
    find,
    byLevel: (id) => counted.has(id),
    last(text, unit) {
      const found = find(text, unit);
      found.sort((a, b) => b.end - a.end || b.end - b.start - (a.end - a.start));
      return found[0] ?? null;
    },
  };
}
