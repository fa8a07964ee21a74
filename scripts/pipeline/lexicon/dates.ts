/**
 * Dates as printed in official documents and on portals: `2021年8月17日`, `2021-09-28 16:08`, `( 2014-02-14 )`,
 * `2021/8/17`, `2021.8.17`, `2021 年 8 月 17 日`, `二〇一二年三月五日`, a repost stamp `-2023- 11/08 08:20`, and
 * digits run together where 年/月/日 were stripped (`2021106`). Every reading keeps the printed form and says
 * whether it was repaired.
 */
import { chineseYear, parseChineseNumeral } from './numerals.ts';
import { foldWidth } from '../../../src/lib/width.ts';
import { dateEn } from '../../../src/lib/i18n/date-en.ts';
import type { EditorsWords } from '../editors-words.ts';

export interface DateReading {
  /** `YYYY-MM-DD`, or `null` when the printed date is not a valid calendar date or cannot be read unambiguously. */
  iso: string | null;
  /** The date exactly as printed. */
  raw: string;
  /** Offset of `raw` in the input. */
  index: number;
  /** True when the reading supplies something the print lacks (年/月/日 stripped from run-together digits). */
  repaired: boolean;
  /** True when run-together digits allow more than one valid reading. */
  ambiguous: boolean;
  /** Editorial note for a repair, an ambiguity or an invalid date, in Chinese and in English. */
  note: EditorsWords | null;
}

export interface YearMonthReading {
  year: number;
  month: number;
  raw: string;
  index: number;
  /** True when 年 was lost between year and month (`20163月`). */
  repaired: boolean;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

/** Days in a month of the proleptic Gregorian calendar (leap years by the 4/100/400 rule). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const cnDate = (y: number, m: number, d: number) => `${y}年${m}月${d}日`;


/** Year, month and day with any of 年 - / . between them (mixed too: `2023- 11/08`), spaces allowed. */
const ARABIC = /(?<!\d)(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})(?!\d)(?:\s*日)?/gu;
const CN_NUM = '[一二三四五六七八九十]{1,3}';
const CN_YEAR = '[零〇○◯OＯ0一二三四五六七八九]{4}';
const CHINESE = new RegExp(`(${CN_YEAR})\\s*年\\s*(${CN_NUM}|\\d{1,2})\\s*月\\s*(${CN_NUM}|\\d{1,2})\\s*日`, 'gu');
/**
 * Year, month and day run together (`2021106`): 6–8 digits standing alone, followed only by space, line end,
 * closing punctuation or 日. Followed by a CJK word (`201558家` = 2015年58家) it is a number, not a date.
 */
const RUN_TOGETHER = /(?<![\d.\-/年月])(\d{4})(\d{2,4})(?=\s|$|[日)）】\],，。;；、|])/gu;

/**
 * Readings of the digits after the year as month + day. Rule (how a writer pads): either both parts are written
 * without a leading zero (`1`, `10`, `6`), or the writer zero-pads, and then both parts have two digits (`01|06`).
 * A split where one part is zero-padded and the other a single digit (`1|06`) mixes the two styles and is not a
 * reading: a writer who pads the day pads the month too. Each remaining split must be a real calendar date.
 * This gives 2021106 → 10|6 only, 202179 → 7|9, 2024227 → 2|27, 2023411 → 4|11, and 2021111 → 1|11 or 11|1.
 */
export function runTogetherReadings(year: number, rest: string): { month: number; day: number }[] {
  const out: { month: number; day: number }[] = [];
  for (let cut = 1; cut < rest.length; cut++) {
    const [m, d] = [rest.slice(0, cut), rest.slice(cut)];
    if (m.length > 2 || d.length > 2) continue;
    const padded = m.startsWith('0') || d.startsWith('0');
    if (padded && (m.length !== 2 || d.length !== 2)) continue;
    const [month, day] = [Number(m), Number(d)];
    if (isValidDate(year, month, day)) out.push({ month, day });
  }
  return out;
}

function readArabic(m: RegExpExecArray): DateReading | null {
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR || y > MAX_YEAR) return null;
  return reading(m, y, mo, d);
}

