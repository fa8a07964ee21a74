/**
 * Text normalisation for literal (substring) matching of Chinese queries against plan text.
 *
 * Why not Pagefind's tokens: Pagefind segments the page text at index time and the query in the browser with
 * `Intl.Segmenter`, and the two disagree (高新技术企业 is indexed as 高|新技|术|企业, the query becomes
 * 高|新|技术|企业), so a quoted Pagefind query misses pages that contain the exact words. Matching the query as
 * a substring of the page text never depends on segmentation. Normalising both sides first makes the forms the
 * scraped texts mix compare equal: full- and half-width characters, quoted and unquoted names (“瞪羚”企业 ·
 * 瞪羚企业), enumeration commas and dashes that scraping kept or dropped (碳达峰、碳中和 · 2020—2022 · 20202022),
 * brackets around qualifiers (科技领军(培育)企业 · 科技领军培育企业) and Latin case (r&d · R&D).
 */
import { halfWidth } from '../width.ts';

/**
 * Characters that never decide a match: white space (Pagefind's zero-width word separator too), quotation
 * marks and book-title marks, the enumeration comma, middle dots, dashes and brackets.
 */
const IGNORED = /[\s\u200b\u200c\u200d\ufeff\u3000“”‘’"'「」『』《》〈〉«»、·•・\-‐‑‒–—―－~～()（）[\]［］【】〔〕〖〗{}｛｝]/u;

/** One character, folded: width (the build's rule, src/lib/width.ts), then lower case; `''` when it is ignored. */
function foldChar(ch: string): string {
  return IGNORED.test(ch) ? '' : halfWidth(ch).toLowerCase();
}

/** The normalised form of `text`. */
export function normalize(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** Normalised text and, for each of its UTF-16 code units, the source range of the character it came from. */
export interface NormalizedText {
  text: string;
  /** `start[i]`, `end[i]`: offsets in the source string of the character normalised code unit `i` came from. */
  start: Int32Array;
  end: Int32Array;
}

/** Normalise `text` and keep the way back to the source offsets (for highlighting and anchors). */
export function normalizeWithOffsets(text: string): NormalizedText {
  const starts: number[] = [];
  const ends: number[] = [];
  let out = '';
  let at = 0;
  for (const ch of text) {
    const folded = foldChar(ch);
    for (let i = 0; i < folded.length; i++) {
      starts.push(at);
      ends.push(at + ch.length);
    }
    out += folded;
    at += ch.length;
  }
  return { text: out, start: Int32Array.from(starts), end: Int32Array.from(ends) };
}
