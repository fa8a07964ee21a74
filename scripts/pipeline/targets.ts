/**
 * The quantitative statements of a plan — targets, baselines and reported results — each with its indicator, its
 * sentence and its exact place in the text, so that every number on a page can be traced and compared.
 *
 * ## What counts as a quantitative statement
 * An amount written in Arabic numerals with its unit (`3.2%`, `530家`, `1万家`, `40.5亿元`, `30余万亩`, `90.75分`),
 * or a number in a value column of an indicator table, that states the level, growth, total or increment of
 * something in the plan's region — in the future (`target`), at a starting point (`baseline`: `由2015年58家`, a
 * `基数` column) or in the past (`achievement`: `截至2019年末…28%`, `十三五末…99家`). A number whose unit the scrape
 * lost (`落地实体项目25。`) still counts, with unit `''`; a table placeholder (`—`) counts with value `null`.
 * NOT quantitative statements:
 * - years, year ranges and dates (`2022年`, `(2020—2022年)`, `2021年4月7日`), document numbers (`〔2021〕5号`);
 * - ordinals and ranks (`第189次`, `第53位`, `由原来的26位提升到21位`), heading numbers (`1.`, `(1)`), the 序号
 *   column and the numbering of table rows (`2.每万人口…`);
 * - numbers that are part of a name (`5G`, `3D`, `5A级`, `B2B`, `863计划`, `“1253”工程`, `4+1`, `500强`, `10大科技示范工程`)
 *   and anything inside a cited title 《…》;
 * - thresholds that define what is counted (`规模超10亿的科技领军企业`, `其中5家超50亿元`: the 5家 counts, 50亿元 does not);
 * - durations (`20分钟交通圈`), and amounts in Chinese numerals (`三大产业`, `五个一`), which these texts use for
 *   names and enumerations, not for targets;
 * - counts of the plan's own tasks, measures and supporting projects (`9大重点任务`, `20个重点支撑项目`): they say how
 *   the plan is organised, not how much of anything the region has;
 * - the numbers of a sentence about who attended a meeting (`50多家科技企业…代表参加会议`);
 * - what a scraped page wraps around the text: portal index numbers and times (`059422325-0480-2024-00919`,
 *   `2022-03-09 10:38`, `11/08`), dates whose 年月日 or dash were lost (`2021106`, `202179`, `20232025`), the list
 *   numbers of a table of contents (`1.产业自主创新能力逐步提高 2.高新技术产业稳步发展`, `(1)`), and digits beside a
 *   broken decoder's `?` or markup residue (`2021??2?/p>`, `局9/p>`);
 * - table captions and header cells.
 *
 * Ranks stay out even where a reader would list them (`居全国第17位`, `比2015年提升3位`, `位列全省第三位`): a rank is
 * not an amount, and cannot be compared or added up like one.
 *
 * ## Traditional characters and converter damage
 * A block in traditional characters, or with the pinyin a web converter left after characters (`達(dá)到2.8%`,
 * `研發(fā)經(jīng)費`), is read in its folded form (`./lexicon/fold.ts`: simplified, damage dropped), so that the
 * indicator phrases, qualifiers and time phrases of the registry and of these rules match it; offsets, `valueText`
 * and `quote` are mapped back to the verbatim text, `phrase` stays in the folded form. Units are given in simplified
 * form (`4萬家` → 40000 `家`, `1200億元` → 1200 `亿元`).
 *
 * ## Offsets
 * `start`/`end` are UTF-16 offsets, `end` exclusive, into the block's `text` — or, for a table (`cell` set), into
 * the text of `rows[cell.row][cell.col]` — and always `text.slice(start, end) === valueText`. `valueText` runs from
 * the first digit through `余`/`多`, `万`/`亿`, the unit and a trailing `以上`/`左右`/`以内`/`以下`; qualifiers written
 * before the number (`力争`, `突破`, `累计`, `年均增长` …) are in `qualifiers`, not in `valueText`. `quote` is the
 * sentence holding the value (up to 。！？), trimmed, a substring of the same text; for a table cell it is the cell text.
 *
 * ## Values
 * `value` is in `unit`: 万, 亿 and 万亿 multiply counts and areas (`1万家` → 10000 `家`, `2.6万平方米` → 26000
 * `平方米`); money keeps the unit as written (`40.5亿元` → 40.5 `亿元`, `3.57万亿元` → 3.57 `万亿元`), and so does an
 * amount whose unit the excerpt cut (`900亿` → 900 `亿`), unless it is a value of an indicator counted in money: then
 * it is in the indicator's unit (`5000万元` of 技术合同成交额 → 0.5 `亿元`, `900亿` of 研发经费投入 → 900 `亿元`;
 * `./lexicon/units.ts`), as the written amount in `valueText`, so that plans' values compare and add up.
 * `year` is the year the text gives or implies: `到2022年` → 2022, `十三五末` → 2020, `截至目前` → `null`; an undated
 * target is for the plan's last year; an undated value under a heading about the past (回顾, 发展基础) has `null`.
 *
 * Pure: the indicator registry and the plan period come in through `ctx`; reading files is the runner's job.
 */
