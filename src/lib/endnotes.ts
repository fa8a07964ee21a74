/**
 * Printed endnotes. On paper a link is only as good as the address it names, and an address inside a sentence
 * breaks the text, so the links whose target matters leave a placeholder (`endnotePlaceholder`) and the plan page
 * numbers them here, at build time, in the order of the rendered HTML: the numbers follow the page exactly, with
 * no script. Pure: tested in endnotes.test.ts.
 */

import { attr } from './html.ts';

/** One entry of the printed 注释. */
export interface Endnote {
  number: number;
  /** What the link leads to (《cited document》, a glossary term, the source text). */
  label: string;
  /** Absolute URL. */
  url: string;
}

/**
 * The placeholder of a link: an empty `<sup>` carrying where it leads (absolute, under the configured `site`) and
 * what the note names, hidden on screen (the link itself is there), not source text, not indexed (`data-ui`).
 * `continued`: a later piece of a link cut around a repair (the mark moves to the last piece).
 */
export function endnotePlaceholder(href: string, label: string, continued: string | undefined, site: URL | undefined): string {
  return `<sup class="endnote-ref"${attr('data-endnote', new URL(href, site).href)}${attr('data-endnote-label', label)}${attr('data-endnote-continued', continued ? '' : undefined)} data-ui></sup>`;
}

/** A placeholder as `endnotePlaceholder` writes it. */
const PLACEHOLDER = /<sup\s[^>]*\bdata-endnote="[^"]*"[^>]*><\/sup>/gu;
const ATTRIBUTE = /([\w-]+)(?:="([^"]*)")?/gu;

/** Attribute values as Astro escapes them, back to text (the list re-escapes them when it renders). */
function unescape(value: string): string {
  return value.replace(/&(?:#(\d+)|#x([\da-f]+)|(amp|quot|lt|gt|apos));/giu, (_, dec: string, hex: string, name: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" }[name.toLowerCase() as 'amp']!;
  });
}

interface Placeholder {
  start: number;
  end: number;
  url: string;
  label: string;
  /** Set on the later pieces of a link cut around a repair. */
  continued: boolean;
}

/**
 * Numbers the placeholders of `html` and lists the notes. A target keeps the number of its first mention, so a
 * term linked in every section has one note. A link cut around a repair is marked once, after its last piece
 * (after the closing 》 of a title, not in the middle of it).
 */
export function numberEndnotes(html: string): { html: string; notes: Endnote[] } {
  const found: Placeholder[] = [...html.matchAll(PLACEHOLDER)].map((m) => {
    const attrs = new Map([...m[0].slice(4, -7).matchAll(ATTRIBUTE)].map((a) => [a[1]!, unescape(a[2] ?? '')]));
    return { start: m.index, end: m.index + m[0].length, url: attrs.get('data-endnote')!, label: attrs.get('data-endnote-label') ?? '', continued: attrs.has('data-endnote-continued') };
  });
  const numbers = new Map<string, number>();
  const notes: Endnote[] = [];
  let out = '';
  let at = 0;
  found.forEach((p, i) => {
    out += html.slice(at, p.start);
    at = p.end;
    const next = found[i + 1];
    if (next?.continued && next.url === p.url) return;
    let number = numbers.get(p.url);
    if (number === undefined) {
      number = notes.length + 1;
      numbers.set(p.url, number);
      notes.push({ number, label: p.label, url: p.url });
    }
    // A word joiner keeps the number on the line of the word it follows (a line may otherwise break after 》).
    out += `<sup class="endnote-ref" data-ui>\u2060${number}</sup>`;
  });
  return { html: out + html.slice(at), notes };
}
