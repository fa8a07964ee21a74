/**
 * Plan periods: year ranges (`(2020-2022年)`, `2011至2015年`, `(2023—2025)`, `二〇二一—二〇二五年`), five-year-plan names
 * (`十四五`, `第十四个五年`), digits
 * run together where the dash was lost (`20212025年`, `(20232025》`), and the outlook year (`展望到2035年`,
 * `2035年远景目标`). Read on the matching form (fold.ts), so full-width digits and traditional text work too.
 */
import { toMatchForm } from './fold.ts';
import { chineseYear } from './numerals.ts';
import type { EditorsWords } from '../editors-words.ts';

export interface Period {
  start: number;
  end: number;
  outlook: number | null;
}

export interface PeriodReading extends Period {
  /** The range or plan name exactly as printed in the input. */
  raw: string;
  /** Offset of `raw` in the input. */
  index: number;
  /** True when the dash between the years was lost and the range was read by splitting the digits. */
  repaired: boolean;
  /** How a repaired range was read, in Chinese and in English. */
  note: EditorsWords | null;
}

/** The national five-year plans, by their short names, with their first and last year. */
export const FIVE_YEAR_PLANS: Readonly<Record<string, { ordinal: number; start: number; end: number }>> = Object.freeze({
  十一五: { ordinal: 11, start: 2006, end: 2010 },
  十二五: { ordinal: 12, start: 2011, end: 2015 },
  十三五: { ordinal: 13, start: 2016, end: 2020 },
  十四五: { ordinal: 14, start: 2021, end: 2025 },
  十五五: { ordinal: 15, start: 2026, end: 2030 },
});

/** Longest period read from a range; a wider range is not a plan period. */
const MAX_SPAN = 15;
const plausibleYear = (y: number) => y >= 1949 && y <= 2099;
const plausibleRange = (start: number, end: number) => plausibleYear(start) && plausibleYear(end) && start <= end && end - start <= MAX_SPAN;

const CN_YEAR = '[零〇○◯O0一二三四五六七八九]{4}';
const OUTLOOK = [new RegExp(`展望(?:到|至)\\s*(\\d{4}|${CN_YEAR})\\s*年`, 'u'), new RegExp(`(\\d{4}|${CN_YEAR})\\s*年远景目标`, 'u')];
const RANGE = /(?<!\d)(\d{4})\s*年?\s*(?:[-—–～~－─]+|至|到)\s*(\d{4})(?!\d)\s*年?/gu;
/** The same range with its years in Chinese digits (`二〇二一—二〇二五年`). */
const CN_RANGE = new RegExp(`(?<![零〇○◯O0一二三四五六七八九])(${CN_YEAR})\\s*年?\\s*(?:[-—–～~－─]+|至|到)\\s*(${CN_YEAR})(?![零〇○◯O0一二三四五六七八九])\\s*年?`, 'gu');
/** A five-year plan by its short name (`十四五`) or its full one (`第十四个五年`). */
const FIVE_YEAR = /十[一二三四五]五|第(十[一二三四五])个五年/gu;
/** Eight digits where a dash was lost: after an opening bracket or before 年 (`(20232025》`, `20212025年`). */
const RUN_TOGETHER = /(?<!\d)(\d{4})(\d{4})(?!\d)/gu;

function outlookYear(s: string): number | null {
  for (const re of OUTLOOK) {
    const m = re.exec(s);
    const y = m ? chineseYear(m[1]!) : null;
    if (y !== null) return y;
  }
  return null;
}

/** The plan period in a title or sentence, with where it was read; `null` when `s` states none. */
export function findPeriod(s: string): PeriodReading | null {
  const folded = toMatchForm(s);
  const t = folded.text;
  const outlook = outlookYear(t);
  const at = (index: number, length: number) => {
    const from = folded.toSource(index);
    const to = folded.toSourceEnd(index + length);
    return { index: from, raw: s.slice(from, to) };
  };
  for (const m of t.matchAll(RANGE)) {
    const [start, end] = [Number(m[1]), Number(m[2])];
    if (plausibleRange(start, end)) return { start, end, outlook, ...at(m.index, m[0].length), repaired: false, note: null };
  }
  for (const m of t.matchAll(CN_RANGE)) {
    const [start, end] = [chineseYear(m[1]!), chineseYear(m[2]!)];
    if (start !== null && end !== null && plausibleRange(start, end)) return { start, end, outlook, ...at(m.index, m[0].length), repaired: false, note: null };
  }
  for (const m of t.matchAll(FIVE_YEAR)) {
    const plan = FIVE_YEAR_PLANS[m[1] ? `${m[1]}五` : m[0]];
    if (plan) return { start: plan.start, end: plan.end, outlook, ...at(m.index, m[0].length), repaired: false, note: null };
  }
  for (const m of t.matchAll(RUN_TOGETHER)) {
    const before = t[m.index - 1] ?? '';
    const after = t.slice(m.index + 8).trimStart()[0] ?? '';
    if (!/[(\[【《〈]/u.test(before) && after !== '年') continue;
    const [start, end] = [Number(m[1]), Number(m[2])];
    if (!plausibleRange(start, end)) continue;
    const place = at(m.index, 8);
    return {
      start,
      end,
      outlook,
      ...place,
      repaired: true,
      note: { zh: `原文“${place.raw}”起止年份连写，推定为${start}—${end}年`, en: `the source runs the first and last years together (“${place.raw}”): ${start}–${end}` },
    };
  }
  return null;
}

/** Plan period from a title or sentence: `(2020-2022年)`, `十四五`, `规划期为2021—2025年，展望到2035年`. */
export function parsePeriod(s: string): Period | null {
  const r = findPeriod(s);
  return r ? { start: r.start, end: r.end, outlook: r.outlook } : null;
}
