/**
 * Where a plan's title may break across lines: between words, not inside one. A Chinese title breaks between any two
 * characters by default, so on a phone 红桥区科技创新三年行动工作方案 broke as 行动工 / 作方案 and 辛集市科技创新“十四五”规划
 * left 划 alone on a line. The title is cut into words with the ICU dictionary (`Intl.Segmenter`: at build time for
 * the pages, in the browser for the search results) and a `<wbr>` put where a break reads well (`breakable`); the
 * heading breaks only there (`.title-words`: `word-break: keep-all`, balanced lines, global.css). Single-character
 * words (红|桥|区, 印|发) stay with their neighbours: the dictionary splits names it does not know so.
 */
import { escapeText } from './html.ts';

const HAN = /\p{Script=Han}/u;
const OPENING = /[“‘（《〈「『【〔([]/u;
/** Closing quotes and brackets, and the pauses a title may hold (把握新定位,适应新常态): a line may break after them. */
const CLOSING = /[”’）》〉」』】〕)\]，,、；;：:。！？]/u;
/** The word segmenter, made on first use; `null` where the runtime has none (then a title is one piece). */
let words: Intl.Segmenter | null | undefined;
const segmenter = () => (words ??= typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null);

/**
 * Whether a line may break between two words: both of two characters or more, meeting at Chinese characters; or
 * before an opening quote or bracket (科技创新 / “十四五”), or after a closing one or a pause before a Chinese word
 * (“十四五” / 规划, 新定位, / 适应).
 */
function breakable(previous: string, next: string): boolean {
  const last = previous.at(-1)!;
  const first = next[0]!;
  if (OPENING.test(first)) return !OPENING.test(last);
  if (CLOSING.test(last)) return HAN.test(first);
  return HAN.test(last) && HAN.test(first) && [...previous].length >= 2 && [...next].length >= 2;
}

/** The title in pieces, a line break allowed between two pieces only. */
export function titlePieces(title: string): string[] {
  const seg = segmenter();
  if (!seg) return [title];
  const pieces: string[] = [];
  let previous: string | null = null;
  for (const { segment } of seg.segment(title)) {
    if (previous === null || breakable(previous, segment)) pieces.push(segment);
    else pieces[pieces.length - 1] += segment;
    previous = segment;
  }
  return pieces;
}

/** The title as HTML: its text escaped, `<wbr>` between its pieces. */
export function titleHtml(title: string): string {
  return titlePieces(title).map(escapeText).join('<wbr>');
}
