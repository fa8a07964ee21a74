/**
 * HTML written by our own functions (the plan's text, src/lib/plan-body-html.ts; the endnote placeholders,
 * src/lib/endnotes.ts), escaped as Astro escapes what its components write, so that a page is the same whichever
 * drew it: `escapeHTML` for text (`& < > ' "`), `&` and `"` in attribute values.
 */

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text as Astro escapes an expression's value. */
export function escapeText(s: string): string {
  return s.replace(/[&<>'"]/gu, (c) => TEXT_ESCAPES[c]!);
}

/** An attribute as Astro writes one: nothing for a missing value, the bare name for an empty one, else `name="value"`. */
export function attr(name: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  if (s === '') return ` ${name}`;
  return ` ${name}="${s.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;')}"`;
}

/** Words in their languages as HTML inside an English element: each Chinese part marked `lang="zh-CN"`, all escaped. */
export function wordsHtml(words: readonly { text: string; lang: string }[]): string {
  return words.map((w) => (w.lang === 'en' ? escapeText(w.text) : `<span lang="zh-CN">${escapeText(w.text)}</span>`)).join('');
}
