/**
 * Reading the amounts of a paragraph or heading: which indicator each one is for, with which qualifiers, and when.
 *
 * A value's phrase is looked for in the text just before it, back to the previous value, clause mark (，；：) or
 * list mark (、) — quoted text (“人无我有、人有我优”) is one word. Then, in this order:
 * - `分别`: `A、B和C分别达到x、y和z` maps the values to the names in order; with no names before `分别`
 *   (`比2015年分别增加了87家和477家`) the values take the indicators of the values just before, in order;
 * - `其中x家…`: a part of what was just counted, never an indicator of its own;
 * - an indicator phrase (`content/indicators.yaml`) in that text, the one ending nearest the value;
 * - nothing but a verb like `达到` (`突破100家，达到102家`), or nothing at all after a list mark, or a range's dash
 *   (`2.5%—3%`): same as the value before;
 * - nothing but a verb like `新建` (`新建300个企业研发机构`): the noun after the value, if no other value follows it;
 * - a bare `总额`/`总量` (`研发经费投入…,2020年投入总额达到6亿元`): the nearest indicator phrase earlier in the sentence.
 * What remains unmapped keeps the words before (or after) it as its phrase.
 *
 * The measure comes from the words before the value: `年均增长x%` is growth (and may belong to an indicator counted
 * in any unit), `累计` cumulative, `新增`/`新建`/`比2015年…增加了` an increase, anything else a level. `由2015年58家`
 * is a baseline for 2015, `由5.2件增加到10件` a baseline in a year the text does not say (no year: not guessed); everything
 * else is dated by `./time.ts`.
 *
 * The numbers of a sentence about who attended a meeting (`…50多家科技企业代表参加会议`) are not read at all, nor those
 * of a clause setting a measure's support standard (`给予20万元奖励`).
 */
import type { Target } from '../../../src/schemas/plan.ts';
import type { AliasMatch, AliasMatcher } from './aliases.ts';
import { findTimeCues, readTime, type Period } from './time.ts';
import { findValues, type ValueSpan } from './values.ts';
import { sentenceRanges, supportStandardClauses } from '../lexicon/sentences.ts';
import { isLevelListMark, levelOnly } from '../lexicon/levels.ts';

/** Between the two ends of a range (`2.5%—3%`, `2.5%～3%`, `2.5%至3%`). */
const RANGE_MARK = /^\s*(?:[—–\-~～]{1,2}|至)\s*$/u;

/** After a starting amount, the change to the next (`由5.2件增加到10件`, `从2.1%提高至2.8%`). */
const CHANGE_TO = /^\s*(?:以上|左右)?\s*的?\s*(?:提高|提升|增加|增长|上升|扩大|跃升|降低|下降|减少|缩小|压缩)(?:到|至)/u;

export interface ProseContext {
  aliases: AliasMatcher;
  plan: Period | null;
  /** The block sits under a heading about the past (回顾, 发展基础, 进展与成效): undated values are results. */
  pastSection: boolean;
  /** Offsets before this are a heading's numbering and are not read. */
  from: number;
  /**
   * When `text` is a folded reading form of the source (traditional → simplified, converter damage dropped; see
   * `../lexicon/fold.ts`): the verbatim source and the offset maps, so that offsets, `valueText` and `quote` are
   * given in the source. Phrases stay in the reading form.
   */
  view?: SourceView;
}

/** The verbatim text behind a reading form, and how offsets map back to it. */
export interface SourceView {
  source: string;
  /** Source offset of the character at reading-form offset `i`. */
  toSource(i: number): number;
  /** Source offset just after the character that ends before reading-form offset `i`. */
  toSourceEnd(i: number): number;
}

/** A value read from prose: a `Target` without its id, block and line. */
export type ProseTarget = Omit<Target, 'id' | 'blockId' | 'line' | 'cell'>;

interface Reading {
  span: ValueSpan;
  indicatorId: string | null;
  phrase: string;
  /** The whole a `其中` count is part of (`科技领军企业`), carried to the counts listed after it. */
  partOf?: string;
  level?: string;
}

