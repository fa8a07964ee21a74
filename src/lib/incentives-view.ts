/**
 * A measure's support standards as its analysis page lists them (src/components/plan/IncentivesSection.astro): each
 * amount, whether it is a standard, a cap or a share, and where it stands (`第一条`, or its line).
 */
import type { Incentive, PlanDocument } from '../schemas/plan.ts';
import { csvCell as cell } from './csv.ts';

export type IncentiveKind = 'standard' | 'cap' | 'share';

export interface IncentiveRow {
  incentive: Incentive;
  kind: IncentiveKind;
  /** The article it stands in as the text names it (`第一条`), `null` outside a measure's articles. */
  article: string | null;
  /** That article's number (`第一条` → 1). */
  articleNumber: number | null;
}

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
export const INCENTIVE_CSV_COLUMNS = ['plan', 'id', 'valueText', 'value', 'unit', 'yuan', 'kind', 'article', 'recipient', 'clause', 'quote', 'line', 'url'] as const;

/**
 * `/data/incentives.csv`: every support standard of every plan (what a researcher compares across cities: the reward
 * for a newly certified high-tech enterprise, a subsidy's cap), in yuan where it is money; UTF-8 with BOM, RFC 4180,
 * one plan's rows per chunk.
 */
export function* incentivesCsvChunks(plans: readonly PlanDocument[], urlOf: (slug: string, blockId: string) => string): Generator<string> {
  yield `\ufeff${INCENTIVE_CSV_COLUMNS.join(',')}\r\n`;
  for (const p of plans) {
    if (p.incentives.length === 0) continue;
    yield incentiveRows(p)
      .map(({ incentive: i, kind, article }) => `${[p.slug, i.id, i.valueText, i.value, i.unit, i.yuan, kind, article, i.recipient, i.clause, i.quote, i.line, urlOf(p.slug, i.blockId)].map(cell).join(',')}\r\n`)
      .join('');
  }
}
