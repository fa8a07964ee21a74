/**
 * Chinese numerals as they occur in official documents: heading ordinals (`二十三、`), counts (`一百零五`),
 * and years written digit by digit (`二〇一二`, `二○一二` with a white circle, `二0一二` with an Arabic zero).
 */

/** Digit characters, value = index. Zero has many look-alikes in scraped text: 零, 〇 (U+3007), ○ (U+25CB), ◯, O, 0. */
export const CN_DIGITS = '零一二三四五六七八九';
const ZEROS = new Set(['零', '〇', '○', '◯', 'O', 'Ｏ', 'o', '0', '０']);
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Value of one digit character (一…九, 两, the zero look-alikes, Arabic or full-width digits), else `null`. */
export function digitValue(ch: string): number | null {
  if (ZEROS.has(ch)) return 0;
  if (ch === '两' || ch === '兩') return 2;
  const i = CN_DIGITS.indexOf(ch);
  if (i > 0) return i;
  if (/^[0-9]$/u.test(ch)) return Number(ch);
  if (/^[０-９]$/u.test(ch)) return ch.charCodeAt(0) - 0xff10;
  return null;
}

/**
 * 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23, 一百零五 → 105, 一百一十 → 110, 两千 → 2000, 一百五 → 150 (a trailing
 * digit after 百/千 without 零 counts in the next lower unit, as spoken). Without any unit the digits are read one by
 * one (`二〇` → 20). `NaN` when `s` is not a numeral (structure.ts returned -1 for an unknown single character;
 * its callers only pass regex-checked numerals).
 */
export function parseChineseNumeral(s: string): number {
  const chars = [...s.trim()];
  if (chars.length === 0) return NaN;
  if (!chars.some((c) => c in UNITS)) return digitByDigit(chars) ?? NaN;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  let zeroSeen = false;
  for (const [i, c] of chars.entries()) {
    const unit = UNITS[c];
    if (unit !== undefined) {
      if (unit >= lastUnit) return NaN;
      // 十 alone at the start means 一十; elsewhere a unit needs its digit (一百十 is not written).
      const mult = digit ?? (i === 0 && unit === 10 ? 1 : NaN);
      total += mult * unit;
      lastUnit = unit;
      digit = null;
      zeroSeen = false;
      continue;
    }
    const d = digitValue(c);
    if (d === null || digit !== null) return NaN;
    if (d === 0) {
      if (zeroSeen || i === 0) return NaN;
      zeroSeen = true;
      continue;
    }
    digit = d;
  }
  if (digit !== null) total += !zeroSeen && lastUnit >= 100 && lastUnit !== Infinity ? digit * (lastUnit / 10) : digit;
  return total;
}

/** 0 → 零, 1 → 一, 12 → 十二, 23 → 二十三, 105 → 一百零五, 110 → 一百一十, up to 9999. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`toChineseNumeral: ${n} is not an integer 0–9999`);
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 === 0 ? '' : CN_DIGITS[n % 10]}`;
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let pendingZero = false;
  for (const [i, d] of digits.entries()) {
    if (d === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += CN_DIGITS[d]! + units[i]!;
  }
  return out;
}

/** A year written digit by digit: `二〇一二`, `二○一二`, `二0一二`, `2012` → 2012; `null` unless exactly four digits. */
export function chineseYear(s: string): number | null {
  const chars = [...s.trim()];
  return chars.length === 4 ? digitByDigit(chars) : null;
}

/** Digits read one by one, without units (`二〇一二`, `2012`); `null` when one is not a digit. */
function digitByDigit(chars: readonly string[]): number | null {
  let n = 0;
  for (const c of chars) {
    const d = digitValue(c);
    if (d === null) return null;
    n = n * 10 + d;
  }
  return n;
}

/**
 * An amount written in Chinese numerals: where the numeral (and `百分之`, never the unit) stands, `end` exclusive, and
 * the same in Arabic digits as the value rules read it (`一千` → `1000`, `十五万` → `15万`: a magnitude last stays a
 * magnitude, `一点五` → `1.5`, `百分之五十` → `50%`; `翻一番` → `增长1倍`).
 */
export type ChineseAmount = { start: number; end: number; arabic: string };

