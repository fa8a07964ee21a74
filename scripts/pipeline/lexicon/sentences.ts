/**
 * Sentences and clauses of official-document prose, and the clauses that set a measure's support standards: the
 * targets (`../targets/prose.ts`), the support standards (`../incentives.ts`) and the structure stage, which tells a
 * numbered provision from a heading (`../structure/body.ts`), read them alike.
 */

/** The ranges of `text` that end at one of `ends` (and the rest after the last), as [start, end) offsets. */
export function sentenceRanges(text: string, ends = /[。！？!?]/gu): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (const m of text.matchAll(ends)) {
    ranges.push([start, m.index + 1]);
    start = m.index + 1;
  }
  if (start < text.length) ranges.push([start, text.length]);
  return ranges;
}

/**
 * A clause (to the next ，。；) that grants money or a reward, or caps it, sets the support standard of a measure
 * (`对首次认定的高新技术企业给予20万元奖励`, `按增量的10%给予奖励`, `最高不超过200万元`, `一次性奖励50万元`): its numbers
 * say what a body is paid, not what the plan or the region is to reach. (The condition before it, `对年度研发费用超过
 * 500万元的企业`, is a threshold, left out by `../targets/values.ts`.) A clause that also sets a target (`到2025年`, `力争`) is
 * read as usual, and so is the clause beside it (`…给予奖励，全年新增高新技术企业50家`).
 */
const SUPPORT_STANDARD =
  /(?:给予|予以)[^。；;]{0,30}?(?:奖励|补助|资助|补贴|奖补|支持|扶持|贴息)|(?:奖励|补助|资助|补贴|奖补|贴息)(?:资金|标准|金额|额度|比例|总额|额)?(?:为|按|不超过|不高于)?(?:[：:]\p{Script=Han}{0,6}?)?(?:每\p{Script=Han}{1,4})?\d|最高(?:不超过|可达|可获得?|给予|奖励|补助|资助|补贴)?\d|一次性(?:给予|奖励|补助|资助)|支持(?:资金)?\d+(?:\.\d+)?[万亿]?元/u;
const TARGET_CUE = /到(?:19|20)\d{2}年|力争|争取|确保/u;

/**
 * A clause that is only an amount of money, maybe after a short label (`省级50万元`, `市级20万元奖励`): after a support
 * standard in the same sentence (`国家级给予100万元奖励，省级50万元，市级20万元`) it grants as that one does, its verb
 * left out.
 */
const AMOUNT_ONLY = /^\s*\p{Script=Han}{0,6}?\d+(?:\.\d+)?[万亿]?元(?:奖励|补助|资助|补贴)?\s*[，,；;。！？!?]?\s*$/u;

/** The clauses of `text` (offsets, to the next ，。；) that set a support standard and no target; `../incentives.ts` reads their amounts. */
export function supportStandardClauses(text: string): [number, number][] {
  const found: [number, number][] = [];
  let after = false;
  for (const [a, b] of sentenceRanges(text, /[。！？!?；;，,]/gu)) {
    const clause = text.slice(a, b);
    const standard: boolean = (SUPPORT_STANDARD.test(clause) || (after && AMOUNT_ONLY.test(clause))) && !TARGET_CUE.test(clause);
    if (standard) found.push([a, b]);
    // A sentence's end ends what an elliptical clause may continue.
    after = standard && !/[。！？!?]\s*$/u.test(clause);
  }
  return found;
}