/** Qualifier words, longest first (`增加到` before `增加`, `年均增长` before `年均`). */
const QUALIFIERS = ['年均增长', '力争', '争取', '确保', '突破', '超过', '不低于', '不少于', '累计', '年均', '增长', '新增', '新建', '增加到', '增加', '增至', '提高到', '提高', '提升到', '提升', '达到', '分别', '约', '近', '达', '超'].sort((a, b) => b.length - a.length);
/** Verbs that carry the previous value's subject on to this one (`突破100家，达到102家`, `…151家，年均增长21%`). */
const CONTINUES = /达到|达|增加到|增至|增长到|提高到|提高至|提升到|提升至|上升到|上升至|突破|超过|增长/u;
/** Time phrases to drop from a phrase; the 到/至 of 增至, 提高到 is a verb's, not a date's. */
const TIME = /截[至止](?:到)?(?:目前|\d{4}年(?:末|底)?)|(?:(?<![增高升长加])[到至]|[由比从较])?\d{4}年(?:末|底)?的?|[“"]?十[一二三四五]五[”"]?(?:末|期间|以来|时期)?|全年|年内|目前|已有|现有/gu;
/** `其中` opening the words before a value, in brackets or not: the value is a part of the one before. */
const PART = /^[\s（(]*其中/u;
const LEADING = /^(?:其中|同比|环比|比上年|较上年|全区|全市|我市|我区|本市|全省|全县|力争|争取|确保|累计|共|重点|加快|新增|新建|新培育|新认定|新引进|培育出|培育|建设|遴选|建立|设立|形成|攻克|开发出|促进|支持|引进|建成|落实|帮助|拥有|实现|获得|获|吸引|与|在建|分别|年均增长)/u;
const TRAILING = /(?:力争|争取|确保|累计|分别|达到了?|达|突破|超过|增加到|增加了?|增至|增长到|增长至|增加至|提高到|提高至|提升到|提升至|上升到|上升至|年均增长|增长|提高|提升|为|新增|新建|共计|共|了|的|以|与|和|及)$/u;
/** Right before a rate: the rate is a growth of whatever the phrase names, whatever that is counted in. */
const GROWTH_BEFORE = /(?:年均)?(?:增长|增速|增幅)率?(?:为|达到|达)?$/u;
const RATE_UNIT = /%|％|百分点|倍/u;
const EDGE_PUNCT = /^[\s,，、;；:：()（）]+|[\s,，、;；:：(（]+$/gu;
/** A head noun that names no indicator by itself: look further back. */
const GENERIC = /^(?:投入)?(?:总额|总量|总数|数量|规模)$/u;
/** How far back (or ahead) a phrase is looked for, so that a text without punctuation stays linear to read. */
const LOOK_BACK = 200;
/**
 * A sentence whose predicate is taking part in a meeting (`…50多家科技企业代表参加会议`): its numbers count the people
 * and bodies in the room, not anything the plan or the region measures.
 */
const ATTENDANCE = /(?:参加|出席|列席|参与)了?(?:会议|大会|座谈会|报告会|发布会)/u;
/** `A、B等`: examples of what the number after them counts. */
const EXAMPLES = /等$/u;
/** Where the words after a number stop naming what it counts: the predicate (`15名院士建立了…`, `743个村科普小组实现全覆盖`). */
const PREDICATE = /建立|实现|入围|入住|签约|有望|成为|获得|取得|完成|参与|参加|进入|落户|开展|形成|带动|覆盖|达到|突破|共建/u;
/** The noun the words after a number begin with: up to the predicate, without a joining word at its end (`27个社区和…`). */
function headNoun(after: string): string {
  const cut = PREDICATE.exec(after);
  return (cut && cut.index > 0 ? after.slice(0, cut.index) : after).replace(/[和及与、]+$/u, '');
}

/** The head of a phrase: the words after its last modifier's 的 (`技术领先、规模超10亿的科技领军企业` → `科技领军企业`). */
const headOfPhrase = (phrase: string) => phrase.slice(phrase.lastIndexOf('的') + 1);

/** A quote longer than this (a paragraph that lost its 。) is narrowed to the clauses around the value. */
const QUOTE_MAX = 400;

/** The words of `s` that name the thing counted: time phrases, scope words and verbs removed. */
export function cleanPhrase(s: string): string {
  let out = s.replace(TIME, '').replace(EDGE_PUNCT, '');
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(LEADING, '').replace(TRAILING, '').replace(EDGE_PUNCT, '');
  }
  return out;
}

/** Qualifier words in `region` (single-character ones only right before the value), outside `[skipFrom, skipTo)`. */
function qualifiersIn(region: string, skipFrom = -1, skipTo = -1): string[] {
  const found: string[] = [];
  for (let p = 0; p < region.length; ) {
    // `增加值` (value added) is a noun, not the verb 增加.
    const q = p >= skipFrom && p < skipTo ? undefined : QUALIFIERS.find((w) => region.startsWith(w, p) && !region.startsWith(`${w}值`, p));
    if (!q || (q.length === 1 && p !== region.length - 1)) {
      p++;
      continue;
    }
    found.push(q);
    p += q.length;
  }
  return found;
}

function measureOf(region: string, qualifiers: string[], unit: string): Target['measure'] {
  if (qualifiers.some((q) => q.startsWith('年均') || q === '增长') && RATE_UNIT.test(unit)) return 'growth';
  if (/累计|共计/u.test(region)) return 'cumulative';
  if (/新增|新建|净增|新培育|新认定|新引进|增加(?![到值至])|全年(?:培育|引进|认定)/u.test(region)) return 'increase';
  if (unit === '个百分点' && /提高|提升|增加|上升/u.test(region)) return 'increase';
  return 'level';
}

/**
 * Which characters are inside “…”, "…" or 《…》, or inside brackets that hold no number (`孵化器（含国家级、省级）达到30家`),
 * so that their 、 and ， are not list or clause marks. Brackets with a number (`（其中国家级3家、省级5家）`) hold values
 * of their own, read as the words around them are.
 */
function quotedMask(text: string): boolean[] {
  const mask: boolean[] = [];
  let depth = 0;
  let ascii = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '“' || ch === '《') depth++;
    if (ch === '"') ascii = !ascii;
    mask.push(depth > 0 || ascii);
    if (ch === '”' || ch === '》') depth = Math.max(0, depth - 1);
    if (ch === '。') [depth, ascii] = [0, false];
  }
  for (const m of text.matchAll(/[（(][^（()）。\d０-９]{1,30}[)）]/gu)) mask.fill(true, m.index, m.index + m[0].length);
  return mask;
}


