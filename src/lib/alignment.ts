/**
 * 上位规划对照: a plan's targets beside the targets of the plan it implements (the plan above it), per indicator
 * both set. The relation and the plan above's targets are data (`content/documents.yaml`: `implementedBy`, and
 * `targets` with their sources; or, when the plan above is on the site, its own text's targets). Pure functions,
 * tested in alignment.test.ts; pages and the open data only render what they return.
 *
 * The verdict compares the numbers, not the ambition: the indicator registry records no direction (whether more is
 * better), so nothing here says a target is more or less ambitious. Two targets are compared only when they are in
 * the same unit, measure and year; and a total (a count or an amount: the registry's `stock`, `flow`, `cumulative`,
 * unless the value is a growth rate) is never ranked against the total of the region above, of which the region is a
 * part: the share it makes up is given instead, labelled as the editors' calculation.
 */
import type { CitedDocument, ParentTarget } from '../schemas/documents.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { PlanDocument, Target } from '../schemas/plan.ts';
import type { AlignmentRecordRow } from '../schemas/open-data.ts';
import type { CheckedAgainst } from '../schemas/sourced.ts';
import { levelCounted, levelEn, MEASURE_LABELS, MEASURE_LABELS_EN, sameUnit } from './values.ts';

/** What a comparison reads of a value (a plan's target, or a recorded target of the plan above). */
export type ComparedTarget = Pick<Target, 'value' | 'unit' | 'year' | 'measure' | 'level'>;

export type Verdict = 'higher' | 'equal' | 'lower' | 'not-comparable';
/** Why two targets are not compared: no number, unit, measure, level or year differ, or both are totals of regions of different size. */
export type ReasonCode = 'no-value' | 'unit' | 'measure' | 'level' | 'year' | 'scale';

export interface AlignmentReason {
  code: ReasonCode;
  /** In Chinese, for the Chinese pages. */
  text: string;
  /** In English, with no Chinese in it, for the /en/ edition. */
  textEn: string;
}

export interface Comparison {
  verdict: Verdict;
  /** Empty unless the verdict is `not-comparable`. */
  reasons: AlignmentReason[];
  /** The plan's total as a share of the total above (0.059 = 5.9 %) when only `scale` stands in the way; else `null`. */
  share: number | null;
}

export const VERDICT_LABELS: Record<Verdict, string> = {
  higher: '高于上级目标',
  equal: '与上级目标相同',
  lower: '低于上级目标',
  'not-comparable': '不可比',
};

export const VERDICT_LABELS_EN: Record<Verdict, string> = {
  higher: 'Higher than the plan above',
  equal: 'Same as the plan above',
  lower: 'Lower than the plan above',
  'not-comparable': 'Not comparable',
};

/** Registry kinds whose values grow with the size of the region (a count, an amount, a total over years). */
const TOTAL_KINDS: ReadonlySet<Indicator['kind']> = new Set(['stock', 'flow', 'cumulative']);

/** Numbers closer than this are equal (3.2 written twice may differ in the last bit after parsing). */
const EPSILON = 1e-9;

/**
 * The rules, one value against the value above it for one indicator: not comparable (with every reason) when either
 * has no number, or unit, measure, level or year differ, or both are totals of a region and the region above; otherwise
 * higher, equal or lower by the number.
 */
