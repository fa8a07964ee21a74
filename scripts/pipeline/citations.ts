/**
 * Documents cited in 《》. A citation keeps its title as written; `documentKey` normalises brackets, dashes and
 * spaces so that 《天津市科技创新三年行动计划（2020—2022年）》 and 《…(2020-2022年)》 are the same document.
 */

import { chineseYear, digitValue } from './lexicon/numerals.ts';

export interface FoundCitation {
  title: string;
  documentKey: string;
  /** Offsets of the whole `《…》` in the text. */
  start: number;
  end: number;
  /** The short form the text names it by from here on (`《…》（以下简称《行动计划》）` → `行动计划`). */
  shortForm?: string;
}

/** `（以下简称《行动计划》）`, `(以下称“规划”)`, `（以下简称“《规划》”）` just after a citation: the short form its text uses for it. */
const SHORT_FORM = /^\s*[（(]\s*以下(?:简称|称)(?:为)?\s*[《“"]{1,2}([^《》“”"]{1,30})[》”"]{1,2}\s*[)）]/u;

/**
 * Normalised key of a document title. A period whose dash a page lost (`（20222025）`) is the period it
 * was: two years run together, the second after the first by at most 15. A year in Chinese digits is the year
 * (`二〇三五年`, `二○三五年`, `二零三五年` and `2035年` are one), and so is one whose 〇 a page lost (`和二三五年远景目标`:
 * 二, then two digits and 年, not inside a longer numeral, read 20XY for 2010–2059).
 */
export function documentKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/(?<![零〇○◯O0-9一二三四五六七八九十百千])([二2][零〇○◯O0-9一二三四五六七八九]{3})(?=年)/gu, (run: string) => String(chineseYear(run) ?? run))
    .replace(/(?<![零〇○◯O0-9一二三四五六七八九十百千])二([一二三四五])([一二三四五六七八九])(?=年)/gu, (_: string, x: string, y: string) => `20${digitValue(x)}${digitValue(y)}`)
    .replace(/[〈<]/gu, '《')
    .replace(/[〉>]/gu, '》')
    .replace(/[—–~～－―]+/gu, '-')
    .replace(/(?<!\d)((?:19|20)\d{2})((?:19|20)\d{2})(?!\d)/gu, (run: string, a: string, b: string) => (Number(b) > Number(a) && Number(b) - Number(a) <= 15 ? `${a}-${b}` : run))
    .replace(/[\s"“”'‘’]/gu, '');
}

export function findCitations(text: string): FoundCitation[] {
  const found: FoundCitation[] = [];
  for (const m of text.matchAll(/《([^《》]{2,120})》/gu)) {
    const end = m.index + m[0].length;
    const shortForm = SHORT_FORM.exec(text.slice(end, end + 40))?.[1];
    found.push({ title: m[1]!, documentKey: documentKey(m[1]!), start: m.index, end, ...(shortForm ? { shortForm } : {}) });
  }
  return found;
}