/** Where a value sits: its sentence, clause, list item and the words between it and what came before. */
interface Place {
  sStart: number;
  sEnd: number;
  clauseStart: number;
  listStart: number;
  segStart: number;
  /** Words before the value back to the previous value, clause mark or list mark. */
  seg: string;
  /** The value before, if in the same sentence. */
  prev: Reading | null;
}

interface Subject {
  indicatorId: string | null;
  phrase: string;
  qualifiers: string[];
  partOf?: string;
  /** The level of an indicator counted by level (`AliasMatch.level`). */
  level?: string;
}

/** What a phrase found in the registry says of the subject: its indicator, its words and its level. */
const fromAlias = (alias: AliasMatch | null, phrase: string, qualifiers: string[]): Subject => ({
  indicatorId: alias?.indicatorId ?? null,
  phrase,
  qualifiers,
  ...(alias?.level ? { level: alias.level } : {}),
});
/** The subject of the value before, read again (a range's upper end, a continued list). */
const fromPrevious = (prev: Reading, qualifiers: string[]): Subject => ({ indicatorId: prev.indicatorId, phrase: prev.phrase, qualifiers, ...(prev.level ? { level: prev.level } : {}) });

/** Every value of a paragraph or heading, read. */
export function readProse(text: string, ctx: ProseContext): ProseTarget[] {
  const sentences = sentenceRanges(text);
  const attendance = sentences.filter(([a, b]) => ATTENDANCE.test(text.slice(a, b)));
  const notRead = [...attendance, ...supportStandardClauses(text)];
  const spans = findValues(text, { from: ctx.from }).values.filter((v) => !notRead.some(([a, b]) => v.start >= a && v.start < b));
  const mask = quotedMask(text);
  /** Just after the last mark matching `re` in [from, to), looking back `LOOK_BACK` characters at most. */
  const lastMark = (re: RegExp, from: number, to: number) => {
    const stop = Math.max(from, to - LOOK_BACK);
    for (let i = to - 1; i >= stop; i--) if (re.test(text[i]!) && !mask[i]) return i + 1;
    return stop;
  };
  const clauseOf = (sStart: number, at: number) => lastMark(/[，,；;：:]/u, sStart, at);
  const cues = findTimeCues(text, ctx.plan);
  const readings: Reading[] = [];

  const groups = new Map<number, ValueSpan[]>();
  /** `A、B和C分别达到x、y和z`: the group is every value of this clause after 分别. */
  const readListed = (span: ValueSpan, i: number, at: Place, fenbie: number): Subject => {
    let group = groups.get(fenbie);
    if (!group) {
      group = [];
      for (let j = i; j < spans.length && spans[j]!.start < at.sEnd && clauseOf(at.sStart, spans[j]!.start) === at.clauseStart; j++) group.push(spans[j]!);
      groups.set(fenbie, group);
    }
    const k = group.indexOf(span);
    const namesText = text.slice(at.clauseStart, fenbie);
    const names = splitNames(namesText, mask.slice(at.clauseStart, fenbie));
    const qualifiers = qualifiersIn(text.slice(fenbie, group[0]!.start));
    if (names.length === group.length) {
      // `国家级、省级科技企业孵化器分别达到3家和10家`: a name that is only a level counts the last name's things at it.
      const level = levelOnly(names[k]!);
      const head = level ? ctx.aliases.last(names.at(-1)!, span.unit) : null;
      if (level && head && ctx.aliases.byLevel(head.indicatorId)) return { ...fromAlias(head, head.text, qualifiers), level };
      const alias = ctx.aliases.last(names[k]!, span.unit);
      return fromAlias(alias, alias?.text ?? cleanPhrase(names[k]!), qualifiers);
    }
    // No names of their own (`比2015年分别增加了87家和477家`): those of the values just before, in order.
    const earlier: Reading[] = [];
    for (let j = readings.length - 1; j >= 0 && earlier.length < group.length && readings[j]!.span.start >= at.sStart; j--) {
      if (readings[j]!.span.end <= at.clauseStart) earlier.unshift(readings[j]!);
    }
    const from = earlier.length === group.length ? earlier[k]! : null;
    return from ? fromPrevious(from, qualifiers) : { indicatorId: null, phrase: cleanPhrase(namesText), qualifiers };
  };

  const readSubject = (span: ValueSpan, at: Place, next: ValueSpan | undefined): Subject => {
    const { seg, prev } = at;
    // A part may stand in brackets after its whole (`达到30家（其中国家级3家）`).
    const part = PART.test(seg);
    // A growth rate (`研发经费投入年均增长10%`) belongs to its phrase whatever unit the phrase is counted in.
    const lookupUnit = GROWTH_BEFORE.test(seg) && RATE_UNIT.test(span.unit) ? '' : span.unit;
    const alias = part ? null : ctx.aliases.last(seg, lookupUnit);
    const qualifiers = qualifiersIn(seg, alias?.start ?? -1, alias?.end ?? -1);
    const core = cleanPhrase(seg);
    const after = afterPhrase(text, span, next, mask, at.sEnd);
    if (alias) return fromAlias(alias, alias.text, qualifiers);
    // `…100家科技领军企业,其中5家超50亿元、30家超20亿元`: a part of the count before, named by it and the words after.
    // `科技企业孵化器达到8家，其中国家级3家、省级5家`: a level of the count before, where the registry counts it by level.
    const level = prev?.indicatorId && ctx.aliases.byLevel(prev.indicatorId) ? levelOnly(seg.replace(PART, '')) : undefined;
    if (level) return { ...fromPrevious(prev!, qualifiers), level };
    const whole = part ? headOfPhrase(prev?.phrase ?? '') : prev?.partOf;
    if (part || (whole && core === '' && after.text && at.listStart > at.clauseStart)) {
      const phrase = whole ? `${whole}中${after.text}的` : `其中${after.text ? `…${after.text}` : ''}`;
      return { indicatorId: null, phrase, qualifiers, partOf: whole || undefined };
    }
    // `达到2.5%—3%`: the range's upper end is the same indicator's.
    if (prev && at.segStart === prev.span.end && RANGE_MARK.test(seg)) return fromPrevious(prev, qualifiers);
    if (core === '' && prev && (CONTINUES.test(seg) || at.segStart === prev.span.end || at.listStart > at.clauseStart)) {
      return fromPrevious(prev, qualifiers);
    }
    // The thing counted named after the number: nothing before it (`培育20家瞪羚企业`), or examples of it before
    // (`金士顿等8个创新创业团队`, `…润丰林业、叁迪光学6家企业项目入围国家赛`), or after a joining word (`27个社区和743个村科普小组`).
    const counted = headNoun(after.text);
    const listed = (at.listStart > at.clauseStart && at.segStart === at.listStart) || /[和及与]$/u.test(seg);
    if (core === '' || (counted && after.alone && (EXAMPLES.test(core) || listed))) {
      const found = after.alone ? ctx.aliases.last(after.text, span.unit) : null;
      return fromAlias(found, found ? after.text : counted || after.text, qualifiers);
    }
    if (GENERIC.test(core)) {
      const found = ctx.aliases.last(text.slice(Math.max(at.sStart, at.segStart - LOOK_BACK), at.segStart), span.unit);
      return fromAlias(found, found ? `${found.text}（${core}）` : core, qualifiers);
    }
    return { indicatorId: null, phrase: core.length <= 3 && after.text ? `${core}…${after.text}` : core, qualifiers };
  };

  let sentence = 0;
  return spans.map((span, i) => {
    while (sentences[sentence]![1] <= span.start) sentence++;
    const [sStart, sEnd] = sentences[sentence]!;
    const prev = i > 0 && spans[i - 1]!.end > sStart ? readings[i - 1]! : null;
    const clauseStart = clauseOf(sStart, span.start);
    let listStart = lastMark(/[、]/u, clauseStart, span.start);
    // `国家级、省级科技企业孵化器达到20家`: a 、 between levels lists the levels of one thing, not things.
    while (listStart > clauseStart && isLevelListMark(text, listStart - 1)) listStart = lastMark(/[、]/u, clauseStart, listStart - 1);
    const segStart = Math.max(listStart, prev?.span.end ?? 0);
    const at: Place = { sStart, sEnd, clauseStart, listStart, segStart, seg: text.slice(segStart, span.start), prev };
    const fenbie = text.slice(clauseStart, span.start).lastIndexOf('分别');
    const listed = fenbie >= 0 && !mask[clauseStart + fenbie];
    const subject = listed ? readListed(span, i, at, clauseStart + fenbie) : readSubject(span, at, spans[i + 1]);
    const qualifiers = [...subject.qualifiers, ...span.qualifiers];
    readings.push({ span, indicatorId: subject.indicatorId, phrase: subject.phrase, partOf: subject.partOf, level: subject.level });

    // `比2015年分别增加了87家`, `较2015年增长1.5倍`: a change since that year.
    const comparisonYear = Number(/[比较]((?:19|20)\d{2})年/u.exec(text.slice(clauseStart, span.start))?.[1] ?? NaN) || null;
    const measured = measureOf(text.slice(listStart, span.start), qualifiers, span.unit);
    const measure = comparisonYear && measured === 'level' ? 'increase' : measured;
    const baseline = /[由从]((?:19|20)\d{2})年(?:末|底)?的?$/u.exec(text.slice(Math.max(sStart, span.start - 10), span.start));
    // `由5.2件增加到10件`: where the amount starts from, in a year the sentence does not say.
    const undatedStart = !baseline && /[由从]$/u.test(text.slice(Math.max(sStart, span.start - 1), span.start)) && CHANGE_TO.test(text.slice(span.end, sEnd));
    const time = readTime(cues, span.start, ctx.plan, ctx.pastSection);
    const year = baseline ? Number(baseline[1]) : undatedStart ? null : time.year;
    const [qFrom, qTo] = quoteRange(text, mask, sStart, sEnd, span);
    const view = ctx.view;
    const quote = view ? view.source.slice(view.toSource(qFrom), view.toSourceEnd(qTo)) : text.slice(qFrom, qTo);
    const [start, end] = view ? [view.toSource(span.start), view.toSourceEnd(span.end)] : [span.start, span.end];
    return {
      indicatorId: subject.indicatorId,
      phrase: subject.phrase || cleanPhrase(text.slice(clauseStart, span.start)) || text.slice(qFrom, qTo),
      ...(subject.level ? { level: subject.level } : {}),
      phraseEn: null,
      value: span.value,
      valueText: view ? view.source.slice(start, end) : span.valueText,
      unit: span.unit,
      year,
      period: undatedStart ? null : comparisonYear && year ? { start: comparisonYear, end: year } : measure === 'cumulative' || measure === 'growth' ? time.period : null,
      qualifiers,
      kind: baseline || undatedStart ? 'baseline' : time.kind,
      measure,
      quote,
      start,
      end,
    };
  });
}

