/**
 * Literal matching of query variants in normalised page text, with the two rules that keep substring matching
 * precise: a synonym's `notIn` words (高企 inside 提高企业 is not 高企), and number/Latin boundaries (530家 must
 * not match inside 1530家, 3.2% not inside 13.2%, AI not inside a Latin word).
 */
import type { Variant } from './expand.ts';
import { isExcluded } from '../not-in.ts';

/** A match in normalised text: `[start, end)`. */
export type Span = [number, number];

const ALNUM = /[0-9a-z]/u;

/** Whether the character before `start` may precede a match that begins with `first`. */
function boundaryBefore(text: string, start: number, first: string): boolean {
  if (!ALNUM.test(first) || start === 0) return true;
  const prev = text[start - 1]!;
  // A number continues through a decimal point: 3.2 must not match the "3.2" of 13.2 or the "2" of 3.2.
  return !ALNUM.test(prev) && !(prev === '.' && /[0-9]/u.test(first) && start >= 2 && /[0-9]/u.test(text[start - 2]!));
}

function boundaryAfter(text: string, end: number, last: string): boolean {
  if (!ALNUM.test(last) || end >= text.length) return true;
  const next = text[end]!;
  return !ALNUM.test(next) && !(next === '.' && /[0-9]/u.test(last) && /[0-9]/u.test(text[end + 1] ?? ''));
}

/** Every match of `variant` in `text` (both normalised), left to right, not overlapping. */
export function findAll(text: string, variant: Variant): Span[] {
  const needle = variant.text;
  const spans: Span[] = [];
  if (needle === '') return spans;
  const first = needle[0]!;
  const last = needle[needle.length - 1]!;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (!boundaryBefore(text, at, first) || !boundaryAfter(text, end, last)) continue;
    if (isExcluded(text, at, variant.exclusions)) continue;
    spans.push([at, end]);
    at = end - 1;
  }
  return spans;
}
