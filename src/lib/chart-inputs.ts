/** What the chart components need from a plan besides its targets: short labels and link texts. */
import { planTitle } from './plan-view.ts';
import type { PlanDocument } from '../schemas/plan.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { TimelinePlan } from './charts/timeline.ts';

/**
 * Short plan name for chart labels: the title without its bracketed period. Not for a text with no title: what
 * `planTitle` gives in brackets then (`未识别标题（广西壮族自治区，2021年）`) is all that tells it from another.
 */
export function planLabel(doc: PlanDocument): string {
  return doc.meta.title ? planTitle(doc).replace(/[（(][^（()）]*[)）]$/u, '') : planTitle(doc);
}

/** Indicator id → name. */
export function indicatorNames(indicators: Indicator[]): Record<string, string> {
  return Object.fromEntries(indicators.map((i) => [i.id, i.name]));
}

/** Block id → link text for chart source lines: a table's caption. */
export function blockLabels(doc: PlanDocument): Record<string, string> {
  return Object.fromEntries(doc.blocks.flatMap((b) => (b.kind === 'table' && b.caption ? [[b.id, b.caption.text]] : [])));
}

/**
 * The timeline chart's rows: each plan's period, with where it was read: a line of the text (the title's, when it
 * is the title line that states it), or the editors' catalog.
 */
export function timelinePlans(plans: PlanDocument[]): TimelinePlan[] {
  return plans.map((p) => {
    const period = p.meta.period;
    const title = p.meta.title;
    const where = period?.from === 'catalog' ? 'catalog' : title && title.from === 'text' && period?.line === title.line ? 'title' : 'text';
    return {
      slug: p.slug,
      planLabel: planLabel(p),
      period: period?.value ?? null,
      source: period ? { quote: period.raw, line: period.from === 'catalog' ? null : period.line, where } : null,
    };
  });
}