/** `[from, to)` narrowed to leave out whitespace at both ends (what `String.prototype.trim` drops). */
function trimmed(text: string, from: number, to: number): [number, number] {
  while (from < to && /\s/u.test(text[from]!)) from++;
  while (to > from && /\s/u.test(text[to - 1]!)) to--;
  return [from, to];
}

/**
 * Where the quote of `span` is: the sentence holding it, trimmed; if longer than `QUOTE_MAX` (003 lost most of its
 * 。), the part between the semicolons around the value, or failing that between the commas.
 */
function quoteRange(text: string, mask: boolean[], sStart: number, sEnd: number, span: ValueSpan): [number, number] {
  const whole = trimmed(text, sStart, sEnd);
  if (whole[1] - whole[0] <= QUOTE_MAX) return whole;
  const isMark = (re: RegExp, i: number) => re.test(text[i]!) && !mask[i];
  for (const marks of [/[；;]/u, /[，,；;：:]/u]) {
    let from = span.start;
    while (from > Math.max(sStart, span.start - QUOTE_MAX) && !isMark(marks, from - 1)) from--;
    let to = span.end;
    while (to < Math.min(sEnd, span.end + QUOTE_MAX) && !isMark(marks, to)) to++;
    if (to < sEnd && isMark(marks, to)) to++;
    const quote = trimmed(text, from, to);
    if (quote[1] - quote[0] <= QUOTE_MAX) return quote;
  }
  return trimmed(text, Math.max(sStart, span.start - QUOTE_MAX / 2), Math.min(sEnd, span.end + QUOTE_MAX / 2));
}