function readChinese(m: RegExpExecArray): DateReading | null {
  if (/^[0-9]{4}$/u.test(m[1]!)) return null; // all Arabic: ARABIC reads it
  const y = chineseYear(m[1]!);
  const num = (s: string) => (/^\d+$/u.test(s) ? Number(s) : parseChineseNumeral(s));
  if (y === null || y < MIN_YEAR || y > MAX_YEAR) return null;
  return reading(m, y, num(m[2]!), num(m[3]!));
}

function reading(m: RegExpExecArray, y: number, mo: number, d: number): DateReading {
  const valid = isValidDate(y, mo, d);
  return {
    iso: valid ? iso(y, mo, d) : null,
    raw: m[0],
    index: m.index,
    repaired: false,
    ambiguous: false,
    note: valid ? null : { zh: `原文“${m[0]}”不是有效日期`, en: `the source’s “${m[0]}” is not a valid date` },
  };
}

function readRunTogether(m: RegExpExecArray): DateReading | null {
  const y = Number(m[1]);
  if (y < MIN_YEAR || y > MAX_YEAR) return null;
  const readings = runTogetherReadings(y, m[2]!);
  if (readings.length === 0) return null;
  const raw = m[1]! + m[2]!;
  if (readings.length === 1) {
    const { month, day } = readings[0]!;
    return {
      iso: iso(y, month, day),
      raw,
      index: m.index,
      repaired: true,
      ambiguous: false,
      note: {
        zh: `原文“${raw}”年月日连写，据唯一合理读法推定为${cnDate(y, month, day)}`,
        en: `the source runs year, month and day together (“${raw}”), and ${dateEn(iso(y, month, day))} is the only plausible reading`,
      },
    };
  }
  return {
    iso: null,
    raw,
    index: m.index,
    repaired: false,
    ambiguous: true,
    note: {
      zh: `原文“${raw}”年月日连写，可读作${readings.map((r) => cnDate(y, r.month, r.day)).join('或')}，无法确定`,
      en: `the source runs year, month and day together (“${raw}”): it reads ${readings.map((r) => dateEn(iso(y, r.month, r.day))).join(' or ')}, and cannot be settled`,
    },
  };
}

/** All date readings in `s`, in order of position (at one position an explicit form wins over run-together digits). */
export function findDates(s: string): DateReading[] {
  // Width-folded by the one rule (src/lib/width.ts): one code point for one, so offsets stay those of the input.
  const text = foldWidth(s);
  const found: { r: DateReading; rank: number }[] = [];
  const scan = (re: RegExp, read: (m: RegExpExecArray) => DateReading | null, rank: number) => {
    for (const m of text.matchAll(re)) {
      const r = read(m);
      if (r) found.push({ r: { ...r, raw: s.slice(r.index, r.index + r.raw.length) }, rank });
    }
  };
  scan(ARABIC, readArabic, 0);
  scan(CHINESE, readChinese, 1);
  scan(RUN_TOGETHER, readRunTogether, 2);
  found.sort((a, b) => a.r.index - b.r.index || a.rank - b.rank);
  const out: DateReading[] = [];
  let end = -1;
  for (const { r } of found) {
    if (r.index < end) continue; // overlaps a reading already taken
    out.push(r);
    end = r.index + r.raw.length;
  }
  return out;
}

/** The first date in `s` (`null` if none). A reading may still have `iso: null` (invalid or ambiguous). */
export function findDate(s: string): DateReading | null {
  return findDates(s)[0] ?? null;
}

/** ISO date of the first date in `s`, `null` if there is none or it cannot be read as a valid date. */
export function parseDate(s: string): string | null {
  return findDate(s)?.iso ?? null;
}

const YEAR_MONTH = /(?<!\d)(\d{4})(\s*年\s*)?(\d{1,2})\s*月/gu;

/** The first year + month (`2016年3月`, `2016 年 3 月`, `20163月` with 年 lost → repaired) in `s`. */
export function findYearMonth(s: string): YearMonthReading | null {
  for (const m of foldWidth(s).matchAll(YEAR_MONTH)) {
    const [year, month] = [Number(m[1]), Number(m[3])];
    if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) continue;
    return { year, month, raw: s.slice(m.index, m.index + m[0].length), index: m.index, repaired: m[2] === undefined };
  }
  return null;
}
