/**
 * The one width rule of the build and the browser: full-width ASCII (U+FF01–U+FF5E, `（２）：`) becomes ASCII
 * (`(2):`), the ideographic space and the no-break space a plain space, one code point for one (so offsets survive).
 * The pipeline's matching form (scripts/pipeline/lexicon/fold.ts) and the search page's (src/lib/search/normalize.ts)
 * both fold with it, so a query and the text it was indexed from compare equal.
 */

/** One code point, width-folded. */
export function halfWidth(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCodePoint(code - 0xfee0);
  if (code === 0x3000 || code === 0xa0) return ' ';
  return ch;
}

/** A text, width-folded (nothing else changes). */
export function foldWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000\u00a0]/gu, halfWidth);
}
