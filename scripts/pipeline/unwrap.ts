/**
 * Stage 4c: lines broken at a fixed width → one line per paragraph. A text copied out of a PDF or a Word page keeps
 * the printed page's line breaks: every line of a paragraph filled to the same width (28 characters a line in the
 * official format), the break falling mid-sentence, mid-word (`高价值发` / `明专利`), wherever the margin was. Read
 * line by line, each piece would be a paragraph of its own, a target's phrase cut in two and a search phrase never
 * found. A scraped web page breaks only between paragraphs, so its lines are of every width.
 *
 * A text is read as broken at a fixed width when most of its lines that stop mid-sentence (no `。；：！？` at the end,
 * and no heading, box or annex after them) share one width, within a character and a half: the width of the page's
 * line. Each such full line is then joined to the next one, unless that one starts a heading, a list item, a box or an
 * annex, or is a table row; where the text indents the first line of its paragraphs, an indented line starts a new
 * paragraph and an unindented line after a full one continues it, whatever punctuation ends the full line. A page
 * number between the two (removed as portal furniture, `－ 2 －`) does not stop the paragraph; a blank line does.
 *
 * Nothing is dropped: the joined line keeps where each source line begins (`breaks`), so the blocks list every line
 * they were read from and repairs keep their own line; the plan's source view shows the lines as printed.
 */
import type { LineBreak, WorkLine } from './corrections.ts';
import { LEADING_SPACE } from './lines.ts';
import { ARTICLE } from './structure/body.ts';
import { startsWithNumber } from './structure/headings.ts';

/** What the joining did to a text, for the plan's source notes. */
export interface LineWrap {
  /** The printed line's width in characters (a half-width character counts half). */
  width: number;
  /** Line breaks removed inside paragraphs. */
  joins: number;
}

/** Width in half-width units: CJK characters, full-width forms and CJK punctuation (`—`, `“`) 2, ASCII and
 * half-width forms 1, a tab 4. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x09) w += 4;
    else w += c < 0x1100 || (c >= 0xff61 && c <= 0xff9f) ? 1 : 2;
  }
  return w;
}

/** A sentence ends the line (quotes and brackets may follow its mark), or a note of who is responsible does. */
const CLOSED = /(?:[。！？!?；;：:…]|[（(][^（）()]*(?:单位|部门)[：:][^（）()]*[）)])[”’"'）)】」』]*$/u;
/** Lines that start something of their own: a box, an annex, a circled item (an article, a heading: below). */
const OWN_START = /^(专栏|附\s*件|附\s*表|[①-⑳])/u;
/** `2.8%，…`: a decimal at the start of a line is the rest of a sentence, not an item numbered `2.`. */
const DECIMAL = /^[0-9０-９]{1,2}[.．][0-9０-９]/u;
/**
 * Table rows and leader lines of a table of contents are laid out, not wrapped. One ideographic space is no layout:
 * official writing puts one after an article's or a chapter's number (`第一条　为…`).
 */
const LAID_OUT = /\t|[|｜]|\S {2,}\S|\S\u3000{2,}\S|\.{4,}|…{2,}|·{4,}/u;
/**
 * What a line may not begin with and so carries over from the line before: a run of Latin letters and digits
 * (`2.8%`), or one character, with the closing marks after it (`心，`); a line stops short of the margin by that much.
 */
const FIRST_UNIT = /^(?:[A-Za-z0-9０-９.．%％‰+\-－/]+|.)[，。、；：！？”’）》」』】,.;:!?)]*/u;
/** A paragraph's first line is indented two characters, which a copy out of a PDF loses. */
const INDENT = 4;
/** Justification and a hanging mark: how far a full line may fall short of the margin, or pass it. */
const SLACK = 2;
/** The band of widths a printed line's width is read from: it allows for the indent, a carried unit and slack. */
const BAND = 8;
/** The narrowest printed line read as a page's (20 characters); narrower lines are a list's, not a page's. */
const MIN_WIDTH = 40;

const indentOf = (raw: string) => displayWidth(LEADING_SPACE.exec(raw)?.[0] ?? '');
/** The line's printed width: its indentation and its text (repaired: markup a scrape left in was never printed). */
const widthOf = (line: WorkLine) => indentOf(line.raw) + displayWidth(line.text);
const lastLineOf = (line: WorkLine) => line.breaks?.at(-1)?.line ?? line.n;

const startsOwn = (text: string) => (startsWithNumber(text) && !DECIMAL.test(text)) || OWN_START.test(text) || ARTICLE.test(text);

/**
 * `lines`: the body's non-blank lines after chrome removal and repairs; `removed`: the source lines taken out as
 * chrome (a page number between two lines of a paragraph is one). Returns the lines with each paragraph's lines
 * joined, and what was done, or `wrap: null` (and the lines as given) for a text not broken at a fixed width.
 */
