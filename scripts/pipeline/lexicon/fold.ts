/**
 * The one matching form of a text: what every lexicon rule and every search runs on. Folding
 * (a) drops converter damage, the tone-marked pinyin a web converter put after characters (`發(fā)展` → `發展`),
 * (b) converts traditional to simplified characters (OpenCC, `t` → `cn`, character for character, cached),
 * (c) folds full-width ASCII to half-width (`（２）：` → `(2):`) and NBSP / U+3000 to a plain space.
 * It keeps 〔〕【】“”、。 as they are. `toSource` maps an offset in the folded text back to the source, so a match
 * found on the folded text can be marked on the verbatim text.
 */
import OpenCC from 'opencc-js';
import { foldWidth, halfWidth } from '../../../src/lib/width.ts';

export { foldWidth };

/** Quotation marks texts put around names (`“雏鹰”企业`, `“小巨人”`), which matching a name or a level word ignores. */
export const QUOTE_MARKS = '“”"‘’「」';

export interface MatchForm {
  /** The folded text. */
  text: string;
  /** Source offset of the character at folded offset `i`; `toSource(text.length)` is the source length. */
  toSource(i: number): number;
  /** Source offset just after the character that ends before folded offset `i` (for exclusive match ends). */
  toSourceEnd(i: number): number;
}

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü';
const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
/**
 * Converter damage: a CJK character directly followed by `(` + 1–6 pinyin letters + `)`, with at least one
 * tone-marked vowel (so `(GDP)`, `(R&D)` or `(app)` are never taken). The page store sometimes broke the line inside
 * the brackets (`創(\nchuàng)`, `發(f\nā)`), so line breaks inside them are part of the damage.
 */
const PINYIN_DAMAGE = new RegExp(
  `(?<=[${CJK}])[(（](?=(?:[a-z${TONED}]|\\r?\\n)*[${TONED}])((?:[a-z${TONED}]|\\r?\\n){1,8})[)）]`,
  'gu',
);
const letterCount = (s: string) => s.replace(/\r?\n/gu, '').length;

type Convert = (s: string) => string;
let converter: Convert | null = null;
/** OpenCC traditional → mainland simplified, built on first use (building it takes a while). `t`, not `tw`: `tw`
 * also turns 著 into 着, which would change correct simplified text (显著). */
function t2s(): Convert {
  converter ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return converter;
}
const charCache = new Map<string, string>();
/** One code point, simplified; code points below the CJK blocks are never converted (nor looked up). */
function convertChar(ch: string): string {
  if (ch.charCodeAt(0) < 0x3400) return ch;
  let out = charCache.get(ch);
  if (out === undefined) {
    const c = t2s()(ch);
    out = [...c].length === 1 ? c : ch;
    charCache.set(ch, out);
  }
  return out;
}

export function toMatchForm(source: string): MatchForm {
  // (a) kept code points with their source offsets, damage dropped.
  const kept: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  const keep = (from: number, to: number) => {
    for (let j = from; j < to; ) {
      const cp = String.fromCodePoint(source.codePointAt(j)!);
      kept.push(cp);
      starts.push(j);
      ends.push(j + cp.length);
      j += cp.length;
    }
  };
  for (const d of findPinyinDamage(source)) {
    keep(i, d.index);
    i = d.index + d.text.length;
  }
  keep(i, source.length);

  // (b) traditional → simplified, character for character (so offsets always survive; a cache makes it cheap).
  const converted = kept.map(convertChar);

  // (c) half-width, and the offset maps per UTF-16 unit of the output.
  let text = '';
  const toSrc: number[] = [];
  const toSrcEnd: number[] = [];
  converted.forEach((cp, k) => {
    const out = halfWidth(cp);
    for (let u = 0; u < out.length; u++) {
      toSrc.push(starts[k]!);
      toSrcEnd.push(ends[k]!);
    }
    text += out;
  });
  return {
    text,
    toSource: (n) => (n <= 0 ? (toSrc[0] ?? 0) : n >= toSrc.length ? source.length : toSrc[n]!),
    toSourceEnd: (n) => (n <= 0 ? (toSrc[0] ?? 0) : n > toSrcEnd.length ? source.length : toSrcEnd[n - 1]!),
  };
}

/** The folded text alone: the same folding as `toMatchForm`, without the offset maps (the pipeline calls it per line). */
export function simplify(s: string): string {
  let out = '';
  for (const cp of dropDamage(s)) out += foldChar(cp);
  return out;
}

/** The converter damage in `s` (`(fā)` after 發), where it is and what it reads. */
export function findPinyinDamage(s: string): { index: number; text: string }[] {
  return [...s.matchAll(PINYIN_DAMAGE)].filter((m) => letterCount(m[1]!) <= 6).map((m) => ({ index: m.index, text: m[0] }));
}

/** Step (a) of `simplify`: the text without converter damage. */
export function dropDamage(s: string): string {
  let out = '';
  let i = 0;
  for (const d of findPinyinDamage(s)) {
    out += s.slice(i, d.index);
    i = d.index + d.text.length;
  }
  return out + s.slice(i);
}

/** Steps (b) and (c) of `simplify` for one code point (one code point out): `simplify` is `dropDamage`, then this per code point. */
export function foldChar(cp: string): string {
  return halfWidth(convertChar(cp));
}

/** The ideographs whose traditional forms {@link traditionalForms} looks at: CJK Extension A and the unified block, and the compatibility ideographs. */
const IDEOGRAPH_RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0xa000],
  [0xf900, 0xfb00],
];

/**
 * Every ideograph of the basic plane that this lexicon folds to another (traditional → mainland simplified, OpenCC
 * `t` → `cn`, one character each, as `toMatchForm` folds it), as two strings of equal length: character `i` of
 * `traditional` folds to character `i` of `simplified`. The search page folds a query typed in traditional
 * characters with it (src/lib/search/traditional.ts); the pipeline folds every text it reads the same way.
 */
export function traditionalForms(): { traditional: string; simplified: string } {
  let traditional = '';
  let simplified = '';
  for (const [from, to] of IDEOGRAPH_RANGES) {
    for (let cp = from; cp < to; cp++) {
      const ch = String.fromCharCode(cp);
      const out = convertChar(ch);
      if (out !== ch && out.length === 1) {
        traditional += ch;
        simplified += out;
      }
    }
  }
  return { traditional, simplified };
}

/** The folded text with all whitespace removed (for comparing titles, numbers and names). */
export function squash(s: string): string {
  return simplify(s).replace(/\s+/gu, '');
}

/**
 * The form in which titles are compared: folded (simplified, half-width, so one kind of bracket), without
 * whitespace, quotation marks or book-title marks (a portal headline has straight quotes, a notice names the plan
 * in 《》), one kind of square bracket (〔2021〕, [2021], 【2021】).
 */
export function titleKey(s: string): string {
  return simplify(s)
    .replace(/[\s"“”'‘’「」《》〈〉]/gu, '')
    .replace(/[〔【]/gu, '[')
    .replace(/[〕】]/gu, ']');
}
