/**
 * The uniqueness checks the registries share: ids unique, and no word (a form, keyword, title or alias) written
 * under two entries, each reported at the later entry with the earlier one named.
 */
import type { z } from 'astro/zod';

/** A word list of an entry: where it sits in the entry (`['forms']`, or one path per word) and its words. */
export interface WordsOf<T> {
  words: (entry: T) => readonly string[];
  /** Path of the word at `j` inside its entry. */
  path: (j: number) => (string | number)[];
  /** The issue's message for `word`, already written under `owner` (the earlier entry, as `owner` names it). */
  message: (word: string, owner: string) => string;
  /** How an earlier entry is named in the message. */
  owner: (entry: T, index: number) => string;
}

/** Adds an issue for each repeated id and each word an earlier entry already has. */
export function checkUnique<T extends { id: string }>(entries: readonly T[], ctx: z.RefinementCtx, words: WordsOf<T>): void {
  const ids = new Map<string, number>();
  const owners = new Map<string, string>();
  entries.forEach((e, i) => {
    if (ids.has(e.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id (also entry ${ids.get(e.id)})` });
    ids.set(e.id, i);
    words.words(e).forEach((w, j) => {
      const other = owners.get(w);
      if (other !== undefined) ctx.addIssue({ code: 'custom', path: [i, ...words.path(j)], message: words.message(w, other) });
      owners.set(w, words.owner(e, i));
    });
  });
}

/**
 * Adds an issue for each `notIn` word of an entry that holds none of its forms (or is one): such a word could never
 * keep a form from matching, so it is a mistake.
 */
export function checkNotIn<T>(entries: readonly T[], ctx: z.RefinementCtx, of: { forms: (entry: T) => readonly string[]; notIn: (entry: T) => readonly string[]; name: (entry: T) => string }): void {
  entries.forEach((e, i) => {
    const forms = of.forms(e);
    of.notIn(e).forEach((word, j) => {
      if (!forms.some((f) => word.includes(f) && word !== f)) ctx.addIssue({ code: 'custom', path: [i, 'notIn', j], message: `${word} contains no form of ${of.name(e)}, or is one` });
    });
  });
}
