/**
 * 发文字号 (document numbers): issuer abbreviation + year in brackets + serial + 号, e.g. `北辰政发〔2021〕5号`,
 * `京政發〔2016〕44號`, `豫政〔2021〕41号`. The year bracket comes as 〔〕 (the standard), [], 【】, (), （）, ［］.
 */

export interface DocNumber {
  /** As printed (brackets, 號 kept) with whitespace inside removed and full-width digits folded (`１２` → `12`). */
  text: string;
  /** Offset of `raw` in the input. */
  index: number;
  /** Exactly as printed. */
  raw: string;
}

import { foldWidth, halfWidth } from '../../../src/lib/width.ts';

const OPEN = '〔[【(（［';
const CLOSE = '〕\\]】)）］';
/** The issuer is 1–12 CJK characters (basic block and extension A, so traditional and rare characters count). */
const ISSUER = '[\\u3400-\\u4dbf\\u4e00-\\u9fff]{1,12}';
const DOCNO_SRC = `${ISSUER}\\s*[${OPEN}]\\s*\\d{4}\\s*[${CLOSE}]\\s*第?\\s*\\d{1,4}\\s*[号號]`;
const DOCNO = new RegExp(DOCNO_SRC, 'u');
const DOCNO_LINE = new RegExp(`^\\s*(?:${DOCNO_SRC}|[(（]\\s*${DOCNO_SRC}\\s*[)）])\\s*$`, 'u');

/**
 * The first document number in `s`, or `null`. A damaged number without its closing bracket (`〔202023号`) is not
 * read. In running text the issuer run is greedy: `根据北辰政发〔2021〕5号` gives `根据北辰政发〔2021〕5号`; where
 * the number is set off by brackets or 《》…》( ) (the usual case) the issuer is exact.
 */
export function findDocNumber(s: string): DocNumber | null {
  // Read width-folded (`〔２０２２〕１２号`: full-width digits, one code point for one, so offsets stay the input's);
  // the number is given with its digits folded and its brackets as printed, `raw` exactly as printed.
  const m = DOCNO.exec(foldWidth(s));
  if (!m) return null;
  const raw = s.slice(m.index, m.index + m[0].length);
  return { text: raw.replace(/[０-９]/gu, halfWidth).replace(/\s/gu, ''), index: m.index, raw };
}

/** True for a line that is only a document number, optionally wrapped in ( ) or （ ）: `(梧政发〔2012〕3号)`. */
export function isDocNumberLine(line: string): boolean {
  return DOCNO_LINE.test(foldWidth(line));
}

const DOCNO_AT_END = new RegExp(`(\\s+)[(（]?\\s*${DOCNO_SRC}\\s*[)）]?\\s*$`, 'u');
const DOCNO_AT_START = new RegExp(`^\\s*[(（]?\\s*${DOCNO_SRC}\\s*[)）]?(\\s+)(?=\\S)`, 'u');

/**
 * A document number set off by whitespace at the end or the start of a line that holds more
 * (`某市人民政府关于…的通知 某政发〔2021〕5号`, `（某政发〔2021〕5号）　某市人民政府关于…`): the whitespace's offsets, or `null`.
 */
export function docNumberApart(line: string): { at: 'end' | 'start'; space: [number, number] } | null {
  const folded = foldWidth(line);
  const end = DOCNO_AT_END.exec(folded);
  if (end && end.index > 0) return { at: 'end', space: [end.index, end.index + end[1]!.length] };
  const start = DOCNO_AT_START.exec(folded);
  if (start) return { at: 'start', space: [start[0].length - start[1]!.length, start[0].length] };
  return null;
}