/**
 * Names before 分别: split at 、 (outside quotes), and the last one at 和/及/与. A bare head noun (`总量`) is no name
 * of its own: `高新技术企业和科技型企业实现双倍增、总量分别超过1000家和4500家` names two kinds of enterprise.
 */
function splitNames(text: string, mask: boolean[]): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || (text[i] === '、' && !mask[i])) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  const names = parts.filter((n) => !GENERIC.test(cleanPhrase(n)));
  const droppedHead = names.length < parts.length;
  const last = names.pop() ?? '';
  const m = /^(.+?)(?:以及|和|及|与)(.+)$/u.exec(last);
  // Split at 和 where other names stand before it, or where it joins two levels (`国家级和省级众创空间`).
  names.push(...(m && (names.length > 0 || droppedHead || levelOnly(m[1]!)) ? [m[1]!, m[2]!] : [last]));
  return names.filter((n) => cleanPhrase(n) !== '');
}

/** The words after a value up to the end of its clause or an opening bracket; `alone` when no other value comes before that end. */
function afterPhrase(text: string, span: ValueSpan, next: ValueSpan | undefined, mask: boolean[], sEnd: number): { text: string; alone: boolean } {
  let end = span.end;
  const stop = Math.min(sEnd, span.end + LOOK_BACK);
  // An aside in brackets (`（责任单位：区科技局）`) ends the words as a clause mark does.
  while (end < stop && !(/[，,；;：:。！？!?]/u.test(text[end]!) && !mask[end]) && !/[（(]/u.test(text[end]!)) end++;
  const alone = !next || next.start >= end;
  const words = text.slice(span.end, alone ? end : next.start).replace(/^的/u, '').replace(EDGE_PUNCT, '');
  return { text: words, alone };
}
