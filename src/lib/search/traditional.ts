/**
 * A query typed in traditional characters (a reader in Taiwan, Hong Kong or abroad) finds the plans, which are printed
 * in simplified characters: its simplified form is searched as one of its variants (expand.ts), like a synonym, and
 * said as such on the page. (A plan printed in traditional characters is searched through its simplified form too:
 * records.ts.) The table is the pipeline's own folding (scripts/pipeline/lexicon/fold.ts `traditionalForms`: some
 * 3,600 characters, 15 KB gzip), fetched only for a query that holds one of them: the page embeds which characters
 * those are, one bit per ideograph (≈ 1.7 KB brotli). Browser and build alike: no Node API.
 */

/** Character `i` of `traditional` folds to character `i` of `simplified` (one UTF-16 unit each). */
export interface TraditionalTable {
  traditional: string;
  simplified: string;
}

/** The ideographs the bits cover: U+3400 (Extension A) up to the end of the compatibility ideographs. */
const FIRST = 0x3400;
const END = 0xfb00;

/** Which characters are traditional, as base64 of one bit per ideograph of U+3400–U+FAFF (for the page to embed). */
export function traditionalBits(traditional: string): string {
  const bits = new Uint8Array((END - FIRST) / 8);
  for (let i = 0; i < traditional.length; i++) {
    const c = traditional.charCodeAt(i) - FIRST;
    if (c < 0 || c >= END - FIRST) throw new Error(`traditionalBits: U+${(c + FIRST).toString(16).toUpperCase()} is outside U+3400–U+FAFF`);
    bits[c >> 3]! |= 1 << (c & 7);
  }
  let binary = '';
  for (const b of bits) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The bits `traditionalBits` wrote. */
export function decodeTraditionalBits(base64: string): Uint8Array {
  const binary = atob(base64);
  const bits = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bits[i] = binary.charCodeAt(i);
  return bits;
}

/** Does `text` hold a character the table folds (and so need the table)? */
export function holdsTraditional(text: string, bits: Uint8Array): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - FIRST;
    if (c >= 0 && c < END - FIRST && ((bits[c >> 3] ?? 0) >> (c & 7)) & 1) return true;
  }
  return false;
}

/** Text with each traditional character of the table in its simplified form; every other character as it was. */
export function simplifier(table: TraditionalTable): (text: string) => string {
  const map = new Map<string, string>();
  for (let i = 0; i < table.traditional.length; i++) map.set(table.traditional[i]!, table.simplified[i]!);
  return (text) => {
    let out = '';
    for (const ch of text) out += map.get(ch) ?? ch;
    return out;
  };
}
