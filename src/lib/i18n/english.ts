/**
 * How the English edition writes the data's dates, periods, regions and metadata sources (issue 13). Names come
 * from the registries' English fields only; a name without one stays Chinese (`lang: 'zh-CN'`), never translated here.
 */
import type { PlanDocument, PlanKind, Provenance, RegionRef, Target } from '../../schemas/plan.ts';
import type { IndicatorKind } from '../../schemas/indicator.ts';
import { comparableMeasure, levelEn, MEASURE_LABELS_EN, sameLevel, sameUnit, type ComparableIndicator, type ComparedValue } from '../values.ts';
import { CHART_LABELS_EN } from '../charts/labels.ts';
import type { Kind, RegionOverlayEntry } from '../../schemas/registry.ts';
import { knownDate, type MetaRow } from '../plan-view.ts';
import { dateEn } from './date-en.ts';
import { kindLabel } from '../kind-label.ts';

export { dateEn };

/** `2021–2025`, `2014`, `2021–2025 (outlook to 2035)`; `—` when unknown. */
export function periodEn(p: { start: number; end: number; outlook: number | null } | null | undefined): string {
  if (!p) return '—';
  const span = p.start === p.end ? `${p.start}` : `${p.start}–${p.end}`;
  return p.outlook ? `${span} (outlook to ${p.outlook})` : span;
}

/** `formatWhen` in English: the period (`2021–2025`), else `published 14 February 2014` (`14 Feb 2014` when `short`, for a list's one line on a phone), else `—`. */
export function whenEn(doc: PlanDocument, short = false): string {
  return doc.meta.period ? periodEn(doc.meta.period.value) : knownDateEn(doc, short);
}

/** `formatKnownDate` in English: `published 14 February 2014` (`14 Feb 2014` when `short`), else `—`. */
export function knownDateEn(doc: PlanDocument, short = false): string {
  const date = knownDate(doc);
  return date ? `${date.verb === '成文' ? 'written' : 'published'} ${dateEn(date.s.value, short)}${date.s.from === 'inferred' ? ' (inferred)' : ''}` : '—';
}

/** A text with the language it is written in: English from a registry, or the Chinese original. */
export interface Worded {
  text: string;
  lang: 'en' | 'zh-CN';
}

/**
 * A region's name in English: the overlay's `nameEn` of it and of each region above it (`Tianjin › Beichen`), or
 * the Chinese full name when any of them has none (a half-English chain would be a made-up name).
 */
export function regionNameEn(ref: Pick<RegionRef, 'id' | 'parents' | 'fullName'> | null | undefined, overlay: readonly RegionOverlayEntry[]): Worded {
  if (!ref) return { text: '—', lang: 'en' };
  const names = [...ref.parents, ref].map((r) => overlay.find((o) => o.id === r.id)?.nameEn);
  return names.every((n) => n !== undefined) ? { text: names.join(' › '), lang: 'en' } : { text: ref.fullName, lang: 'zh-CN' };
}

/** Regions' English names by id, where content/regions.yaml gives one (the timelines' labels, regional headings). */
export function englishRegionNames(overlay: readonly RegionOverlayEntry[]): Record<string, string> {
  return Object.fromEntries(overlay.flatMap((r) => (r.nameEn ? [[r.id, r.nameEn]] : [])));
}

/**
 * Where a metadata value comes from, in English: `source line 9`, `inferred (source line 3): from the covering
 * notice’s title`, `added by the editors (catalog)`. An inference's note is the pipeline's English (`noteEn`; the
 * Chinese it quotes to be marked by the page), or its Chinese where a document model predates it.
 */
export function provenanceEn(s: Provenance | null): { text: string; note: Worded | null } {
  if (!s) return { text: 'not in the text', note: null };
  if (s.from === 'text') return { text: `source line ${s.line}`, note: null };
  if (s.from === 'inferred') {
    const note = s.noteEn ? { text: s.noteEn, lang: 'en' as const } : s.note ? { text: s.note, lang: 'zh-CN' as const } : null;
    return { text: `inferred (source line ${s.line}): `, note };
  }
  return { text: 'added by the editors (catalog)', note: null };
}

