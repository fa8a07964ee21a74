/**
 * The `notIn` rule, one implementation for the build (glossary terms, instruments) and the browser (search
 * synonyms): a form does not match where it stands inside one of its `notIn` words (高企 inside 提高企业).
 * Both sides compare texts already folded the same way, so this compares code units.
 */

/** A place where a match must be rejected: the text at `offset` from the match's start is `word`. */
export interface Exclusion {
  offset: number;
  word: string;
}

/** The exclusions of `form`: for each `notIn` word, one per place the form stands in it. */
export function exclusionsOf(form: string, notIn: readonly string[]): Exclusion[] {
  const out: Exclusion[] = [];
  if (form === '') return out;
  for (const word of notIn) {
    for (let at = word.indexOf(form); at >= 0; at = word.indexOf(form, at + 1)) out.push({ offset: -at, word });
  }
  return out;
}

/** Whether a match starting at `start` in `text` stands inside one of the words `exclusions` name. */
export function isExcluded(text: string, start: number, exclusions: readonly Exclusion[]): boolean {
  return exclusions.some((x) => start + x.offset >= 0 && text.startsWith(x.word, start + x.offset));
}
