import { simplify } from './fold.ts';

/** A trailing note in brackets (`（试行）`, `（征求意见稿）`, `（2021—2025年）`) does not change what a title names. */
export const withoutTrailingNote = (title: string): string => title.replace(/[(（][^（()）]*[)）]$/u, '');

/**
 * Index of the first text one of the patterns (JavaScript regular expressions of the registries) matches, or -1.
 * Patterns are tested on the simplified text (traditional characters folded) and on it without a trailing note, so
 * `解读$` matches `…解讀` and `…解读（图文）`.
 */
export function firstMatching(patterns: readonly string[], texts: readonly string[]): number {
  const regexps = patterns.map(compiled);
  return texts.findIndex((t) => {
    const forms = [simplify(t), simplify(withoutTrailingNote(t))];
    return regexps.some((r) => forms.some((f) => r.test(f)));
  });
}

/**
 * Each registry pattern compiled once: the site labels every document of every list through `firstMatching`
 * (`kindLabel`), tens of thousands of calls in a build of a large library. The patterns are few (the registries').
 */
const compiledPatterns = new Map<string, RegExp>();
function compiled(pattern: string): RegExp {
  let r = compiledPatterns.get(pattern);
  if (!r) compiledPatterns.set(pattern, (r = new RegExp(pattern, 'u')));
  return r;
}
