/**
 * Stage: a measure's support standards. A clause that grants money or a reward, or caps it
 * (`./lexicon/sentences.ts`, `supportStandardClauses`: `对首次认定的高新技术企业给予20万元奖励`, `按增量的10%给予奖励`,
 * `最高不超过200万元`) says what a body is paid, not what the region is to reach: its amounts are not targets. They are
 * what a reader of a measure looks for first, and what a researcher compares across cities; each is kept here with
 * its clause and sentence. Read from paragraphs (a measure's articles) and table cells (a table of standards), in money
 * (`元`, `万元`, `亿元`) or as a share (`%`); a clause's other numbers (a count of people, a term) are neither.
 */
import type { Block, Incentive } from '../../src/schemas/plan.ts';
import type { SupportSubject } from '../../src/schemas/support-subjects.ts';
import { foldWidth, simplify, toMatchForm } from './lexicon/fold.ts';
import { findForms, type Form } from './terms.ts';
import { sentenceRanges, supportStandardClauses } from './lexicon/sentences.ts';
import { findValues } from './targets/values.ts';
import { isMoney, yuanOf } from './lexicon/units.ts';
import { levelAt, levelOfList, levelsIn } from './lexicon/levels.ts';
import { readingForm } from './targets.ts';
import { cellLine, lineAt } from './marks.ts';

/**
 * Whom a sentence grants to: `对` and the words after it, to a clause mark or the verb that grants (`对首次认定的高新技术
 * 企业给予` → `首次认定的高新技术企业`), the last such before the amount. `对…的` conditions are kept whole: they say who.
 * Not `对接`, `对外`, `对于`, `对照`, `对标`, `对比`, `对此`, `对应`, `对象`.
 */
const RECIPIENT = /对(?![接外于照标比此应象])([^，。；,;：:]{2,40}?)(?=[，,]|分别|给予|予以|按|一次性|奖励|补助|资助|补贴)/gu;

/**
 * A sentence that opens by naming whom it is for, without 对 (`经认定的新型研发机构，按其…`, `入选国家级人才计划的，给予…`,
 * `引进的博士，生活补助…`): its first clause, when it holds no number and no granting word and does not open with what
 * a purpose or an action opens with (`为支持企业创新，`, `鼓励企业…，`).
 */
const OPENING_RECIPIENT = /^(?!为|根据|依据|按|在|围绕|鼓励|引导|推动|推进|加快|加强|对|支持|同时|此外|另外|其中)([^，。；,;：:\d０-９]{2,40}?)[，,]/u;
const GRANTING = /给予|予以|奖励|补助|资助|补贴|奖补|贴息|支持/u;

/**
 * Where the last recipient before `before` stands in `sentence` (offsets of the words after 对, or of its opening), if
 * any: first in the part after the last `；` before the amount (`…；获批省级众创空间的，一次性奖励10万元`: that part
 * names its own), else in the whole sentence (`…；单个企业最高不超过100万元`: the first part's).
 */
function recipientOf(sentence: string, before: number): [number, number] | null {
  const semicolon = Math.max(sentence.lastIndexOf('；', before), sentence.lastIndexOf(';', before));
  if (semicolon >= 0) {
    const own = recipientIn(sentence.slice(semicolon + 1), before - semicolon - 1);
    if (own) return [own[0] + semicolon + 1, own[1] + semicolon + 1];
  }
  return recipientIn(sentence, before);
}

function recipientIn(sentence: string, before: number): [number, number] | null {
  let found: [number, number] | null = null;
  for (const m of sentence.matchAll(RECIPIENT)) if (m.index < before) found = [m.index + 1, m.index + 1 + m[1]!.length];
  if (found) return found;
  // A provision's number (`（二）新认定的重点实验室，…`) is not whom it is for.
  const lead = ITEM_NUMBER.exec(sentence)?.[0].length ?? 0;
  const opening = OPENING_RECIPIENT.exec(sentence.slice(lead));
  return opening && lead + opening[1]!.length < before && !GRANTING.test(opening[1]!) ? [lead, lead + opening[1]!.length] : null;
}

/** A provision's number before its first clause (`（三）按…`), which is not part of the clause. */
const ITEM_NUMBER = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．]|[一二三四五六七八九十]{1,3}、)\s*/u;

/** Before an amount in its clause: the amount is the most a body may get. */
const CAP = /最高|不超过|不高于|最多|上限|封顶/u;