/**
 * Units an amount in Chinese numerals is read before: the measures of scripts/pipeline/targets/values.ts, not the
 * counters of things named (个, 项, 条, 支: `四个意识`, `两个维护`, `四项工程`, `人才九条` are names and slogans, which
 * official writing keeps in Chinese numerals, while counts are written in digits), nor 分 (`十分` is "very"); money
 * only with its 万 or 亿 (`五十万元`; `九元科技` is a company).
 */
const COUNTED = '(?:个百分点|平方公里|平方米|公顷|公里|人次|(?<=[万亿])元|家|件|名|人|所|座|亩|吨|户|倍)';
const NUMERAL = '[一二两三四五六七八九十百千万亿零〇]+(?:点[零〇一二三四五六七八九]+)?';
/**
 * `一千家`, `两千五百家`, `五家以上`, `三百名`, `五十亿元`, `一点五倍`; `百分之五十`. Not where the numeral continues a
 * word or a larger number (`第三`, `数十家`, `十四五`), starts with 百, 千, 万 (`千家万户`), or is one (`一家企业`, `一家一策`:
 * a determiner, not a count), nor digits without a unit between them (`三五家`: three to five).
 */
const CHINESE_AMOUNT = new RegExp(`百分之(${NUMERAL})|(?<![第数几若一二两三四五六七八九十百千万亿零〇])(${NUMERAL})(?=(?:余|多)?${COUNTED})`, 'gu');

/** The value of a numeral with 万 and 亿 (`一万两千` → 12000), or `NaN`. */
function bigNumeral(s: string): number {
  const yi = s.split('亿');
  if (yi.length > 2) return NaN;
  const below = (t: string): number => {
    const wan = t.split('万');
    if (wan.length > 2) return NaN;
    const head = wan.length === 2 ? (wan[0] === '' ? NaN : parseChineseNumeral(wan[0]!)) * 10000 : 0;
    const tail = wan.at(-1)! === '' ? 0 : parseChineseNumeral(wan.at(-1)!.replace(/^[零〇]/u, ''));
    return head + tail;
  };
  const high = yi.length === 2 ? (yi[0] === '' ? NaN : below(yi[0]!)) * 1e8 : 0;
  return high + (yi.at(-1) === '' ? 0 : below(yi.at(-1)!));
}

/** The Arabic form of a numeral, or `null` when it is no well-formed count (see `CHINESE_AMOUNT`). */
function arabicOf(numeral: string): string | null {
  const [whole, fraction] = numeral.split('点');
  if (!whole || /^[百千万亿]/u.test(whole)) return null;
  // A magnitude last stays one (`十五万` → `15万`), as `15万人` is written in digits.
  const magnitude = /(万亿|亿|万)$/u.exec(whole)?.[1] ?? '';
  const head = whole.slice(0, whole.length - magnitude.length);
  if (head === '' || (!/[十百千万亿]/u.test(head) && [...head].length > 1)) return null;
  const value = /[万亿]/u.test(head) ? bigNumeral(head) : parseChineseNumeral(head);
  if (!Number.isFinite(value) || value <= 0) return null;
  if (value === 1 && !magnitude && fraction === undefined) return null;
  const decimals = fraction === undefined ? '' : `.${[...fraction].map((c) => digitValue(c)).join('')}`;
  return `${value}${decimals}${magnitude}`;
}

/** `翻一番` (doubled), `翻两番` (quadrupled), `翻番`: a growth by 2ⁿ − 1 times, as `增长1倍`, `增长3倍` say it in digits. */
const DOUBLINGS = /翻了?([一两二三])番|翻番/gu;

/** Amounts written in Chinese numerals in `text`, in order, and doublings (`翻一番` → `增长1倍`). */
export function findChineseAmounts(text: string): ChineseAmount[] {
  const found: ChineseAmount[] = [];
  for (const m of text.matchAll(CHINESE_AMOUNT)) {
    const percent = m[1] !== undefined;
    const arabic = arabicOf(m[1] ?? m[2]!);
    if (arabic === null) continue;
    found.push({ start: m.index, end: m.index + m[0].length, arabic: percent ? `${arabic}%` : arabic });
  }
  for (const m of text.matchAll(DOUBLINGS)) {
    const times = 2 ** (m[1] ? parseChineseNumeral(m[1].replace('两', '二')) : 1) - 1;
    found.push({ start: m.index, end: m.index + m[0].length, arabic: `增长${times}倍` });
  }
  return found.sort((a, b) => a.start - b.start);
}
