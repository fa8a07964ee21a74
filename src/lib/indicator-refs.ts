/**
 * Indicators named in the registry's English notes (`comparabilityEn`, content/indicators.yaml): `{rd-intensity}`
 * stands for the indicator of that id. The notes once wrote bare ids (`compare regions through rd-intensity`), which
 * readers met as slugs; a page shows the indicator's English name linked to its page, a chart its name.
 */

/** A piece of a note: its own words, or an indicator it names. */
export type NotePart = { text: string } | { id: string; name: string };

const REFERENCE = /\{([a-z0-9]+(?:-[a-z0-9]+)*)\}/gu;

/** The note in pieces; `names` gives each indicator's English name by id. An id no indicator has is an error. */
export function noteParts(note: string, names: ReadonlyMap<string, string>): NotePart[] {
  const parts: NotePart[] = [];
  let at = 0;
  for (const m of note.matchAll(REFERENCE)) {
    const id = m[1]!;
    const name = names.get(id);
    if (name === undefined) throw new Error(`content/indicators.yaml: the note “${note}” names {${id}}, which is no indicator's id`);
    if (m.index > at) parts.push({ text: note.slice(at, m.index) });
    parts.push({ id, name });
    at = m.index + m[0].length;
  }
  if (at < note.length) parts.push({ text: note.slice(at) });
  return parts;
}

/** The note as plain text, each indicator it names by its English name (for a chart's notes). */
export function noteText(note: string, names: ReadonlyMap<string, string>): string {
  return noteParts(note, names)
    .map((p) => ('text' in p ? p.text : p.name))
    .join('');
}

/** The English names of the indicators by id, as `noteParts` takes them. */
export function englishNamesById(indicators: readonly { id: string; nameEn: string }[]): Map<string, string> {
  return new Map(indicators.map((i) => [i.id, i.nameEn]));
}
