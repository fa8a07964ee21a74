/**
 * Finding the amounts in a run of text: `3.2%以上`, `530家`, `1万家`, `40.5亿元`, `30余万亩`, a bare `25` whose unit
 * the scrape lost. Everything that only looks like an amount is left out here, with the reason in `skipped` so
 * that tests can say why: years, dates, document numbers, ordinals, names (5G, 863计划), thresholds, durations.
 */

/** An amount as written, with its offsets (UTF-16, `end` exclusive) in the text it was found in. */
export interface ValueSpan {
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)`: number, `余`/`多`, `万`/`亿`, unit and a trailing `以上`/`左右`. */
  valueText: string;
  /** The amount in `unit` (`1万家` → 10000; money keeps its written unit: `40.5亿元` → 40.5). */
  value: number | null;
  /** Unit as written after the number, `''` when there is none. */
  unit: string;
  /** Qualifiers written inside or right after the amount (`余`, `多`, `以上`, `左右`). */
  qualifiers: string[];
}

/** Why a number was not taken as an amount. */
export interface SkippedNumber {
  start: number;
  text: string;
  reason: 'year' | 'date' | 'document-number' | 'ordinal' | 'name' | 'threshold' | 'duration' | 'in-title';
}

export interface FindValuesOptions {
  /** Table cell in a value column: a bare number is an amount whatever follows it, and never a year. */
  cell?: boolean;
  /** Offsets before this are not read (the numbering of a heading). */
  from?: number;
}

/** Digits, optionally grouped by thousands (`1,000`: a comma followed by exactly three digits), and a decimal part. */
const NUMBER = /(?<![\d.A-Za-z])(\d{1,3}(?:,\d{3})+(?![\d])|\d+)(\.\d+)?(余|多)?(万|亿)?/gu;
/** Base units, longest first so that `平方公里` wins over `公里` and `人次` over `人`. */
const UNITS = ['个百分点', '平方公里', '平方米', '公顷', '公里', '人次', '%', '％', '‰', '元', '家', '件', '个', '项', '名', '人', '所', '座', '支', '条', '亩', '吨', '户', '倍', '分'];
const SUFFIXES = ['以上', '左右', '以内', '以下'];
const HAN = /\p{Script=Han}/u;
/** After the number: a date, a year, a document number or a duration, never an amount. */
const NOT_AMOUNT_AFTER: [RegExp, SkippedNumber['reason']][] = [
  [/^年/u, 'year'],
  [/^[月日]/u, 'date'],
  [/^[号〕\]]/u, 'document-number'],
  [/^(分钟|小时|天|周)/u, 'duration'],
];
/** Which characters are inside 《》 (cited titles): their numbers belong to the title. */
function titleMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const m of text.matchAll(/《[^《》]*》/gu)) mask.fill(1, m.index, m.index + m[0].length);
  return mask;
}

/** Why the number `digits` at `start` (ending at `numEnd`, before any unit) is not an amount, or `null`. */
function skipReason(text: string, start: number, numEnd: number, digits: string, bare: boolean, opts: FindValuesOptions): SkippedNumber['reason'] | null {
  const before = text.slice(0, start);
  const after = text.slice(numEnd);
  if (/第$/u.test(before)) return 'ordinal';
  if (/[〔[]$/u.test(before)) return 'document-number';
  for (const [re, reason] of NOT_AMOUNT_AFTER) if (re.test(after)) return reason;
  if (/^[A-Za-z]/u.test(after) || /^\+/u.test(after) || /\+$/u.test(before)) return 'name';
  const isYearLike = /^\d{4}$/u.test(digits) && Number(digits) >= 1900 && Number(digits) <= 2100;
  if (isYearLike && /^[—–\-－~～至到]\d/u.test(after)) return 'year';
  if (bare && !opts.cell) {
    if (isYearLike) return 'year';
    // `由原来的26位提升到21位`: 位 after a bare number is a rank (as a classifier for people it is not recognised).
    if (/^位/u.test(after)) return 'ordinal';
    // `500强`, `10大科技示范工程`, `863计划`, `世界500企业`: a bare number glued to a word is part of a name.
    if (HAN.test(after[0] ?? '')) return 'name';
    if (/[“"「]$/u.test(before) && /^[”"」]/u.test(after)) return 'name';
  }
  return null;
}

/** `规模超10亿的`, `5家超50亿元`: the amount defines which things are counted, it is not itself a quantity. */
function isThreshold(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 8), start);
  if (!/超过?$/u.test(before)) return false;
  return /^的/u.test(text.slice(end)) || /(规模|收入|营收|产值)超过?$/u.test(before) || /\d[家个名]超过?$/u.test(before);
}

function readUnit(text: string, at: number): string {
  for (const u of UNITS) {
    if (!text.startsWith(u, at)) continue;
    // `分` is a score (`90.75分位列`) only when no word goes on: not `分别`, `分类`.
    if (u === '分' && HAN.test(text[at + 1] ?? '') && text[at + 1] !== '位') continue;
    return u;
  }
  return '';
}

/** Every amount in `text`, in order; `skipped` lists the numbers left out and why. */
export function findValues(text: string, opts: FindValuesOptions = {}): { values: ValueSpan[]; skipped: SkippedNumber[] } {
  const values: ValueSpan[] = [];
  const skipped: SkippedNumber[] = [];
  const inTitle = titleMask(text);
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    if (start < (opts.from ?? 0)) continue;
    const [, whole, fraction = '', approx, magnitude] = m as unknown as [string, string, string | undefined, string | undefined, string | undefined];
    const digits = whole + fraction;
    const numEnd = start + digits.length;
    if (inTitle[start]) {
      skipped.push({ start, text: digits, reason: 'in-title' });
      continue;
    }
    let end = start + m[0].length;
    const unit = readUnit(text, end);
    end += unit.length;
    const bare = unit === '' && !magnitude && !approx;
    const reason = skipReason(text, start, numEnd, digits, bare, opts);
    if (reason) {
      skipped.push({ start, text: text.slice(start, end), reason });
      continue;
    }
    if (isThreshold(text, start, end)) {
      skipped.push({ start, text: text.slice(start, end), reason: 'threshold' });
      continue;
    }
    const qualifiers = approx ? [approx] : [];
    const suffix = SUFFIXES.find((s) => text.startsWith(s, end));
    if (suffix) {
      qualifiers.push(suffix);
      end += suffix.length;
    }
    values.push({ start, end, valueText: text.slice(start, end), ...amount(Number(digits.replaceAll(',', '')), magnitude, unit), qualifiers });
  }
  return { values, skipped };
}

/** Money keeps its written unit (`亿元`, `万元`); other units are multiplied out (`1万家` → 10000 `家`). */
function amount(n: number, magnitude: string | undefined, unit: string): { value: number; unit: string } {
  if (!magnitude) return { value: n, unit };
  if (unit === '元' || unit === '') return { value: n, unit: magnitude + unit };
  const factor = magnitude === '万' ? 1e4 : 1e8;
  return { value: Math.round(n * factor * 1e6) / 1e6, unit };
}