import { parseYamlWithFriendlyErrors } from '../../src/schemas/friendly-errors.ts';
import { IndicatorsSchema, type Indicator } from '../../src/schemas/indicator.ts';
import type { Block, RichText, Target } from '../../src/schemas/plan.ts';
import { foldWidth, toMatchForm } from './lexicon/fold.ts';
import { findChineseAmounts } from './lexicon/numerals.ts';
import { moneyIn } from './lexicon/units.ts';
import { lineAt } from './marks.ts';
import { compileAliases } from './targets/aliases.ts';
import { readProse, type SourceView } from './targets/prose.ts';
import { readTable } from './targets/tables.ts';

export interface TargetContext {
  /** The registry, `content/indicators.yaml` (see `parseIndicators`). */
  indicators: Indicator[];
  /** The plan period: years before `start` are the past, later ones the future; `end` dates undated targets. */
  period: { start: number; end: number } | null;
}

/** Headings under which undated numbers report the past (一、“十三五”科技创新回顾, （一）发展基础, 进展与成效, 2022年工作总结 …). */
const PAST_SECTION = /回顾|发展基础|基础与优势|进展与成效|发展现状|主要成就|发展成就|发展成效|取得.*成效|工作总结/u;

/**
 * Every quantitative statement in `blocks`, in reading order, with ids `v1`, `v2` …. A number that no indicator
 * fits is kept with `indicatorId: null` and the words that describe it in `phrase`: nothing is dropped silently.
 */
export function extractTargets(blocks: Block[], ctx: TargetContext): Target[] {
  const aliases = compileAliases(ctx.indicators);
  const unitOf = new Map(ctx.indicators.map((i) => [i.id, i.unit]));
  const headings: string[] = [];
  const targets: Target[] = [];
  const push = (t: Omit<Target, 'id'>) => targets.push({ id: `v${targets.length + 1}`, ...inIndicatorUnit(t, unitOf) });
  for (const block of blocks) {
    if (block.kind === 'heading') {
      headings.length = Math.min(headings.length, block.level - 1);
      headings[block.level - 1] = block.title;
    }
    if (block.kind === 'table') {
      for (const t of readTable(block, aliases, ctx.period)) push({ ...t, blockId: block.id });
      continue;
    }
    // A table of contents' numbers are its page numbers.
    if (block.kind === 'paragraph' && block.role === 'toc') continue;
    const from = block.kind === 'heading' && block.text.startsWith(block.number) ? block.number.length : 0;
    const pastSection = headings.some((h) => h && PAST_SECTION.test(simplifiedOnly(h)));
    const view = readingForm(block.text);
    const reading = view ? { text: view.text, from: view.fromSource(from), view } : { text: block.text, from };
    for (const t of readProse(reading.text, { aliases, plan: ctx.period, pastSection, from: reading.from, view: reading.view })) {
      push({ ...t, blockId: block.id, cell: null, line: lineAt(block, t.start) });
    }
  }
  return targets;
}