export function compareTargets(child: ComparedTarget, parent: ComparedTarget, indicator: Pick<Indicator, 'kind' | 'levels'>): Comparison {
  const reasons: AlignmentReason[] = [];
  if (child.value === null || parent.value === null) {
    reasons.push({ code: 'no-value', text: child.value === null ? '本规划的原文没有数值' : '上级规划的这一目标没有数值', textEn: child.value === null ? 'This plan’s text gives no number' : 'The plan above gives no number' });
  }
  if (!sameUnit(child.unit, parent.unit)) {
    reasons.push({ code: 'unit', text: `单位不同：本规划为${child.unit || '无单位'}，上级规划为${parent.unit || '无单位'}`, textEn: 'The units differ' });
  }
  if (child.measure !== parent.measure) {
    reasons.push({
      code: 'measure',
      text: `口径不同：本规划为${MEASURE_LABELS[child.measure]}，上级规划为${MEASURE_LABELS[parent.measure]}`,
      textEn: `Different measures: ${MEASURE_LABELS_EN[child.measure]} here, ${MEASURE_LABELS_EN[parent.measure]} in the plan above`,
    });
  }
  // 国家级孵化器 against all incubators: one counts a part of what the other counts. A value with no level word counts
  // what the registry's indicator counts (`levels`).
  const [childLevel, parentLevel] = [levelCounted(child, indicator), levelCounted(parent, indicator)];
  if (childLevel !== parentLevel) {
    reasons.push({
      code: 'level',
      text: `范围不同：本规划计${childLevel === 'all' ? '各级' : childLevel}，上级规划计${parentLevel === 'all' ? '各级' : parentLevel}`,
      textEn: `Different scopes: ${childLevel === 'all' ? 'every level' : `the ${levelEn(childLevel)}`} here, ${parentLevel === 'all' ? 'every level' : `the ${levelEn(parentLevel)}`} in the plan above`,
    });
  }
  if (child.year !== parent.year) {
    const year = (y: number | null) => (y === null ? '未写明年份' : `${y}年`);
    const yearEn = (y: number | null) => (y === null ? 'no year' : String(y));
    reasons.push({
      code: 'year',
      text: `年份不同：本规划为${year(child.year)}，上级规划为${year(parent.year)}`,
      textEn: `Different years: ${yearEn(child.year)} here, ${yearEn(parent.year)} in the plan above`,
    });
  }
  // A growth rate does not grow with the region, even of a total (R&D spending growing 10 % a year).
  const total = TOTAL_KINDS.has(indicator.kind) && child.measure !== 'growth' && parent.measure !== 'growth';
  if (reasons.length === 0 && total) {
    const share = parent.value! > 0 ? child.value! / parent.value! : null;
    return {
      verdict: 'not-comparable',
      reasons: [{
        code: 'scale',
        text: '总量指标：本地区是上级地区的一部分，数值大小随地区规模而定，不比高低',
        textEn: 'A total, not a rate: the region is part of the region above, so the number follows the size of the region and is not ranked',
      }],
      share,
    };
  }
  if (reasons.length > 0) return { verdict: 'not-comparable', reasons, share: null };
  const d = child.value! - parent.value!;
  return { verdict: Math.abs(d) < EPSILON ? 'equal' : d > 0 ? 'higher' : 'lower', reasons: [], share: null };
}

/** A share as the pages write it, two significant digits (`5.9%`, `0.87%`, `20%`). */
export function formatShare(share: number): string {
  return `${Number((share * 100).toPrecision(2))}%`;
}

// ── Plans and the plans above them ────────────────────────────────────────────────────────────────────────────

/** A target of the plan above, with where it is read: its sentence on this site, or its recorded source. */
export interface ParentValue extends ComparedTarget {
  indicatorId: string;
  valueText: string;
  qualifiers: string[];
  quote: string;
  from:
    | { kind: 'plan'; slug: string; blockId: string; line: number; targetId: string }
    | { kind: 'source'; source: string; checked: string; against: CheckedAgainst };
}

export interface AlignmentRow extends Comparison {
  indicatorId: string;
  /** The plan's target set beside the one above: same year first, then same measure, then the first in the text. */
  child: Target;
  /** Other numbers the text gives for the same indicator, year and measure (红桥: 突破100家 and, in its table, 102家). */
  alsoInText: Target[];
  parent: ParentValue;
}

export interface PlanAlignment {
  slug: string;
  /** The document the plan implements (`content/documents.yaml`). */
  parent: { id: string; title: string; planSlug: string | null };
  /** Where the plan cites it (the first citation). */
  citation: { blockId: string; line: number };
  /** The plan above's recorded targets (none recorded: the page says so). */
  parentValues: ParentValue[];
  /** One row per target above whose indicator the plan also sets a target for, in the order recorded. */
  rows: AlignmentRow[];
}

