/**
 * Stage 4d: paragraphs run together on one line → a line each. A page scraped without its paragraphs' line breaks
 * (each `<p>`'s text joined to the next with a space, or with the paragraph's indent of two ideographic spaces) keeps
 * only that space where a paragraph ended: `…相关情况。 “十四五”时期，…`. Read as it is, the whole report is one
 * paragraph: a phone shows a wall of text, and a heading inside it (`…任务。 二、保障措施`) is no heading.
 *
 * A line is read as run together when whitespace stands between a sentence's end (`。！？`, with the closing quotes
 * after it) and the start of another sentence, in two places or more, or once as an indent (two ideographic spaces).
 * One space after a full stop, once, is a typing habit, not a paragraph. What follows must start a sentence: not a
 * bracket, which opens a note on the sentence before it (`。 （责任单位：区科技局）`) unless it is a heading's number
 * (`（一）`), nor punctuation. A paragraph that ends with a note (`…。（责任单位：区科技局）`) ends there too when a heading
 * follows. The line is cut there into lines of the same source line; the whitespace goes (the lossless check ignores
 * whitespace), nothing else.
 * In such a line a heading was a paragraph of its own too, with no full stop to end it: a numbered paragraph
 * (`一、总体要求 坚持创新驱动。`) ends at its first space when that comes within 40 characters and before any
 * sentence's end or colon.
 * A scrape that joined the paragraphs with nothing between them leaves less to go by: only a heading's number right
 * after a sentence's end (`joinedBreaks`). A portal may also print a notice's title and its document number on one
 * line (`…的通知 某政发〔2021〕5号`): two lines of the document, cut apart at the space (`noticeNumberBreak`).
 */
import type { WorkLine } from './corrections.ts';
import { slicePiece, wholeLine } from './piece.ts';
import { headingNumberLength, startsWithNumber } from './structure/headings.ts';
import { foldWidth } from '../../src/lib/width.ts';
import { docNumberApart } from './lexicon/docnumbers.ts';
import { simplify } from './lexicon/fold.ts';

