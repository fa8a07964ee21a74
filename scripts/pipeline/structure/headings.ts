/**
 * Heading numbering of official documents: `第一章` › `第一节` › `一、` › `（一）` › `1.` › `（1）`, and decimal
 * numbering (`1.1`, `2.3.1`) whose depth is its level. Levels are fixed by style; a document with chapters puts
 * `一、` at level 3, one without starts with `一、` at level 1, so that the anchors of an ordinary plan (`s2-1-3`) do
 * not depend on what else the document contains.
 */
import { parseChineseNumeral } from '../lexicon/numerals.ts';
import { insertRepair, type Piece } from '../piece.ts';
import { foldWidth } from '../../../src/lib/width.ts';

const NUM_CN = '[一二三四五六七八九十]{1,3}';

export type HeadingStyle = 'chapter' | 'section' | 'cn' | 'paren-cn' | 'arabic' | 'paren-arabic' | 'decimal';

interface StylePattern {
  style: HeadingStyle;
  re: RegExp;
  parse: (m: RegExpExecArray) => number;
}
const STYLES: StylePattern[] = [
  // `第一部分` divides a plan the way `第一章` does (the two do not occur together).
  // A space may stand inside a number (`第 一 章`, `一 、`, `（ 一 ）`: spaced out for justification, or a no-break space).
  { style: 'chapter', re: new RegExp(`^第\\s?(${NUM_CN})\\s?(?:章|部分)`, 'u'), parse: (m) => parseChineseNumeral(m[1]!) },
  { style: 'section', re: new RegExp(`^第\\s?(${NUM_CN})\\s?节`, 'u'), parse: (m) => parseChineseNumeral(m[1]!) },
  // `一、`, and `一．`/`一.` as some portals print it (never before a digit: `一.5倍` is not a heading).
  { style: 'cn', re: new RegExp(`^(${NUM_CN})\\s?(?:、|[.．](?!\\d))`, 'u'), parse: (m) => parseChineseNumeral(m[1]!) },
  { style: 'paren-cn', re: new RegExp(`^[（(]\\s?(${NUM_CN})\\s?[）)]`, 'u'), parse: (m) => parseChineseNumeral(m[1]!) },
  { style: 'arabic', re: /^(\d{1,2})[.．、]/u, parse: (m) => Number(m[1]) },
  { style: 'paren-arabic', re: /^[（(](\d{1,2})[）)]/u, parse: (m) => Number(m[1]) },
];
const ORDER: HeadingStyle[] = STYLES.map((s) => s.style);

/** Levels of the styles in a document: with chapters `第一章` is 1 and `一、` is 3; without, `一、` is 1. */
export function levelsFor(hasChapters: boolean): (style: HeadingStyle) => number {
  return (style) => (hasChapters ? ORDER.indexOf(style) + 1 : Math.max(1, ORDER.indexOf(style) - 1));
}

/** Does the text use chapter numbering (`第一章`) anywhere at the start of a line? */
export function usesChapters(texts: string[]): boolean {
  return texts.some((t) => STYLES[0]!.re.test(t) && t.replace(STYLES[0]!.re, '').trim() !== '');
}

/**
 * `1.1 取得的成效`, `2.3.1 …`: decimal numbering, which some plans use under `一、` or `第一章`. Its leading numbers
 * repeat the ordinals of the open headings above it (`2.1` only under the second top-level heading), its last is its
 * own, and its depth is its level (`1.1` level 2, `1.1.1` level 3). Read only where the numbers agree with the
 * outline, and never before a unit (`1.5倍`, `2.8%`), so that a sentence opening with a value is no heading.
 */
const DECIMAL = /^(\d{1,2})[.．](\d{1,2})(?:[.．](\d{1,2}))?(?![\d.．%％‰])\s*/u;
const UNIT_AFTER = /^[万亿千百十倍个家项元年月日人次件台套所座条款名位余多亩吨米度]/u;

