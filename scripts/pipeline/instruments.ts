/**
 * Policy instruments: the sentences of a plan that name an instrument of `content/instruments.yaml` (创新券,
 * 科技特派员, 孵化器, 风险补偿 …), so that pages can show which plans use which instruments and quote the sentence.
 *
 * **Sentence**: a run of a block's text (or of a table cell, head or caption) ending with `。`, `；`, `！` or `？`
 * (full- or half-width), or at the end of the text. The semicolon ends a sentence here because plans chain whole
 * tasks with it; a passage shorter than the paragraph is what a reader wants quoted.
 *
 * **Matching**: on the simplified, half-width matching form of each sentence (`toMatchForm`, so a text printed in
 * traditional characters is read too), leftmost-longest over the forms of all instruments (`findForms`: a form
 * inside a longer form of another instrument does not count, nor one inside its `notIn` words); then each
 * instrument's `patterns`, where they do not overlap a form already found. One mention per instrument and
 * sentence, with every form that named it, as written.
 *
 * **Line**: the first source line of the block that holds the sentence's opening characters (table cells stand on
 * lines of their own); the block's first line when none does (a sentence spread over several lines).
 */
import type { Block, InstrumentMention } from '../../src/schemas/plan.ts';
import { InstrumentsSchema, type Instrument } from '../../src/schemas/instruments.ts';
import { parseYamlWithFriendlyErrors } from '../../src/schemas/friendly-errors.ts';
import { simplify, toMatchForm } from './lexicon/fold.ts';
import { findForms, type Form } from './terms.ts';

/** Read and validate `content/instruments.yaml`. */
export function parseInstruments(yamlText: string, file: string): Instrument[] {
  return parseYamlWithFriendlyErrors(InstrumentsSchema, yamlText, file);
}

/** A sentence of a text: its offsets and text, verbatim. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

const SENTENCE_END = /[。；！？;!?]/u;

/** The sentences of `text` (see the module comment); blank runs are dropped, edge whitespace trimmed. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  const push = (end: number) => {
    let s = from;
    let e = end;
    while (s < e && /\s/u.test(text[s]!)) s++;
    while (e > s && /\s/u.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    from = end;
  };
  for (let i = 0; i < text.length; i++) if (SENTENCE_END.test(text[i]!)) push(i + 1);
  push(text.length);
  return out;
}

/** An instrument named in a text: which, and the words that named it, as written. */
export interface InstrumentHit {
  instrumentId: string;
  forms: string[];
}

/** Matchers for a registry, built once per plan. */
export interface InstrumentMatcher {
  forms: Form[];
  patterns: { id: string; re: RegExp }[];
}

export function instrumentMatcher(instruments: readonly Instrument[]): InstrumentMatcher {
  return {
    forms: instruments.flatMap((r) => r.forms.map((f) => ({ form: simplify(f), id: r.id, notIn: r.notIn.map(simplify) }))),
    patterns: instruments.flatMap((r) => r.patterns.map((p) => ({ id: r.id, re: new RegExp(p, 'gu') }))),
  };
}

/** The instruments a sentence names, in order of first mention (see the module comment). */
export function findInstruments(sentence: string, matcher: InstrumentMatcher): InstrumentHit[] {
  const form = toMatchForm(sentence);
  const found = findForms(form.text, matcher.forms).map((m) => ({ id: m.id, start: m.start, end: m.end }));
  for (const { id, re } of matcher.patterns) {
    for (const m of form.text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end > start && !found.some((f) => f.start < end && start < f.end)) found.push({ id, start, end });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const hits = new Map<string, string[]>();
  for (const f of found) {
    const written = sentence.slice(form.toSource(f.start), form.toSourceEnd(f.end));
    hits.set(f.id, [...(hits.get(f.id) ?? []), written]);
  }
  return [...hits].map(([instrumentId, forms]) => ({ instrumentId, forms }));
}

type Cell = InstrumentMention['cell'];

/** The texts of a block, in reading order: its own text, or a table's caption, head cells and body cells. */
function blockTexts(block: Block): { text: string; cell: Cell }[] {
  if (block.kind !== 'table') return [{ text: block.text, cell: null }];
  const cells = (part: 'head' | 'rows') => block[part].flatMap((row, r) => row.map((c, col) => ({ text: c.text, cell: { part, row: r, col } })));
  return [...(block.caption ? [{ text: block.caption.text, cell: { part: 'caption' as const, row: 0, col: 0 } }] : []), ...cells('head'), ...cells('rows')];
}

/** The opening of a sentence, as lines are searched for it: a few characters, folded, without whitespace. */
const probe = (s: string) => simplify(s).replace(/\s+/gu, '').slice(0, 8);

/**
 * Every sentence of every block that names an instrument, one mention per instrument and sentence, in reading
 * order. `sourceLines` maps a 1-based line number to its text (for the line of a sentence; see the module comment).
 */
export function findInstrumentMentions(blocks: readonly Block[], instruments: readonly Instrument[], sourceLines: ReadonlyMap<number, string>): InstrumentMention[] {
  const matcher = instrumentMatcher(instruments);
  const out: InstrumentMention[] = [];
  // Each source line folded once: the blocks of a line whose paragraphs ran together (scripts/pipeline/run-in.ts) all
  // name that one long line, and folding it per block made such a text's time grow with its square.
  const foldedLines = new Map<number, string>();
  const foldedLine = (n: number) => {
    let text = foldedLines.get(n);
    if (text === undefined) foldedLines.set(n, (text = simplify(sourceLines.get(n) ?? '').replace(/\s+/gu, '')));
    return text;
  };
  for (const block of blocks) {
    const folded = block.lines.map((n) => ({ n, text: foldedLine(n) }));
    for (const { text, cell } of blockTexts(block)) {
      for (const sentence of splitSentences(text)) {
        const hits = findInstruments(sentence.text, matcher);
        if (hits.length === 0) continue;
        const opening = probe(sentence.text);
        const line = folded.find((l) => opening && l.text.includes(opening))?.n ?? block.lines[0]!;
        for (const h of hits) out.push({ instrumentId: h.instrumentId, blockId: block.id, cell, line, sentence: sentence.text, forms: h.forms });
      }
    }
  }
  return out;
}