/** A sentence's end, the whitespace after it, and (looked at, not taken) the first character of the next sentence. */
const RUN_IN = /[。！？!?][”’」』"']*([ \u00a0\u3000]+)(?=[^\s|｜，,。、；;：:！？!?）)】\]〕”’」』])/gu;
/** A note closing a paragraph (`（责任单位：区科技局）`) and the whitespace after it; a paragraph ends there when a heading follows. */
const NOTE_END = /[）)]([ \u00a0\u3000]+)(?=\S)/gu;
/** A bracket opens a note on the sentence before it (`（责任单位：…）`), unless it is a heading's number (`（一）`). */
const BRACKET = /^[（(【[〔]/u;
/** A paragraph's indent in the official format: two ideographic spaces. */
const INDENT = /\u3000\u3000/u;

/**
 * A heading's title run into the paragraph after it: the whitespace after a title of at most 40 characters with no
 * sentence's punctuation in it (a comma may stand in a title: `一、聚焦创新发展动力源,助力创新型城市建设新征程`).
 */
const AFTER_TITLE = /^[^。！？!?；;：:\s]{1,40}([ \u00a0\u3000]+)(?=\S)/u;

/** How far past a place its heading is read: a number (`（十二）`), a title of 40 characters and the space after it. */
const AHEAD = 64;

/** Where `text` runs one paragraph into the next: the offsets of the whitespace between them, start and end. */
export function runInBreaks(text: string): [number, number][] {
  const spaceOf = (m: RegExpExecArray): [number, number] => [m.index + m[0].length - m[1]!.length, m.index + m[0].length];
  // What follows a place, as far as a heading's number and title reach: reading the rest of the line at each place
  // made a long line's time grow with its square (a 500,000-character line: 1.3 s).
  const ahead = (at: number) => text.slice(at, at + AHEAD);
  const found = [
    ...[...text.matchAll(RUN_IN)].map(spaceOf).filter(([, end]) => !BRACKET.test(ahead(end)) || startsWithNumber(ahead(end))),
    ...[...text.matchAll(NOTE_END)].map(spaceOf).filter(([, end]) => startsWithNumber(ahead(end))),
  ].sort((a, b) => a[0] - b[0]);
  if (found.length < 2 && !found.some(([start, end]) => INDENT.test(text.slice(start, end)))) return [];
  // Each paragraph that starts with a heading's number: its title ends at the first space, and what follows may be
  // a heading again (`一、总体要求 （一）指导思想 坚持…`).
  const titles: [number, number][] = [];
  const starts = [0, ...found.map(([, end]) => end)];
  for (let start = starts.pop(); start !== undefined; start = starts.pop()) {
    const rest = ahead(start);
    const m = startsWithNumber(rest) ? AFTER_TITLE.exec(rest) : null;
    if (!m) continue;
    titles.push([start + m[0].length - m[1]!.length, start + m[0].length]);
    starts.push(start + m[0].length);
  }
  return [...found, ...titles].sort((a, b) => a[0] - b[0]);
}

/** A sentence's end, or a note's closing bracket before a number, with nothing after it: where a heading's number may follow directly. */
const JOINED = /[。！？!?；;][”’」』"']*|[）)](?=[（(]?[一二三四五六七八九十\d])/gu;
/** The most a heading's title is read as: no sentence's punctuation, no colon, no space. */
const TITLE_REACH = /^[^。！？!?；;：:\s]{1,40}/u;

/**
 * Does `text` start with a heading's number (`二、`, `（三）`, `4.`) followed by its title, not by a digit (`1.5倍`) unless
 * a year (`1.2035年远景目标`, as the outline reads it)?
 */
function opensHeading(text: string): boolean {
  const n = headingNumberLength(text);
  const rest = foldWidth(text.slice(n));
  return n > 0 && (!/^[\d%]/u.test(rest) || /^(?:19|20)\d\d年/u.test(rest));
}

/**
 * Words a plan's sentence opens with and a heading's title (a verb and its object: `强化企业创新主体地位`) does not
 * carry after its first words: where a title that runs on into its section's first sentence ends
 * (`（一）强化企业创新主体地位大力培育高新技术企业，…`). Not in a title's first four characters (`坚持创新驱动`).
 */
const SENTENCE_OPENING = /坚持|聚焦|围绕|大力|着力|牢固树立|按照|依托|以习近平/u;
const TITLE_MIN = 4;

/** Where `title` (a heading's words up to its first full stop) turns into a sentence, or 0. */
function sentenceOpening(title: string): number {
  const m = SENTENCE_OPENING.exec(title.slice(TITLE_MIN));
  return m ? TITLE_MIN + m.index : 0;
}

/** The length of the longest standard section's title `text` starts with that `fits`, or 0. */
const standardTitle = (text: string, sectionTitles: readonly string[], fits: (title: string) => boolean) =>
  Math.max(0, ...sectionTitles.filter((t) => text.startsWith(t) && fits(t)).map((t) => t.length));

/**
 * The length of a standard section's title that `text` starts with, when a heading's number follows it directly: a
 * heading whose number the source lost (`重点任务（一）强化…`, which the outline numbers from the `（一）` after it).
 */
const titleBeforeNumber = (text: string, sectionTitles: readonly string[]) => standardTitle(text, sectionTitles, (t) => opensHeading(text.slice(t.length)));

/**
 * Where `text` runs one paragraph into the next with nothing at all between them (a scrape that joined every `<p>`'s
 * text): zero-width places before a heading's number that directly follows a sentence's end or a note
 * (`…制定本方案。一、总体要求`), and before one that follows a heading's title (`一、总体要求（一）指导思想`: the title
 * ends where the next number starts). Read only where a sentence's end is followed so twice or more in the line.
 * A paragraph that starts without a number cannot be told from the sentence before it, and a title from the sentence
 * after it unless that opens with a word sentences open with (`SENTENCE_OPENING`: `…主体地位大力培育…`): both stay
 * joined (`（一）…建设推进实验室…`, a heading whose title runs on to the first full stop).
 */
export function joinedBreaks(text: string, sectionTitles: readonly string[] = []): [number, number][] {
  const ahead = (at: number) => text.slice(at, at + AHEAD);
  const found: number[] = [];
  for (const m of text.matchAll(JOINED)) {
    const at = m.index + m[0].length;
    if (at < text.length && (opensHeading(ahead(at)) || titleBeforeNumber(ahead(at), sectionTitles) > 0)) found.push(at);
  }
  if (found.length < 2) return [];
  const titles: number[] = [];
  for (const start of [0, ...found]) {
    // A heading's title ends where a standard section's title (`指导思想`, the longest that fits) ends, or else where
    // the number of the heading under it starts; that one's title is read the same way (`一、…（一）…1.…`).
    const lost = titleBeforeNumber(ahead(start), sectionTitles);
    if (lost > 0) titles.push(start + lost);
    for (let at = start + lost; opensHeading(ahead(at)); ) {
      const rest = ahead(at);
      // The number, and the spaces some portals set after it (`第一章  开启…`).
      const numeral = headingNumberLength(rest);
      const number = numeral + /^\s*/u.exec(rest.slice(numeral))![0].length;
      const title = rest.slice(number);
      const reach = TITLE_REACH.exec(title)?.[0].length ?? 0;
      let end = standardTitle(title, sectionTitles, (t) => t.length < reach);
      for (let k = 1; end === 0 && k < reach; k++) if (opensHeading(title.slice(k))) end = k;
      if (end === 0) end = sentenceOpening(title.slice(0, reach));
      if (end === 0) break;
      at += number + end;
      titles.push(at);
    }
  }
  return [...new Set([...found, ...titles])].sort((a, b) => a - b).map((at) => [at, at]);
}

/** A covering notice's title (`…关于印发…的通知`), which a portal may print on one line with its document number. */
const NOTICE_TITLE = /(关于|印发).*(通知|公告|通告|决定|批复)$/u;

/**
 * A notice's title and its document number on one line, a space between them (`…的通知 某政发〔2021〕5号`, or the number
 * first): the space, where the two lines of the document meet. Not a number after other text (a list of documents).
 */
export function noticeNumberBreak(text: string): [number, number][] {
  const apart = docNumberApart(text);
  if (!apart) return [];
  const title = apart.at === 'end' ? text.slice(0, apart.space[0]) : text.slice(apart.space[1]);
  return NOTICE_TITLE.test(simplify(title.trim())) ? [apart.space] : [];
}

/**
 * Cuts each line whose paragraphs run together into a line per paragraph; `breaks` counts the cuts at spaces,
 * `joined` those where nothing stood between the paragraphs.
 */
export function splitRunIn(lines: WorkLine[], sectionTitles: readonly string[] = []): { lines: WorkLine[]; breaks: number; joined: number } {
  let breaks = 0;
  let joined = 0;
  const out = lines.flatMap((line) => {
    const spaced = [...runInBreaks(line.text), ...noticeNumberBreak(line.text)].sort((a, b) => a[0] - b[0]);
    const cuts = spaced.length > 0 ? spaced : joinedBreaks(line.text, sectionTitles);
    if (cuts.length === 0) return [line];
    if (spaced.length > 0) breaks += cuts.length;
    else joined += cuts.length;
    const piece = wholeLine(line);
    const edges = [0, ...cuts.flat(), line.text.length];
    return Array.from({ length: cuts.length + 1 }, (_, k): WorkLine => {
      const part = slicePiece(piece, edges[2 * k]!, edges[2 * k + 1]!);
      return { n: part.line, raw: part.text, text: part.text, repairs: part.repairs, ...(part.breaks ? { breaks: part.breaks } : {}), ...(part.column ? { column: part.column } : {}) };
    });
  });
  return { lines: out, breaks, joined };
}