/** Where a text stands: a paragraph's own, or a table's cell (`row` of its body rows). */
interface Place {
  block: Block;
  cell: { row: number; col: number } | null;
  /** In a table of standards: the row's cell before the amount's that names what it is for (`首次认定的国家高新技术企业`). */
  rowSubject?: string | null;
}

/** The cell before `col` of a table row that names what the row's standard is for: the last that is not a number (序号). */
const rowSubjectOf = (cells: readonly { text: string }[], col: number) =>
  cells
    .slice(0, col)
    .map((c) => c.text.trim())
    .filter((t) => t !== '' && !/^[\d０-９]+[.、．]?$/u.test(t))
    .at(-1) ?? null;

/** The support standards of one text (a paragraph, or a cell of a table of standards), ids left to the caller. */
function readIncentives(text: string, place: Place): Omit<Incentive, 'id' | 'subjectId'>[] {
  // Read as the targets are (`./targets.ts`, `readingForm`): full-width digits, traditional characters and converter
  // damage folded, offsets mapped back, so that a clause the targets leave out is one read here; given as written.
  const view = readingForm(text);
  const reading = view?.text ?? text;
  const from = (i: number) => (view ? view.toSource(i) : i);
  const to = (i: number) => (view ? view.toSourceEnd(i) : i);
  const clauses = supportStandardClauses(reading);
  if (clauses.length === 0) return [];
  const sentences = sentenceRanges(reading);
  const found: Omit<Incentive, 'id' | 'subjectId'>[] = [];
  for (const v of findValues(reading).values) {
    const clause = clauses.find(([a, b]) => v.start >= a && v.start < b);
    if (!clause || !(isMoney(v.unit) || v.unit === '%')) continue;
    const [sa, sb] = sentences.find(([a, b]) => v.start >= a && v.start < b)!;
    const recipient = recipientOf(reading.slice(sa, sb), v.start - sa);
    const { block, cell } = place;
    found.push({
      valueText: text.slice(from(v.start), to(v.end)),
      value: v.value,
      unit: v.unit,
      yuan: yuanOf(v.value, v.unit),
      cap: CAP.test(reading.slice(clause[0], v.start)),
      clause: text.slice(from(clause[0]), to(clause[1])).replace(/[，,；;。！？!?]$/u, '').trim().replace(ITEM_NUMBER, ''),
      recipient: recipient ? text.slice(from(sa + recipient[0]), to(sa + recipient[1])).trim() : (place.rowSubject ?? null),
      quote: text.slice(from(sa), to(sb)).trim(),
      blockId: block.id,
      ...(cell ? { cell } : {}),
      start: from(v.start),
      end: to(v.end),
      line: cell && block.kind === 'table' ? cellLine(block, cell.row, cell.col) : lineAt(block, from(v.start)),
    });
  }
  return found;
}

/** The forms of the support subjects, for `findForms` (simplified, as the texts are matched). */
function subjectForms(subjects: readonly SupportSubject[]): Form[] {
  return subjects.flatMap((s) => s.forms.map((f) => ({ form: simplify(f), id: s.id, notIn: s.notIn.map(simplify) })));
}

/**
 * What a standard rewards (`content/support-subjects.yaml`): the subject named last in whom it is for (the head of
 * the phrase: `对科技型中小企业获得的银行贷款` is for loans, `对年度研发费用超过500万元的企业` for R&D spending), else
 * named first in its clause, else in its sentence (`引进的博士，生活补助标准为…` → talent); `null` when none names one.
 */
export function subjectOf(incentive: Pick<Incentive, 'recipient' | 'clause' | 'quote'>, forms: readonly Form[]): string | null {
  const named = (text: string | null) => (text ? findForms(toMatchForm(text).text, forms) : []);
  return named(incentive.recipient).at(-1)?.id ?? named(incentive.clause)[0]?.id ?? named(incentive.quote)[0]?.id ?? null;
}

/**
 * A column of a table of standards that gives its amounts as bare numbers, its head naming the support and the unit
 * (`支持标准（万元）`, `奖励金额(元)`): the unit, or null.
 */
const STANDARD_COLUMN = /(?:支持|奖励|补助|资助|补贴|奖补|扶持)[^（()）]*[（(]\s*(元|万元|亿元)\s*[）)]/u;
const BARE_AMOUNT = /^\s*(\d+(?:\.\d+)?)\s*$/u;