/** A money value of a money indicator in the indicator's unit (`5000万元` → 0.5 `亿元`); any other as read. */
function inIndicatorUnit<T extends Pick<Target, 'indicatorId' | 'value' | 'unit'>>(t: T, unitOf: ReadonlyMap<string, string>): T {
  const to = t.indicatorId === null ? undefined : unitOf.get(t.indicatorId);
  if (to === undefined || t.unit === to) return t;
  const value = moneyIn(t.value, t.unit, to);
  return value === null ? t : { ...t, value, unit: to };
}

const FULL_WIDTH_DIGIT = /[０-９]/u;

/**
 * The text the rules read for `text`, when it is not `text` itself: a text with full-width digits (`５００家`), in
 * traditional characters, or with the tone-marked pinyin a web converter left after characters (`達(dá)到2.8%`), is
 * read in its folded, simplified form (`达到2.8%`); amounts in Chinese numerals are read in digits (`突破一千家` →
 * `突破1000家`, `百分之五十` → `50%`; scripts/pipeline/lexicon/numerals.ts). What is found is mapped back to the
 * verbatim text (`valueText` stays `一千家`). A simplified text with digits only is read as written.
 */
export function readingForm(text: string): (SourceView & { text: string; fromSource(i: number): number }) | null {
  const form = toMatchForm(text);
  const amounts = findChineseAmounts(form.text);
  // Width alone (，；％ for ,;%) the rules read both ways; not digits (`达到５００家`: an amount only in its folded form).
  const same = form.text.length === text.length && !FULL_WIDTH_DIGIT.test(text) && [...form.text].every((ch, i) => ch === text[i] || ch === foldWidth(text[i]!));
  if (same && amounts.length === 0) return null;
  // Source offsets of each reading-form unit: a numeral's digits all stand for the whole numeral.
  let reading = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  const copy = (to: number) => {
    for (; i < to; i++) {
      reading += form.text[i];
      starts.push(form.toSource(i));
      ends.push(form.toSourceEnd(i + 1));
    }
  };
  for (const a of amounts) {
    copy(a.start);
    for (const ch of a.arabic) {
      reading += ch;
      starts.push(form.toSource(a.start));
      ends.push(form.toSourceEnd(a.end));
    }
    i = a.end;
  }
  copy(form.text.length);
  const toSource = (n: number) => (n <= 0 ? (starts[0] ?? 0) : n >= starts.length ? text.length : starts[n]!);
  return {
    text: reading,
    source: text,
    toSource,
    toSourceEnd: (n) => (n <= 0 ? (starts[0] ?? 0) : n > ends.length ? text.length : ends[n - 1]!),
    fromSource(s) {
      let k = 0;
      while (k < starts.length && starts[k]! < s) k++;
      return k;
    },
  };
}

/** A heading's title as the section rules read it (traditional characters folded). */
function simplifiedOnly(title: string): string {
  return readingForm(title)?.text ?? title;
}

/**
 * The rich text a target's offsets refer to: the block itself, or the table cell `cell` names. A `target` mark
 * `{ kind: 'target', start, end, targetId: id }` goes on it; it may fall inside a `repair` mark (003's repaired
 * lists), never across one.
 */
export function richTextOfTarget(block: Block, target: Pick<Target, 'blockId' | 'cell'>): RichText {
  if (block.id !== target.blockId) throw new Error(`target of block ${target.blockId} looked up in block ${block.id}`);
  if (!target.cell) {
    if (block.kind === 'table') throw new Error(`target in table ${block.id} has no cell`);
    return block;
  }
  const cell = block.kind === 'table' ? block.rows[target.cell.row]?.[target.cell.col] : undefined;
  if (!cell) throw new Error(`no cell ${target.cell.row},${target.cell.col} in block ${block.id}`);
  return cell;
}

/** Read and validate `content/indicators.yaml`; errors name the file and the line of each bad value. */
export function parseIndicators(yamlText: string, file: string): Indicator[] {
  return parseYamlWithFriendlyErrors(IndicatorsSchema, yamlText, file);
}