/** One row of the metadata card in English. */
export interface MetaRowEn {
  label: string;
  value: Worded;
  /** Where the value comes from; `note` is an inference's note. */
  source: { text: string; note: Worded | null };
  line: number | null;
  raw: string | null;
  inferred: boolean;
}

const LEVELS_EN: Record<RegionRef['level'], string> = { province: 'province level', city: 'prefecture level', district: 'city district', county: 'county level' };

/**
 * The metadata card in English: the same rows as the Chinese card (`metaRows`), labelled in English, with dates,
 * periods, the region (where the registry has its English name) and the kind in English; other values are the
 * text's own Chinese.
 */
export function metaRowsEn(doc: PlanDocument, rows: readonly MetaRow[], kinds: readonly Kind[], overlay: readonly RegionOverlayEntry[]): MetaRowEn[] {
  const m = doc.meta;
  const fields: Record<string, (Provenance & { value: unknown }) | null> = {
    标题: m.title, 发文机关: m.issuer, 发文字号: m.docNumber, 成文日期: m.dateWritten, 发布日期: m.datePublished, 规划期: m.period,
    地区: m.region, 类型: m.kind, 有效性: m.validity, 主题: m.topic, 索引号: m.indexNumber, 来源: m.publisher,
  };
  const english = (label: string, s: Provenance & { value: unknown }): Worded => {
    if (label === '成文日期' || label === '发布日期') return { text: dateEn(s.value as string), lang: 'en' };
    if (label === '规划期') return { text: periodEn(m.period?.value), lang: 'en' };
    if (label === '地区' && m.region) {
      const name = regionNameEn(m.region.value, overlay);
      return { ...name, text: `${name.text}${name.lang === 'en' ? ` (${LEVELS_EN[m.region.value.level]})` : ''}` };
    }
    if (label === '类型') return { text: kindLabel(kinds, s.value as PlanKind, m.title?.value, 'en'), lang: 'en' };
    return { text: String(s.value), lang: 'zh-CN' };
  };
  return rows.map((r) => {
    const s = fields[r.label] ?? null;
    return {
      label: r.labelEn,
      value: s ? english(r.label, s) : { text: 'not identified', lang: 'en' },
      source: provenanceEn(s),
      line: r.line,
      raw: r.raw,
      inferred: r.inferred,
    };
  });
}

/** The key facts above the collapsed card on a phone (issuer, document number, date), as `metaBrief` picks them. */
export function metaBriefEn(doc: PlanDocument): { fact: Worded; inferred: boolean }[] {
  const m = doc.meta;
  const known = knownDate(doc);
  const date = known ? { s: known.s, verb: known.verb === '成文' ? 'written' : 'published' } : null;
  const facts: [Provenance | null, Worded | null][] = [
    [m.issuer, m.issuer ? { text: m.issuer.value, lang: 'zh-CN' } : null],
    [m.docNumber, m.docNumber ? { text: m.docNumber.value, lang: 'zh-CN' } : null],
    [date?.s ?? null, date ? { text: `${date.verb} ${dateEn(date.s.value, true)}`, lang: 'en' } : null],
  ];
  return facts.flatMap(([s, w]) => (s && w ? [{ fact: w, inferred: s.from === 'inferred' }] : []));
}

// ── Values and comparability, as /compare/ and the indicator pages write them in English ────────────────────

/** `kind` of a value. */
export const KIND_LABELS_EN: Record<Target['kind'], string> = { target: 'target', baseline: 'baseline', achievement: 'result' };

/** `measure` as a noun. */

