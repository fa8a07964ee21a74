/**
 * When two units as plan texts write them name the same quantity. Money is 元 with a magnitude (`万元`, `亿元`,
 * `万亿元`), or the magnitude alone where the 元 is not written (`全社会研发经费投入超过900亿`): the ingest writes a
 * money indicator's values in the indicator's unit (`5000万元` of an indicator in 亿元 → 0.5), the text's own writing
 * kept in `valueText`. Organisations are counted with 家, 个 or 户 alike (`创新平台5家`, `10个`; `高新技术企业500户`):
 * the indicator's phrase says what is counted, the counting word does not change the count. Other counting words
 * stay apart (人 and 人次, 人 and 人年 count different things).
 */

/** Yuan in one of each unit of money. */
const YUAN: Readonly<Record<string, number>> = { 元: 1, 万元: 1e4, 亿元: 1e8, 万亿元: 1e12 };
/** A magnitude written without its unit (`900亿`): money only where what it is the amount of is money. */
const MAGNITUDE: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 };

/** Counting words for organisations (enterprises, platforms, institutions). */
const ORGANISATION_COUNT: ReadonlySet<string> = new Set(['家', '个', '户']);

/**
 * What one `written` is in `to` when both are money and `to` writes its 元 (`万元` → `亿元`: 0.0001; `亿` →
 * `亿元`: 1), else `null`. A bare magnitude is money only here, where the indicator it was matched to is money.
 */
export function moneyFactor(written: string, to: string): number | null {
  const [from, into] = [YUAN[written] ?? MAGNITUDE[written], YUAN[to]];
  return from === undefined || into === undefined ? null : from / into;
}

/** Whether `unit` is a unit of money (`元`, `万元`, `亿元`, `万亿元`). */
export function isMoney(unit: string): boolean {
  return unit in YUAN;
}

/** An amount of money in yuan (`20`, `万元` → 200000); `null` when `unit` is not money or there is no number. */
export function yuanOf(value: number | null, unit: string): number | null {
  return value === null || !isMoney(unit) ? null : Math.round(value * YUAN[unit]!);
}

/** A money value written in `to` (`5000`, `万元`, `亿元` → 0.5); `null` when it is not money or has no number. */
export function moneyIn(value: number | null, written: string, to: string): number | null {
  const factor = moneyFactor(written, to);
  return value === null || factor === null ? null : Number((value * factor).toPrecision(12));
}

/** Whether values in `a` and in `b` count or measure alike: the same unit, or counting words of organisations. */
export function sameUnit(a: string, b: string): boolean {
  return a === b || (ORGANISATION_COUNT.has(a) && ORGANISATION_COUNT.has(b));
}
