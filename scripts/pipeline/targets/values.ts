/**
 * Finding the amounts in a run of text: `3.2%以上`, `530家`, `1万家`, `40.5亿元`, `3.57万亿元`, `30余万亩`, a bare `25`
 * whose unit the scrape lost. Everything that only looks like an amount is left out here, with the reason in
 * `skipped` so that tests can say why: years, dates, document numbers, ordinals, names (5G, 863计划), thresholds,
 * durations, and what scraped pages wrap around a text (portal index numbers `059422325-0480-2024-00919`, times
 * `10:38`, dates whose 年月日 were lost `2021106`, list numbers `1.`, mojibake residue `局9/p>`).
 *
 * Traditional characters are read like simplified ones in magnitudes and units (`4萬家`, `1200億元`, `25個`); the
 * unit is given in simplified form (`亿元`), `valueText` stays as written.
 */

/** An amount as written, with its offsets (UTF-16, `end` exclusive) in the text it was found in. */
export interface ValueSpan {
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)`: number, `余`/`多`, `万`/`亿`, unit and a trailing `以上`/`左右`. */
  valueText: string;
  /** The amount in `unit` (`1万家` → 10000; money keeps its written unit: `40.5亿元` → 40.5). */
  value: number | null;
  /** Unit written after the number, in simplified form (`億元` → `亿元`), `''` when there is none. */
  unit: string;
  /** Qualifiers written inside or right after the amount (`余`, `多`, `以上`, `左右`). */
  qualifiers: string[];
}

/** Why a number was not taken as an amount. */
export interface SkippedNumber {
  start: number;
  text: string;
  reason: 'year' | 'date' | 'document-number' | 'ordinal' | 'name' | 'threshold' | 'duration' | 'in-title' | 'identifier' | 'garbled' | 'enumeration' | 'per';
}

export interface FindValuesOptions {
  /** Table cell in a value column: a bare number is an amount whatever follows it, and never a year. */
  cell?: boolean;
  /** Offsets before this are not read (the numbering of a heading). */
  from?: number;
}

/** Digits, optionally grouped by thousands (`1,000`: a comma followed by exactly three digits), and a decimal part. */
const NUMBER = /(?<![\d.A-Za-z])(\d{1,3}(?:,\d{3})+(?![\d])|\d+)(\.\d+)?(余|餘|多)?(万亿|萬億|万|亿|萬|億)?/gu;
/** Base units, longest first so that `平方公里` wins over `公里` and `人次` over `人`; traditional forms beside simplified. */
const UNITS = ['个百分点', '個百分點', '平方公里', '平方米', '公顷', '公頃', '公里', '人年', '人次', '%', '％', '‰', '元', '家', '件', '个', '個', '项', '項', '名', '人', '所', '座', '支', '条', '條', '亩', '畝', '吨', '噸', '户', '戶', '倍', '分'];
/** Simplified form of the traditional characters of magnitudes and units. */
const SIMPLIFIED: Record<string, string> = { 萬: '万', 億: '亿', 餘: '余', 個: '个', 點: '点', 頃: '顷', 項: '项', 條: '条', 畝: '亩', 噸: '吨', 戶: '户' };
const simplified = (s: string) => [...s].map((c) => SIMPLIFIED[c] ?? c).join('');
const SUFFIXES = ['以上', '左右', '以内', '以下'];
const HAN = /\p{Script=Han}/u;
/** After the number: a date, a year, a document number or a duration, never an amount. */
const NOT_AMOUNT_AFTER: [RegExp, SkippedNumber['reason']][] = [
  [/^年/u, 'year'],
  [/^[月日]/u, 'date'],
  [/^[号號〕\]]/u, 'document-number'],
  [/^(分钟|小时|天|周)/u, 'duration'],
];
/**
 * After a count in 个/项: the plan's own tasks, measures and supporting projects (`20个重点支撑项目`, `6项重点任务`),
 * which say how the plan is organised, not how much of anything the region has.
 */
const OWN_ITEMS = /^(?:重点|重大|主要)?(?:任务|举措|支撑项目|方面)/u;

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
    const run = runTogether(digits);
    if (run) return run;
    // `059422325-0480-2024-00919`, `xm/2023-01698`, `2022-03-09`, `11/08 08:20`, `局9/p>`: joined to other
    // characters by - / : an index number, a date or a time, not an amount.
    if (/[\dA-Za-z][-/:]$/u.test(before) || /^[-/:\\][\dA-Za-z]/u.test(after)) return 'identifier';
    // A half-width ? beside a bare number is what a broken decoder leaves (`2021??2?/p>`).
    if (/\?$/u.test(before) || /^\?/u.test(after)) return 'garbled';
    // `1.产业自主创新能力逐步提高 2.高新技术产业稳步发展`: list numbers of a table of contents or a run-in list.
    if (/(?:^|[\s\u3000\u00a0,，;；:：。)）])$/u.test(before) && /^\s*[.．、]\s*[^\d\s]/u.test(after)) return 'ordinal';
    if (/[(（]$/u.test(before) && /^[)）]/u.test(after)) return 'ordinal';
    // `专栏1 重大科技基础设施`, `附件2`, a caption `表1 …`: the number of a box, an annex or a table.
    if (/(?:专栏|附件|附表)\s*$|^\s*[表图]\s*$/u.test(before)) return 'ordinal';
    // `由原来的26位提升到21位`: 位 after a bare number is a rank (as a classifier for people it is not recognised).
    if (/^位/u.test(after)) return 'ordinal';
    // `500强`, `10大科技示范工程`, `863计划`, `世界500企业`: a bare number glued to a word is part of a name.
    if (HAN.test(after[0] ?? '')) return 'name';
    if (/[“"「]$/u.test(before) && /^[”"」]/u.test(after)) return 'name';
  }
  return null;
}

/**
 * Digits of a date or a year range whose 年月日 or dash the scrape lost (`2021106`, `202179`, `20232025`): a year
 * followed by a valid month and day, or two years. Bare numbers of 5 to 8 digits only.
 */
function runTogether(digits: string): 'date' | 'year' | null {
  if (!/^(?:19|20)\d{3,6}$/u.test(digits)) return null;
  const rest = digits.slice(4);
  if (rest.length === 4 && /^(?:19|20)\d{2}$/u.test(rest) && Number(rest) >= Number(digits.slice(0, 4))) return 'year';
  for (let cut = 1; cut < rest.length; cut++) {
    const [month, day] = [Number(rest.slice(0, cut)), Number(rest.slice(cut))];
    if (cut <= 2 && rest.length - cut <= 2 && month >= 1 && month <= 12 && day >= 1 && day <= 31) return 'date';
  }
  return null;
}

/**
 * `规模超10亿的`, `5家超50亿元`, `登记额在1000万元以上的企业`: the amount defines which things are counted, it is not
 * itself a quantity. A sum of money or a share followed by `以上的` / `以下的` names a kind of thing
 * (`营收5000万元以上的企业`), unless a target follows (`3%以上的目标`); a count does not (`10家以上的平台` is one), nor
 * a sum followed by `的` alone (`设立10亿元的基金`: the fund's size).
 */
function isThreshold(text: string, start: number, end: number, unit: string): boolean {
  const before = text.slice(Math.max(0, start - 8), start);
  if (/(元|%|％)$/u.test(unit) && /^(?:及?以上|及?以下)的(?!目标|水平|增长|增速|比例|比重|规模)/u.test(text.slice(end))) return true;
  // `给予不超过50万元的补助`: a cap on what is granted, not a threshold of what is counted.
  if (!/超过?$/u.test(before) || /(?:给予|予以)(?:最高)?不超过$/u.test(before)) return false;
  return /^的/u.test(text.slice(end)) || /(规模|收入|营收|产值)超过?$/u.test(before) || /\d[家个名]超过?$/u.test(before);
}

function readUnit(text: string, at: number): string {
  for (const u of UNITS) {
    if (!text.startsWith(u, at)) continue;
    // `分` is a score (`90.75分位列`) only when no word goes on: not `分别`, `分类`.
    if (u === '分' && HAN.test(text[at + 1] ?? '') && text[at + 1] !== '位') continue;
    return simplified(u);
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
    if ((unit === '个' || unit === '项') && !magnitude && OWN_ITEMS.test(simplified(text.slice(end, end + 6)))) {
      skipped.push({ start, text: text.slice(start, end), reason: 'enumeration' });
      continue;
    }
    // `每引进1名博士，给予…`, `每新增1家`: the one thing a rate is counted per, not an amount (`每年新增1家` is one).
    if (digits === '1' && !magnitude && /每(?![年月季天日周])\p{Script=Han}{0,3}$/u.test(simplified(text.slice(Math.max(0, start - 4), start)))) {
      skipped.push({ start, text: text.slice(start, end), reason: 'per' });
      continue;
    }
    if (isThreshold(text, start, end, unit)) {
      skipped.push({ start, text: text.slice(start, end), reason: 'threshold' });
      continue;
    }
    const qualifiers = approx ? [simplified(approx)] : [];
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
function amount(n: number, written: string | undefined, unit: string): { value: number; unit: string } {
  if (!written) return { value: n, unit };
  const magnitude = simplified(written);
  if (unit === '元' || unit === '') return { value: n, unit: magnitude + unit };
  const factor = magnitude === '万' ? 1e4 : magnitude === '亿' ? 1e8 : 1e12;
  return { value: Math.round(n * factor * 1e6) / 1e6, unit };
}