/** The amount of a cell under such a column (`20` under `支持标准（万元）`), with whom its row names and whether its row caps it. */
function bareAmount(block: Extract<Block, { kind: 'table' }>, row: number, col: number): Omit<Incentive, 'id' | 'subjectId'> | null {
  const cells = block.rows[row]!;
  const text = cells[col]!.text;
  const amount = BARE_AMOUNT.exec(foldWidth(text));
  const unit = STANDARD_COLUMN.exec(simplify(block.head.at(-1)?.[col]?.text ?? ''))?.[1];
  if (!amount || !unit) return null;
  const value = Number(amount[1]);
  const start = text.search(/\S/u);
  return {
    valueText: text.trim(),
    value,
    unit,
    yuan: yuanOf(value, unit),
    cap: cells.some((c, k) => k !== col && CAP.test(c.text)),
    clause: text.trim(),
    recipient: rowSubjectOf(cells, col),
    quote: text.trim(),
    blockId: block.id,
    cell: { row, col },
    start,
    end: start + text.trim().length,
    line: cellLine(block, row, col),
  };
}

/** Every support standard of the body, in reading order: in paragraphs, and in the cells of tables (a table of standards). */
export function extractIncentives(blocks: Block[], subjects: readonly SupportSubject[]): Incentive[] {
  const found: Omit<Incentive, 'id' | 'subjectId'>[] = [];
  for (const block of blocks) {
    if (block.part !== 'body') continue;
    if (block.kind === 'paragraph') found.push(...readIncentives(block.text, { block, cell: null }));
    if (block.kind !== 'table') continue;
    block.rows.forEach((cells, row) =>
      cells.forEach((c, col) => {
        const read = readIncentives(c.text, { block, cell: { row, col }, rowSubject: rowSubjectOf(cells, col) });
        const bare = read.length === 0 ? bareAmount(block, row, col) : null;
        found.push(...read, ...(bare ? [bare] : []));
      }),
    );
  }
  const forms = subjectForms(subjects);
  const byLevel = new Set(subjects.filter((s) => s.levels).map((s) => s.id));
  const levels = levelsOf(found);
  return found.map((f, i) => {
    const subjectId = subjectOf(f, forms);
    const level = subjectId !== null && byLevel.has(subjectId) ? levels[i] : undefined;
    return { id: `i${i + 1}`, ...f, ...(level ? { level } : {}), subjectId };
  });
}

/**
 * The level of each standard (kept for a subject that comes at levels, `levels` in the registry): a level written
 * just before its amount (`国家级100万元`), else the one level whom it is for names, else its clause
 * (`国家级给予100万元`); where whom it is for names several (`对新认定的国家级、省级、市级孵化器，分别给予100万元、50万元、
 * 20万元`) and its sentence grants as many amounts to them with 分别, each amount the level in its place; one amount
 * alone, all of them as one scope (`国家级、省级` → `省级以上`, `levelOfList`).
 */
function levelsOf(found: readonly Pick<Incentive, 'recipient' | 'clause' | 'quote' | 'blockId' | 'valueText'>[]): (string | undefined)[] {
  const named = (text: string | null) => (text ? levelsIn(toMatchForm(text).text) : []);
  return found.map((f) => {
    // `按照国家级100万元、省级50万元的标准`: a level written just before the amount is its own.
    const clause = toMatchForm(f.clause).text;
    const at = clause.indexOf(toMatchForm(f.valueText).text);
    const before = at > 0 ? levelAt(clause, at, at) : undefined;
    if (before) return before;
    const inRecipient = named(f.recipient);
    if (inRecipient.length === 1) return inRecipient[0];
    if (inRecipient.length === 0) {
      const inClause = named(f.clause);
      return inClause.length === 1 ? inClause[0] : undefined;
    }
    const same = found.filter((g) => g.blockId === f.blockId && g.quote === f.quote && g.recipient === f.recipient);
    if (/分别/u.test(f.quote)) return same.length === inRecipient.length ? inRecipient[same.indexOf(f)] : undefined;
    // One amount for several levels (`对新认定的国家级、省级孵化器，给予50万元奖励`): for all of them, one scope.
    return same.length === 1 ? levelOfList(inRecipient) : undefined;
  });
}