/** The targets of `entry`: its own text's when it is on the site, else the recorded ones. */
export function parentValues(entry: CitedDocument, plans: readonly PlanDocument[]): ParentValue[] {
  if (entry.planSlug !== null) {
    const doc = plans.find((p) => p.slug === entry.planSlug);
    if (!doc) return [];
    const seen = new Set<string>();
    return doc.targets.flatMap((t) => {
      if (t.kind !== 'target' || t.indicatorId === null) return [];
      const key = `${t.indicatorId}|${t.year}|${t.measure}|${t.value}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ indicatorId: t.indicatorId, value: t.value, valueText: t.valueText, unit: t.unit, year: t.year, measure: t.measure, ...(t.level ? { level: t.level } : {}), qualifiers: t.qualifiers, quote: t.quote, from: { kind: 'plan' as const, slug: doc.slug, blockId: t.blockId, line: t.line, targetId: t.id } }];
    });
  }
  return entry.targets.map((t: ParentTarget) => ({
    indicatorId: t.indicatorId,
    value: t.value,
    valueText: t.valueText,
    unit: t.unit,
    year: t.year,
    measure: t.measure,
    qualifiers: t.qualifiers,
    quote: t.quote,
    from: { kind: 'source' as const, source: t.source, checked: t.checked, against: t.against },
  }));
}

/** The row for one target above, or `null` when the plan sets no target for its indicator. */
function alignRow(doc: PlanDocument, parent: ParentValue, indicator: Indicator): AlignmentRow | null {
  const mine = doc.targets.filter((t) => t.kind === 'target' && t.indicatorId === parent.indicatorId);
  if (mine.length === 0) return null;
  const ranked = mine
    .map((t, i) => ({ t, i }))
    .sort((a, b) => Number(b.t.year === parent.year) - Number(a.t.year === parent.year) || Number(b.t.measure === parent.measure) - Number(a.t.measure === parent.measure) || a.i - b.i);
  const child = ranked[0]!.t;
  const others = new Map<number | null, Target>();
  for (const t of mine) if (t.year === child.year && t.measure === child.measure && t.value !== child.value && !others.has(t.value)) others.set(t.value, t);
  return { indicatorId: parent.indicatorId, child, alsoInText: [...others.values()], parent, ...compareTargets(child, parent, indicator) };
}

/**
 * Every plan's alignment with each document it implements (`implementedBy`), in plan order. A plan listed but not on
 * the site (a build of some seeds only) is left out; a plan listed that does not cite the document, or a recorded
 * target of an indicator the registry does not have, is an error in the data.
 */
export function planAlignments(plans: readonly PlanDocument[], documents: readonly CitedDocument[], indicators: readonly Indicator[]): PlanAlignment[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  // Once per document: its plans' rows then share the same values (the page of the plan above matches them by identity).
  const valuesOf = new Map<string, ParentValue[]>();
  const out: PlanAlignment[] = [];
  for (const doc of plans) {
    for (const entry of documents) {
      if (!entry.implementedBy.includes(doc.slug)) continue;
      const citation = doc.citations.find((c) => c.documentKey === entry.id);
      if (!citation) throw new Error(`content/documents.yaml: ${entry.id} lists ${doc.slug} in implementedBy, but that plan does not cite it`);
      let values = valuesOf.get(entry.id);
      if (!values) valuesOf.set(entry.id, (values = parentValues(entry, plans)));
      const rows = values.flatMap((p) => {
        const indicator = byId.get(p.indicatorId);
        if (!indicator) throw new Error(`content/documents.yaml: ${entry.id} records a target of ${p.indicatorId}, which is not in content/indicators.yaml`);
        return alignRow(doc, p, indicator) ?? [];
      });
      out.push({ slug: doc.slug, parent: { id: entry.id, title: entry.title, planSlug: entry.planSlug }, citation: { blockId: citation.blockId, line: citation.line }, parentValues: values, rows });
    }
  }
  return out;
}

/** The documents other plans implement, each with its plans' alignments: the pages under /alignment/. */
export interface ParentView {
  id: string;
  title: string;
  entry: CitedDocument;
  parentValues: ParentValue[];
  children: PlanAlignment[];
}

export function parentViews(alignments: readonly PlanAlignment[], documents: readonly CitedDocument[]): ParentView[] {
  const views: ParentView[] = [];
  for (const entry of documents) {
    const children = alignments.filter((a) => a.parent.id === entry.id);
    if (children.length === 0) continue;
    views.push({ id: entry.id, title: entry.title, entry, parentValues: children[0]!.parentValues, children });
  }
  // In the order of their first plan (the site's plan order), whatever the registry's order.
  const first = (v: ParentView) => alignments.indexOf(v.children[0]!);
  return views.sort((a, b) => first(a) - first(b));
}

// ── Open data ─────────────────────────────────────────────────────────────────────────────────────────────────

/** One row of `/data/alignment.json` (schema: AlignmentRecordSchema in src/schemas/open-data.ts). */
export type AlignmentRecord = AlignmentRecordRow;

export function alignmentRecords(alignments: readonly PlanAlignment[], indicators: readonly Indicator[], urlOf: (slug: string, blockId: string) => string): AlignmentRecord[] {
  return alignments.flatMap((a) =>
    a.rows.map((r) => {
      const from = r.parent.from;
      return {
        plan: a.slug,
        parent: a.parent.id,
        parentTitle: a.parent.title,
        indicatorId: r.indicatorId,
        indicatorName: indicators.find((i) => i.id === r.indicatorId)?.name ?? r.indicatorId,
        childTargetId: r.child.id,
        childValue: r.child.value,
        childValueText: r.child.valueText,
        childUnit: r.child.unit,
        childYear: r.child.year,
        childMeasure: r.child.measure,
        childUrl: urlOf(a.slug, r.child.blockId),
        parentValue: r.parent.value,
        parentValueText: r.parent.valueText,
        parentUnit: r.parent.unit,
        parentYear: r.parent.year,
        parentMeasure: r.parent.measure,
        parentQuote: r.parent.quote,
        parentSource: from.kind === 'plan' ? urlOf(from.slug, from.blockId) : from.source,
        parentChecked: from.kind === 'source' ? from.checked : null,
        parentAgainst: from.kind === 'source' ? from.against : null,
        verdict: r.verdict,
        reasons: r.reasons,
        share: r.share,
      };
    }),
  );
}
