/**
 * Recognising indicator phrases in text. Each name and alias of `content/indicators.yaml` becomes a pattern that
 * ignores quotation marks (`雏鹰企业` matches `“雏鹰”企业`) and treats `()` and `（）` alike. A value is mapped to an
 * indicator only when their units are of the same kind, so `设立10亿元科技型中小企业…保证金` never counts enterprises.
 */
import type { Indicator } from '../../../src/schemas/indicator.ts';

/** A phrase of an indicator found in a text. */
export interface AliasMatch {
  indicatorId: string;
  start: number;
  end: number;
  /** The phrase as written, quotation marks included. */
  text: string;
}

export interface AliasMatcher {
  /** Every phrase in `text` whose indicator accepts values in `unit` (`''`: any). */
  find(text: string, unit: string): AliasMatch[];
  /** The phrase ending nearest to the end of `text` (the longest on a tie), or `null`. */
  last(text: string, unit: string): AliasMatch | null;
}

const QUOTES = '“”"‘’「」';
const BRACKETS: Record<string, string> = { '(': '[(（]', '（': '[(（]', ')': '[)）]', '）': '[)）]' };

function aliasPattern(alias: string): string {
  const chars = [...alias].filter((c) => !QUOTES.includes(c));
  const quote = `[${QUOTES}]?`;
  return quote + chars.map((c) => BRACKETS[c] ?? c.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join(quote) + quote;
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
  const find = (text: string, unit: string): AliasMatch[] => {
    const found: AliasMatch[] = [];
    for (const p of patterns) {
      if (!unitsCompatible(p.unit, unit)) continue;
      for (const m of text.matchAll(p.re)) found.push({ indicatorId: p.indicatorId, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
    return found;
  };
  return {
    find,
    last(text, unit) {
      const found = find(text, unit);
      found.sort((a, b) => b.end - a.end || b.end - b.start - (a.end - a.start));
      return found[0] ?? null;
    },
  };
}
