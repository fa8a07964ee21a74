/** The source view: each seed line with its fate in the page (removed, repaired, where it is shown). */
import type { PlanDocument, RemovedLine, Repair } from '../schemas/plan.ts';
import { attr, escapeText, wordsHtml } from './html.ts';
import { chineseRuns } from './i18n/english.ts';
import { zh } from './i18n/ui.ts';

export interface SourceViewLine {
  n: number;
  status: 'body' | 'removed' | 'blank';
  /**
   * The line as in the source, cut where repairs are and where a block of the text after its first starts inside it
   * (`start`: a heading and its first sentence, or paragraphs that ran together; the first block is `blockId`).
   */
  segments: { text: string; repair: Repair | null; start?: string }[];
  /** Why the line is not in the body. */
  note: string | null;
  /** The same, in parts: a web page's element (`chrome`), a printed page's (`print`) or a metadata line, the rule's
   *  label (Chinese, as content/chrome.yaml writes it) and its name (English, for the English page). */
  removal: { kind: RemovedLine['kind']; label: string; rule: string } | null;
  /** Block that shows the line, for a link back into the page. */
  blockId: string | null;
}

/** What kind of line was left out, in the reader's words (`网页元素：`, `printed page: `). */
const removedKind = (words: Pick<SourceLineWords, 'removedChrome' | 'removedPrint' | 'removedMeta'>, kind: RemovedLine['kind']) =>
  ({ chrome: words.removedChrome, print: words.removedPrint, metadata: words.removedMeta })[kind];

/** The words a block starts with, as the source prints them (whitespace aside), or `null` for a table. */
function blockOpening(b: PlanDocument['blocks'][number]): string | null {
  const text = b.kind === 'heading' ? `${b.number}${b.title}` : b.kind === 'table' ? null : b.text;
  return text === null ? null : text.replace(/\s+/gu, '').slice(0, 6) || null;
}

/**
 * Where in `raw` each block after the first that starts on the line starts (a heading and its first sentence,
 * paragraphs that ran together): the block's opening words looked for in order, whitespace aside. A block whose opening a repair changed is not found
 * and gets no mark; the line still leads to its first block.
 */
function blockStarts(raw: string, blocks: readonly PlanDocument['blocks'][number][]): { column: number; blockId: string }[] {
  // The line without whitespace, and where each of its code units is in the line.
  const columns: number[] = [];
  let squashed = '';
  let offset = 0;
  for (const c of raw) {
    if (!/\s/u.test(c)) {
      for (let u = 0; u < c.length; u++) columns.push(offset + u);
      squashed += c;
    }
    offset += c.length;
  }
  const found: { column: number; blockId: string }[] = [];
  let from = 0;
  for (const [k, b] of blocks.entries()) {
    const opening = blockOpening(b);
    const at = opening ? squashed.indexOf(opening, from) : -1;
    if (at === -1) continue;
    if (k > 0) found.push({ column: columns[at]!, blockId: b.id });
    from = at + opening!.length;
  }
  return found;
}

export function sourceLines(text: string, doc: PlanDocument): SourceViewLine[] {
  const removed = new Map(doc.removed.map((r) => [r.line, r]));
  const blockOf = new Map<number, string>();
  const startingOn = new Map<number, PlanDocument['blocks'][number][]>();
  for (const b of doc.blocks) {
    for (const l of b.lines) if (!blockOf.has(l)) blockOf.set(l, b.id);
    const first = b.lines[0];
    if (first === undefined) continue;
    const starting = startingOn.get(first);
    if (starting) starting.push(b);
    else startingOn.set(first, [b]);
  }
  const repairs = new Map<number, Repair[]>();
  for (const r of doc.repairs) repairs.set(r.line, [...(repairs.get(r.line) ?? []), r]);
  return text
    .replace(/^\ufeff/u, '')
    .split(/\r\n|\r|\n/u)
    .slice(0, doc.source.lineCount)
    .map((raw, i) => {
      const n = i + 1;
      const gone = removed.get(n);
      if (gone) return { n, status: 'removed' as const, segments: [{ text: raw, repair: null }], note: `${removedKind(zh.source, gone.kind)}${gone.label}`, removal: { kind: gone.kind, label: gone.label, rule: gone.rule }, blockId: null };
      if (raw.trim() === '') return { n, status: 'blank' as const, segments: [], note: null, removal: null, blockId: null };
      // Repair columns count from the trimmed line.
      const lead = raw.length - raw.trimStart().length;
      const segments: SourceViewLine['segments'] = [];
      let at = 0;
      for (const r of [...(repairs.get(n) ?? [])].filter((r) => r.original !== '').sort((a, b) => a.column - b.column)) {
        const start = lead + r.column;
        if (start < at) continue;
        if (start > at) segments.push({ text: raw.slice(at, start), repair: null });
        segments.push({ text: raw.slice(start, start + r.original.length), repair: r });
        at = start + r.original.length;
      }
      if (at < raw.length) segments.push({ text: raw.slice(at), repair: null });
      const starts = (startingOn.get(n)?.length ?? 0) > 1 ? blockStarts(raw, startingOn.get(n)!) : [];
      return { n, status: 'body' as const, segments: starts.length > 0 ? cutAt(segments, starts) : segments, note: null, removal: null, blockId: blockOf.get(n) ?? null };
    });
}

