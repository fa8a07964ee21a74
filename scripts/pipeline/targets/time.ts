/**
 * When a value is for, and so whether it is a target or a reported result. Texts say it with time phrases that come
 * before the values they govern, often once for a whole paragraph: `到2022年`, `截至2019年末`, `十三五末`,
 * `“十三五”期间`, `2020年`, `全年`, `截至目前`. A year before the plan period is the past; the plan period and later
 * is the future. `由2015年` and `比2015年` are comparisons, not the time of the sentence, and are read by the caller.
 */

export type Period = { start: number; end: number };

/** A time phrase and what it says about the values after it. */
export interface TimeCue {
  /** Offset just after the phrase: it governs values from here on. */
  at: number;
  /** `null` when the phrase only places the value relative to the plan (`全年`, `截至目前`). */
  year: number | null;
  period: Period | null;
  /** `past` when the phrase itself says so (`截至`, `已有`), `future` for `全年`, else judged by the year. */
  tense: 'past' | 'future' | 'by-year';
}

/** Start year of the five-year plans named 十一五 … 十五五. */
const FIVE_YEAR_START: Record<string, number> = { 一: 2006, 二: 2011, 三: 2016, 四: 2021, 五: 2026 };

const CUES: [RegExp, (m: RegExpExecArray, plan: Period | null) => Omit<TimeCue, 'at'>][] = [
  [/截[至止](?:到)?(\d{4})年(?:末|底)?/gu, (m) => ({ year: Number(m[1]), period: null, tense: 'past' })],
  [/截[至止](?:到)?目前|目前已|已有|现有/gu, () => ({ year: null, period: null, tense: 'past' })],
  // `到2022年` in a 2020–2022 plan is ahead; `增至2020年的151家` in a 2021–2025 plan is behind: judged by the year.
  [/(?<!截)(?:到|至)(\d{4})年(?:底|末)?/gu, (m) => ({ year: Number(m[1]), period: null, tense: 'by-year' })],
  // A bare year: not one of a range (2021—2025年) and not a comparison (由/比/较/从2015年).
  [/(?<![由比较从到至—–\-－~～\d])(\d{4})年(?:末|底)?/gu, (m) => ({ year: Number(m[1]), period: null, tense: 'by-year' })],
  [
    /[“"]?十([一二三四五])五[”"]?(末|期间|以来|时期|初)?/gu,
    (m) => {
      const start = FIVE_YEAR_START[m[1]!]!;
      const span = m[2] === '期间' || m[2] === '以来' || m[2] === '时期' ? { start, end: start + 4 } : null;
      return { year: m[2] === '初' ? start : start + 4, period: span, tense: 'by-year' };
    },
  ],
  [/全年|年内|今年/gu, (_m, plan) => ({ year: plan?.end ?? null, period: null, tense: 'future' })],
];

/** Time phrases of a text outside 《》 titles, in order. */
export function findTimeCues(text: string, plan: Period | null): TimeCue[] {
  // One phrase, one cue: characters taken by a cue (`截至2019年末`) are not read again (as a bare `2019年末`),
  // and neither are cited titles.
  const taken = new Uint8Array(text.length);
  for (const m of text.matchAll(/《[^《》]*》/gu)) taken.fill(1, m.index, m.index + m[0].length);
  const cues: TimeCue[] = [];
  for (const [re, read] of CUES) {
    for (const m of text.matchAll(re)) {
      const at = m.index + m[0].length;
      if (taken.subarray(m.index, at).includes(1)) continue;
      taken.fill(1, m.index, at);
      cues.push({ at, ...read(m as RegExpExecArray, plan) });
    }
  }
  return cues.sort((a, b) => a.at - b.at);
}

export interface TimeReading {
  kind: 'target' | 'achievement';
  year: number | null;
  period: Period | null;
}

/**
 * Kind and year of a value at offset `at`: from the nearest time phrase before it in the same block; else from the
 * section (`pastSection`: under a heading such as 回顾, 发展基础, 进展与成效); else a target for the plan's last year.
 */
export function readTime(cues: TimeCue[], at: number, plan: Period | null, pastSection: boolean): TimeReading {
  // The last cue ending at or before `at` (cues are sorted by `at`).
  let [lo, hi] = [0, cues.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.at <= at) lo = mid + 1;
    else hi = mid;
  }
  const cue = cues[lo - 1];
  if (!cue) return pastSection ? { kind: 'achievement', year: null, period: null } : { kind: 'target', year: plan?.end ?? null, period: null };
  // `全年` under a heading about the past (`一、2022年工作总结`) is the year that section reports, not the plan's.
  if (cue.tense === 'future' && pastSection) return { kind: 'achievement', year: null, period: null };
  const past = cue.tense === 'past' || (cue.tense === 'by-year' && plan !== null && cue.year !== null && cue.year < plan.start);
  return { kind: past ? 'achievement' : 'target', year: cue.year, period: cue.period };
}