export function unwrapLines(lines: WorkLine[], removed: ReadonlySet<number>): { lines: WorkLine[]; wrap: LineWrap | null } {
  // The gap between two kept lines is a page break (the paragraph runs on) when a removed line is in it, a new
  // paragraph when it holds only blank lines.
  const follows = (a: WorkLine, b: WorkLine) => {
    const from = lastLineOf(a) + 1;
    if (b.n === from) return true;
    for (let n = from; n < b.n; n++) if (removed.has(n)) return true;
    return false;
  };
  const laidOut = (l: WorkLine) => LAID_OUT.test(l.raw.trim());
  const candidate = (i: number) => {
    const l = lines[i]!;
    const next = lines[i + 1];
    // A heading alone on its line (`一、指导思想`, no sentence after it) says nothing of the page's width.
    const bareHeading = startsWithNumber(l.text) && !DECIMAL.test(l.text) && !/[，。；,;]/u.test(l.text);
    return next !== undefined && follows(l, next) && !CLOSED.test(l.text) && !laidOut(l) && !bareHeading && !startsOwn(next.text) && !laidOut(next);
  };
  const widths: number[] = [];
  for (let i = 0; i < lines.length; i++) if (candidate(i)) widths.push(widthOf(lines[i]!));
  const width = printedWidth(widths, lines.filter((l) => !laidOut(l)).map(widthOf));
  if (width === null) return { lines, wrap: null };
  /** `line` reaches the margin: the next line's first unit would not have fitted after it. */
  const full = (line: WorkLine, next: WorkLine) => {
    const w = widthOf(line);
    return w <= width + SLACK && w + INDENT + displayWidth(FIRST_UNIT.exec(next.text)?.[0] ?? '') + SLACK >= width;
  };

  // Indentation marks paragraphs when the lines after a sentence's end are mostly indented and the lines after a
  // full line that stops mid-sentence mostly not (a copy that kept the page's indents).
  let afterClosed = 0;
  let afterClosedIndented = 0;
  let afterOpen = 0;
  let afterOpenIndented = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const [line, next] = [lines[i]!, lines[i + 1]!];
    const indented = indentOf(next.raw) >= 2;
    if (CLOSED.test(line.text)) {
      afterClosed++;
      if (indented) afterClosedIndented++;
    } else if (full(line, next)) {
      afterOpen++;
      if (indented) afterOpenIndented++;
    }
  }
  const indentsParagraphs = afterClosed > 0 && afterClosedIndented / afterClosed >= 0.6 && afterOpenIndented / Math.max(1, afterOpen) <= 0.2;

  const out: WorkLine[] = [];
  let joins = 0;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    // `last`: the source line the joined line ends with, whose width says whether the paragraph runs on.
    let last = line;
    while (i + 1 < lines.length) {
      const next = lines[i + 1]!;
      if (!follows(line, next) || !full(last, next) || laidOut(last) || laidOut(next) || startsOwn(next.text)) break;
      const runsOn = indentsParagraphs ? indentOf(next.raw) < 2 : !CLOSED.test(line.text);
      if (!runsOn) break;
      line = joinLines(line, next);
      last = next;
      joins++;
      i++;
    }
    out.push(line);
  }
  return joins === 0 ? { lines, wrap: null } : { lines: out, wrap: { width: width / 2, joins } };
}

/**
 * The printed line's width, from the widths of the lines that stop mid-sentence: the width most of them reach
 * (within `BAND` below it), or `null` when fewer than three, or fewer than 60 %, do, or when more than a tenth of
 * all lines are wider (a web page's paragraphs: a line per paragraph, of every width).
 */
function printedWidth(widths: number[], all: number[]): number | null {
  let best: { width: number; count: number } | null = null;
  for (const w of new Set(widths)) {
    const band = widths.filter((x) => x >= w - BAND && x <= w);
    // The band's widest line is the margin (`w` may sit below it).
    if (!best || band.length > best.count) best = { width: Math.max(...band), count: band.length };
  }
  if (!best || best.width < MIN_WIDTH || best.count < 3 || best.count / widths.length < 0.6) return null;
  if (all.filter((w) => w > best!.width + SLACK).length > all.length / 10) return null;
  return best.width;
}

/** One line of `a` and `b`: texts run on (a space only between two Latin letters), repairs and breaks kept. */
function joinLines(a: WorkLine, b: WorkLine): WorkLine {
  const sep = /[A-Za-z]$/u.test(a.text) && /^[A-Za-z]/u.test(b.text) ? ' ' : '';
  const at = a.text.length + sep.length;
  const breaks: LineBreak[] = [...(a.breaks ?? []), { at, line: b.n }, ...(b.breaks ?? []).map((k) => ({ ...k, at: k.at + at }))];
  return {
    n: a.n,
    raw: `${a.raw}\n${b.raw}`,
    text: a.text + sep + b.text,
    repairs: [...a.repairs.map((r) => ({ ...r, line: r.line ?? a.n })), ...b.repairs.map((r) => ({ ...r, line: r.line ?? b.n, start: r.start + at, end: r.end + at }))],
    breaks,
  };
}
