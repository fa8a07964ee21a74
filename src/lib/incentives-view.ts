/**
 * A measure's support standards as its analysis page lists them (src/components/plan/IncentivesSection.astro): each
 * amount, whether it is a standard, a cap or a share, and where it stands (`第一条`, or its line).
 */
import type { Incentive, PlanDocument } from '../schemas/plan.ts';
import { UNGROUPED_SUBJECT as UNGROUPED, type SupportSubject } from '../schemas/support-subjects.ts';
import { csvCell as cell } from './csv.ts';
import { planTitle } from './plan-view.ts';
import { levelRank } from '../../scripts/pipeline/lexicon/levels.ts';

export type IncentiveKind = 'standard' | 'cap' | 'share';

export interface IncentiveRow {
  incentive: Incentive;
  kind: IncentiveKind;
  /** The article it stands in as the text names it (`第一条`), `null` outside a measure's articles. */
  article: string | null;
  /** That article's number (`第一条` → 1). */
  articleNumber: number | null;
}

/**
 * An amount as a reader needs it: as written, with its unit when the text gives that only in the table's head (`20`
 * under `支持标准（万元）` → `20万元`).
 */
export const amountText = (i: Pick<Incentive, 'valueText' | 'unit'>) => (/[\d.]$/u.test(i.valueText) ? `${i.valueText}${i.unit}` : i.valueText);

const ARTICLE_NAME = /^第[一二三四五六七八九十百零〇]{1,5}条/u;

export function incentiveRows(doc: PlanDocument): IncentiveRow[] {
  const blocks = new Map(doc.blocks.map((b) => [b.id, b]));
  return doc.incentives.map((incentive) => {
    const block = blocks.get(incentive.blockId);
    const articleNumber = block?.kind === 'paragraph' ? (block.article ?? null) : null;
    const article = articleNumber !== null && block?.kind === 'paragraph' ? (ARTICLE_NAME.exec(block.text)?.[0] ?? null) : null;
    return { incentive, kind: incentive.unit === '%' ? 'share' : incentive.cap ? 'cap' : 'standard', article, articleNumber: article ? articleNumber : null };
  });
}

/** Columns of `/data/incentives.csv`, one row per amount. */
export const INCENTIVE_CSV_COLUMNS = ['plan', 'id', 'valueText', 'value', 'unit', 'yuan', 'kind', 'article', 'recipient', 'subject', 'level', 'clause', 'quote', 'line', 'url'] as const;

/**
 * `/data/incentives.csv`: every support standard of every plan (what a researcher compares across cities: the reward
 * for a newly certified high-tech enterprise, a subsidy's cap), in yuan where it is money, with its subject (the id of
 * `content/support-subjects.yaml`, as /incentives/<id>/); UTF-8 with BOM, RFC 4180, one plan's rows per chunk.
 */
export function* incentivesCsvChunks(plans: readonly PlanDocument[], urlOf: (slug: string, blockId: string) => string): Generator<string> {
  yield `\ufeff${INCENTIVE_CSV_COLUMNS.join(',')}\r\n`;
  for (const p of plans) {
    if (p.incentives.length === 0) continue;
    yield incentiveRows(p)
      .map(({ incentive: i, kind, article }) => `${[p.slug, i.id, i.valueText, i.value, i.unit, i.yuan, kind, article, i.recipient, i.subjectId, i.level ?? null, i.clause, i.quote, i.line, urlOf(p.slug, i.blockId)].map(cell).join(',')}\r\n`)
      .join('');
  }
}

/** One plan's standard under a subject, as `/incentives/<id>/` lists it. */
export interface SubjectRow extends IncentiveRow {
  slug: string;
  planTitle: string;
  /** `天津市北辰区`; `null` when the plan's region is not known. */
  regionName: string | null;
}

/** The standards of one subject across the library (`subject` null: those no subject's words name). */
export interface SubjectGroup {
  id: string;
  subject: SupportSubject | null;
  /**
   * By the level of what they reward, highest first (国家级, 省级, 市级 …, none named last), so that a level's standards
   * stand together; within a level money first, largest first (a standard or a cap in yuan), then shares, largest
   * first; plans in library order within.
   */
  rows: SubjectRow[];
  plans: number;
  /** The smallest and largest amount of money (standards and caps), as written; `null` when all are shares. */
  least: SubjectRow | null;
  most: SubjectRow | null;
}

/**
 * Every plan's support standards by what they reward (`content/support-subjects.yaml`): a group per subject that has
 * any, most plans first (then registry order), and last the standards no subject names.
 */
export function incentivesBySubject(plans: readonly PlanDocument[], subjects: readonly SupportSubject[]): SubjectGroup[] {
  const rowsOf = new Map<string, SubjectRow[]>();
  for (const doc of plans) {
    for (const r of incentiveRows(doc)) {
      const id = r.incentive.subjectId ?? UNGROUPED;
      const list = rowsOf.get(id) ?? [];
      list.push({ ...r, slug: doc.slug, planTitle: planTitle(doc), regionName: doc.meta.region?.value.fullName ?? null });
      rowsOf.set(id, list);
    }
  }
  const money = (r: SubjectRow) => r.incentive.yuan;
  const byAmount = (a: SubjectRow, b: SubjectRow) =>
    Number(money(a) === null) - Number(money(b) === null) || (money(b) ?? b.incentive.value ?? 0) - (money(a) ?? a.incentive.value ?? 0);
  const order = (a: SubjectRow, b: SubjectRow) => levelRank(a.incentive.level) - levelRank(b.incentive.level) || byAmount(a, b);
  const group = (id: string, subject: SupportSubject | null): SubjectGroup => {
    const rows = [...rowsOf.get(id)!].sort(order);
    const inMoney = rows.filter((r) => money(r) !== null).sort(byAmount);
    return { id, subject, rows, plans: new Set(rows.map((r) => r.slug)).size, least: inMoney.at(-1) ?? null, most: inMoney[0] ?? null };
  };
  const groups = subjects.filter((s) => rowsOf.has(s.id)).map((s) => group(s.id, s));
  groups.sort((a, b) => b.plans - a.plans);
  return rowsOf.has(UNGROUPED) ? [...groups, group(UNGROUPED, null)] : groups;
}