/** `segments` cut where the blocks start (never inside a repaired passage: a start there goes before it). */
function cutAt(segments: SourceViewLine['segments'], starts: readonly { column: number; blockId: string }[]): SourceViewLine['segments'] {
  const out: SourceViewLine['segments'] = [];
  let offset = 0;
  let k = 0;
  for (const g of segments) {
    const end = offset + g.text.length;
    let from = 0;
    while (k < starts.length && starts[k]!.column < end) {
      const cut = g.repair ? 0 : Math.max(0, starts[k]!.column - offset);
      if (cut > from) out.push({ text: g.text.slice(from, cut), repair: null });
      out.push({ text: '', repair: null, start: starts[k]!.blockId });
      from = Math.max(from, cut);
      k++;
    }
    if (from < g.text.length || g.repair) out.push(from === 0 ? g : { text: g.text.slice(from), repair: g.repair });
    offset = end;
  }
  return out;
}

/** The words the source view's lines need, in the reader's edition (`ui(locale).source`). */
export interface SourceLineWords {
  lineLabel: (n: number) => string;
  /** A repair's title (shown on hover). None on the English page: an attribute cannot mark the Chinese in an English
   *  sentence; the passage links to the plan page's Repairs instead, which say how and why, each part in its language. */
  repairTitle: ((replacement: string, reason: string) => string) | null;
  removedChrome: string;
  removedPrint: string;
  removedMeta: string;
  bodyLink: string;
  /** The name of the mark where the text starts a new block inside a line (`¶`). */
  blockStart: string;
}

/**
 * The lines as the page's list items, written by one function rather than an Astro element per line: a plan's source
 * is hundreds of lines, each four or five elements, and the components were the page's cost (as with the plan text,
 * src/lib/plan-body-html.ts). Escaped as Astro escapes (src/lib/html.ts): the same bytes as the template wrote.
 * On the English page (`english`) the Chinese is marked `lang="zh-CN"`; `blockHref` links a line to its block, and a repaired passage to
 * its repair's entry.
 */
export function sourceLinesHtml(lines: readonly SourceViewLine[], words: SourceLineWords, english: boolean, blockHref: (blockId: string) => string): string {
  return lines
    .map((l) => {
      // A repaired passage links to its entry in the plan's repairs (校勘记, Repairs), which says how and why; on the
      // Chinese page it also shows its reading on hover (a phone has no hover).
      const repaired = (r: Repair, s: string) => `<a${attr('href', blockHref(`note-${r.id}`))}><mark${attr('title', words.repairTitle?.(r.replacement, r.reason))}>${escapeText(s)}</mark></a>`;
      // Inside the line's Chinese, its English name marked English on the English page.
      const start = (id: string) => `<a class="block-start"${attr('href', blockHref(id))}${attr('aria-label', words.blockStart)}${attr('lang', english ? 'en' : undefined)}>¶</a>`;
      const text = l.segments.map((g) => (g.start ? start(g.start) : g.repair ? repaired(g.repair, g.text) : escapeText(g.text))).join('');
      // English words after the line's Chinese are spaced from it (read aloud or copied, not run together).
      const space = english ? ' ' : '';
      // Why the line left: the rule's Chinese label, or on the English page its English name (a field's label in it marked).
      const why = (r: NonNullable<SourceViewLine['removal']>) => (english ? wordsHtml(chineseRuns(r.rule)) : escapeText(r.label));
      const note = l.removal ? `${space}<span class="line-note">${escapeText(removedKind(words, l.removal.kind))}${why(l.removal)}</span>` : '';
      const block = l.blockId ? `${space}<a class="line-block"${attr('href', blockHref(l.blockId))}>${escapeText(words.bodyLink)}</a>` : '';
      return (
        `<li${attr('id', `L${l.n}`)}${attr('class', l.status)}><a class="line-no"${attr('href', `#L${l.n}`)}${attr('aria-label', words.lineLabel(l.n))}>${l.n}</a>` +
        `<span class="line-text"${attr('lang', english ? 'zh-CN' : undefined)}>${text}</span>${note}${block}</li>`
      );
    })
    .join('');
}