/** The `/compare/` filter's kinds of indicator. */
export const INDICATOR_KIND_LABELS_EN: Record<IndicatorKind | 'all', string> = {
  all: 'all',
  stock: 'stocks (firms, items)',
  flow: 'flows (100 million yuan)',
  ratio: 'ratios (%)',
  'growth-rate': 'growth rates (%)',
  cumulative: 'totals over the period',
};

/** `2022`, `2021–2025`, or `—`. */
export function targetTimeEn(t: Pick<Target, 'year' | 'period'>): string {
  if (t.period && t.period.start !== t.period.end) return `${t.period.start}–${t.period.end}`;
  if (t.year !== null) return `${t.year}`;
  return '—';
}

/** A run of text in parts, each in its language (an English sentence quoting a Chinese unit or phrase). */
export type Words = Worded[];
const e = (text: string): Worded => ({ text, lang: 'en' });
const z = (text: string): Worded => ({ text, lang: 'zh-CN' });

/**
 * Why a value may not stand beside other plans' values of an indicator, in English: the same tests as
 * `comparability` (src/lib/values.ts), which decides; this only words its reasons, in the same order.
 */
export function comparabilityReasonsEn(v: ComparedValue, indicator: ComparableIndicator): Words[] {
  const measure = comparableMeasure(indicator.kind);
  const reasons: Words[] = [];
  if (v.indicatorId !== indicator.id) reasons.push([e('another indicator (the text: '), z(v.phrase), e(')')]);
  if (v.value === null) reasons.push(v.valueText ? [e('no number in the text ('), z(v.valueText), e(')')] : [e('no number in the text')]);
  if (!sameUnit(v.unit, indicator.unit)) reasons.push([e('another unit: '), v.unit ? z(v.unit) : e('none'), e(', the indicator’s is '), z(indicator.unit)]);
  if (v.measure !== measure) reasons.push([e(`another measure: ${MEASURE_LABELS_EN[v.measure]}, the indicator’s is ${MEASURE_LABELS_EN[measure]}`)]);
  if (!sameLevel(v, indicator)) {
    reasons.push([e(indicator.levels === 'all' ? `another scope: the ${levelEn(v.level!)} only, the indicator counts every level` : `another scope: the ${levelEn(v.level!)}, the indicator counts the ${levelEn(indicator.levels!)}`)]);
  }
  return reasons;
}

/**
 * A Chinese run: Han characters with the CJK punctuation, full-width forms and digits between and around them
 * (`“2021年4月7日”`); curly quotes belong to it only when they open or close Chinese (`“高企”`), not around English
 * words or a bare number (`“Little Giant”`, `“202147”`).
 */
const CHINESE_RUN = /[“”]*[0-9]*\p{Script=Han}[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”—0-9]*/gu;

/** An English text split into its English and Chinese parts (`Words`), in order, with nothing lost. */
export function chineseRuns(text: string): Words {
  const out: Words = [];
  let at = 0;
  for (const m of text.matchAll(CHINESE_RUN)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), lang: 'en' });
    out.push({ text: m[0], lang: 'zh-CN' });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), lang: 'en' });
  return out;
}

/**
 * The reading beside a value in the text on the English edition, in the words the English charts use: `Gross R&D
 * intensity (GERD / GDP) · target · striving for at least 3.2% · 2022`, then why it is not comparable with other
 * plans' values of its indicator (the tests of `comparability`, as `comparabilityReasonsEn` words them). What stays
 * Chinese (a value the text gives without a number, a unit) is marked. A value of no indicator is said to be one.
 */
export function normalizedReadingEn(t: Target, indicator: (ComparableIndicator & { nameEn: string }) | undefined): Words {
  const head = [indicator?.nameEn ?? 'not mapped to an indicator', KIND_LABELS_EN[t.kind], CHART_LABELS_EN.value(t), targetTimeEn(t)].filter((x) => x && x !== '—').join(' · ');
  const reasons = indicator ? comparabilityReasonsEn(t, indicator) : [];
  return [...chineseRuns(head), ...reasons.flatMap((r) => [e(' · '), ...r])];
}