function matchDecimal(text: string, piece: Piece, numbering: Numbering): HeadingMatch | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length);
  if (rest.trim() === '' || UNIT_AFTER.test(rest) || /^[\d０-９]/u.test(rest)) return null;
  const parts = [m[1], m[2], m[3]].filter((x) => x !== undefined).map(Number);
  const level = parts.length;
  const ordinal = parts.at(-1)!;
  if (parts.slice(0, -1).some((n, i) => numbering.path[i] !== n) || ordinal !== numbering.expected(level)) return null;
  return { style: 'decimal', level, ordinal, numberLength: m[0].trimEnd().length, piece };
}

/** `(三发展目标`: a `（一）`-style number whose closing bracket was lost. */
const BROKEN_PAREN_CN = new RegExp(`^([（(])(${NUM_CN})(?![一二三四五六七八九十）)])`, 'u');

export interface HeadingMatch {
  style: HeadingStyle;
  level: number;
  ordinal: number;
  /** Length of the numbering in the (possibly repaired) piece. */
  numberLength: number;
  piece: Piece;
}

/** Numbering context: the ordinal path of open headings, index = level - 1 (0 = level skipped). */
export class Numbering {
  path: number[] = [];
  readonly level: (style: HeadingStyle) => number;
  constructor(level: (style: HeadingStyle) => number = levelsFor(false)) {
    this.level = level;
  }
  /** The ordinal a heading of `level` would have next under the current parent. */
  expected(level: number): number {
    return this.path.length >= level ? (this.path[level - 1] ?? 0) + 1 : 1;
  }
  open(level: number, ordinal: number): number[] {
    this.path = this.path.slice(0, level - 1);
    while (this.path.length < level - 1) this.path.push(0);
    this.path.push(ordinal);
    return [...this.path];
  }
}

/** The numbered heading `piece` opens, if any; a damaged `（一）` number is recovered as a repair. */
export function matchHeading(piece: Piece, numbering: Numbering): HeadingMatch | null {
  // Width-folded (`１．`, `（１）`: full-width digits; one code point for one, so lengths are the source's).
  const text = foldWidth(piece.text);
  const decimal = matchDecimal(text, piece, numbering);
  if (decimal) return decimal;
  for (const p of STYLES) {
    const m = p.re.exec(text);
    if (!m) continue;
    const ordinal = p.parse(m);
    const rest = text.slice(m[0].length);
    if (rest.trim() === '') return null;
    const level = numbering.level(p.style);
    // A digit after `1.` makes a decimal (`1.5倍`, `2.8%`), unless a year follows the number expected here
    // (`1.2035年远景目标`: item 1, its title run on).
    if (p.style === 'arabic' && /^\d/u.test(rest) && !(/^(?:19|20)\d\d年/u.test(rest) && ordinal === numbering.expected(level))) continue;
    return { style: p.style, level, ordinal, numberLength: m[0].length, piece };
  }
  const broken = BROKEN_PAREN_CN.exec(piece.text);
  if (broken) {
    const ordinal = parseChineseNumeral(broken[2]!);
    const level = numbering.level('paren-cn');
    if (ordinal === numbering.expected(level) && numbering.path.length >= level - 1 && numbering.path.length >= 1) {
      const close = broken[1] === '(' ? ')' : '）';
      const repaired = insertRepair(piece, 0, `${broken[0]}${close}`, broken[0], {
        zh: `原文标题编号“${broken[0]}”缺右括号，据上下文补为“${broken[0]}${close}”`,
        en: `The heading number “${broken[0]}” lacks its closing bracket in the source; completed as “${broken[0]}${close}” from the context`,
      });
      return { style: 'paren-cn', level, ordinal, numberLength: broken[0].length + 1, piece: repaired };
    }
  }
  return null;
}

/** Length of the heading number `text` starts with (folded as `startsWithNumber` reads it), or 0. */
export function headingNumberLength(text: string): number {
  const folded = foldWidth(text);
  for (const p of STYLES) {
    const m = p.re.exec(folded);
    if (m && folded.slice(m[0].length).trim() !== '') return m[0].length;
  }
  return 0;
}

/** Does the line start with any heading number (for tables of contents and front-matter probes)? */
export function startsWithNumber(text: string): boolean {
  return headingNumberLength(text) > 0;
}
