/**
 * Query expansion with the curated synonyms (`content/synonyms.yaml`): each term of a query becomes the list of
 * normalised strings to look for, and each string knows which longer words must not count as a match.
 * Expansion happens at query time, in the browser, because then a synonym match is a real passage with its own
 * anchor (a search for 高企 links to the paragraph that says 高新技术企业), which index-time keywords cannot give.
 */
import type { SynonymGroup } from '../../schemas/synonyms.ts';
import { normalize } from './normalize.ts';
import { exclusionsOf, type Exclusion } from '../not-in.ts';

export type { Exclusion };

/** A synonym group with its forms normalised (as embedded in the search page). */
export interface PreparedGroup {
  /** Normalised forms; the first is the display form. */
  forms: string[];
  /** The forms as written, for messages (`也检索了：高新技术企业`). */
  labels: string[];
  narrower: string[];
  narrowerLabels: string[];
  notIn: string[];
}

/** Normalise the groups once (at build time; the page embeds the result). */
export function prepareGroups(groups: readonly SynonymGroup[]): PreparedGroup[] {
  return groups.map((g) => ({
    forms: g.forms.map(normalize),
    labels: [...g.forms],
    narrower: g.narrower.map(normalize),
    narrowerLabels: [...g.narrower],
    notIn: g.notIn.map(normalize),
  }));
}


/** One string to look for. */
export interface Variant {
  /** Normalised text. */
  text: string;
  /** How it reads for people: the query term, or the term with a synonym substituted. */
  label: string;
  /** `true` for the term as typed, `false` for a synonym variant or its simplified form. */
  original: boolean;
  /** The term typed in traditional characters, in simplified ones (traditional.ts); not a synonym. */
  simplified?: true;
  /** Longer words a match must not sit inside (`提高企业` for `高企`). */
  exclusions: Exclusion[];
}

/** How many variants one term may expand to (the first ones found, breadth first: nearest synonyms first). */
export const MAX_VARIANTS = 12;

function replaceAll(text: string, from: string, to: string): string {
  return text.split(from).join(to);
}

function exclusionsFor(text: string, groups: readonly PreparedGroup[]): Exclusion[] {
  const out: Exclusion[] = [];
  for (const g of groups) {
    for (const word of g.notIn) {
      // Typing the longer word itself (提高企业) means exactly that word: nothing to exclude.
      if (text.includes(word)) continue;
      for (const form of g.forms) {
        const inWord = exclusionsOf(form, [word]);
        for (let at = text.indexOf(form); at >= 0 && inWord.length > 0; at = text.indexOf(form, at + 1)) {
          for (const x of inWord) out.push({ offset: at + x.offset, word });
        }
      }
    }
  }
  return out;
}

/**
 * The variants of one query term (normalised first): the term, then, for a term typed in traditional characters
 * (`simplify`, traditional.ts), its simplified form, then each form of every group they contain substituted by the
 * group's other forms and narrower terms, repeatedly, up to {@link MAX_VARIANTS}.
 */
export function expandTerm(term: string, groups: readonly PreparedGroup[], limit = MAX_VARIANTS, simplify?: (text: string) => string): Variant[] {
  const start = normalize(term);
  if (start === '') return [];
  const labels = new Map<string, string>([[start, term.trim()]]);
  const queue = [start];
  const simple = simplify ? normalize(simplify(term)) : start;
  if (simple !== start && simple !== '') {
    labels.set(simple, simplify!(term.trim()));
    queue.push(simple);
  }
  for (let i = 0; i < queue.length && queue.length < limit; i++) {
    const current = queue[i]!;
    for (const g of groups) {
      // A term that is (or contains) a word the group excludes is not about the group (河北大学 is not 北大).
      if (g.notIn.some((w) => current.includes(w))) continue;
      g.forms.forEach((form, f) => {
        if (!current.includes(form)) return;
        const targets = [...g.forms.map((to, t) => [to, g.labels[t]!] as const), ...g.narrower.map((to, t) => [to, g.narrowerLabels[t]!] as const)];
        for (const [to, label] of targets) {
          if (to === form || queue.length >= limit) continue;
          const next = replaceAll(current, form, to);
          if (labels.has(next)) continue;
          labels.set(next, replaceAll(labels.get(current)!, g.labels[f]!, label));
          queue.push(next);
        }
      });
    }
  }
  return queue.map((text, i) => ({ text, label: labels.get(text) ?? text, original: i === 0, ...(i > 0 && text === simple ? { simplified: true as const } : {}), exclusions: exclusionsFor(text, groups) }));
}

/** The terms of a query: split at white space (a reader separates words with spaces to require all of them). */
export function queryTerms(query: string): string[] {
  return query
    .split(/[\s\u3000]+/u)
    .map((t) => t.trim())
    .filter((t) => normalize(t) !== '');
}
