/**
 * Every word a chart writes, keyed by locale (issue 13): the Chinese site's charts and the English edition's
 * (`/en/charts/<id>.svg`) are drawn by the same code from the same data, and only this table differs. The Chinese
 * table writes exactly what the charts wrote before there was an English one (the Chinese files do not change).
 *
 * English words only: names (plans, regions, indicators) come from the registries' English fields where they have
 * one and otherwise stay Chinese, and units without an entry in `UNITS_EN` stay Chinese too; the English SVG writer
 * marks every Chinese run it meets `xml:lang="zh-CN"` (`svg.ts`), so nothing here is a translation of a name.
 */
import type { Target } from '../../schemas/plan.ts';
import { formatLabel, formatNumber, formatValue, KIND_LABELS, MEASURE_LABELS } from '../values.ts';

/** The two editions' locales (as `src/lib/i18n/index.ts` names them). */
export type ChartLocale = 'zh-CN' | 'en';

type Kind = Target['kind'];
type Measure = Target['measure'];
type Written = Pick<Target, 'value' | 'valueText' | 'unit' | 'qualifiers' | 'measure'>;
type Dated = Pick<Target, 'year' | 'kind'>;

/** What the charts write, in one language. */
export interface ChartLabels {
  locale: ChartLocale;
  /** A value's kind: 目标 / target. */
  kind: Record<Kind, string>;
  /** A measure as a noun (comparison descriptions). */
  measure: Record<Measure, string>;
  /** A unit for labels and captions (`亿元` → `100 million yuan`); a unit without an English entry stays Chinese. */
  unit(unit: string): string;
  /** A name with its unit (panel titles, table headers): `高新技术企业数量（家）`, `High-tech enterprises (number)`. */
  withUnit(name: string, unit: string): string;
  /** `单位：%`, `Unit: %`. */
  unitCaption(unit: string): string;
  /** A year on an axis or in a table: `2022年`, `2022`. */
  year(year: number): string;
  /** Year and kind: `2022年目标`, `2022 target`, `目标（年份未载）`. */
  yearKind(v: Dated): string;
  /** A value on a mark: the number and its bounds, no unit (`2.1以上`, `at least 2.1`). */
  valueLabel(v: Pick<Target, 'value' | 'qualifiers'>): string;
  /** A value in prose and tables (`力争3.2%以上`); `withUnit: false` leaves the unit out. */
  value(v: Written, withUnit?: boolean): string;
  /** The change from `a` to `b`: `增加31家，增长31.3%`, `up 31 (+31.3%)`. */
  change(a: number, b: number, unit: string): string;
  /** Link text of a table cell's source (its quote is just the cell). */
  tableSource: string;
  /** Joins a source's plan and its excerpt: `辛集市…：表1`. */
  sourceLead(planLabel: string): string;
  /** An excerpt of a sentence in quotation marks. */
  quoted(text: string): string;
  /** Two words in a row: run together in Chinese (`2022年目标3.2%`), a space between in English. */
  then(a: string, b: string): string;
  /** Note under a chart whose English indicator names are the editors' own (`nameEnSource: editors`); English only. */
  editorsNames: string;
  baselineTarget: {
    title: string;
    /** Most lines of a panel title (English names are about twice as wide as Chinese ones). */
    titleLines: number;
    /** The lines under each end of a slope: year and kind (`2020年基数`; `2020` over `baseline`). */
    end(v: Dated): string[];
    /** How many lines `end` writes. */
    endLines: number;
    columns: string[];
    unitsVary: string;
    independentScales: string;
    /** `辛集市…5项指标的起点与目标…`, with `sentences` joined. */
    description(planLabel: string, count: number, sentences: string[]): string;
    none(planLabel: string): string;
    /** One indicator's sentence. */
    sentence(name: string, startKind: string, start: string, endKind: string, end: string, change: string): string;
  };
  trajectory: {
    title(name: string): string;
    columns(unit: string): string[];
    /** A point's label for a value that is not a target: `99（基数）`. */
    otherKind(label: string, kind: Kind): string;
    description(planLabel: string, name: string, unit: string, values: string[]): string;
    none(planLabel: string, name: string): string;
    /** Why a value of the block is not drawn. */
    otherUnit(unit: string, chartUnit: string): string;
    left(year: number, value: string, reason: string): string;
  };
  comparison: {
    title(name: string): string;
    columns(unit: string): string[];
    /** A row's label: plan, own mark, year and kind. */
    row(planLabel: string, own: boolean | null, yearKind: string): string;
    noYear: string;
    description(name: string, unit: string, measure: string, count: number, parts: string[]): string;
    none(name: string): string;
    /** The values left out, in the description. */
    leftOut(count: number, parts: string[]): string;
    /** One value and its reasons, in the description. */
    part(planLabel: string, yearKind: string, value: string): string;
    reasons(reasons: string[]): string;
    note(planLabel: string, yearKind: string, value: string, reasons: string[]): string;
    hatched: string;
  };
  timeline: {
    title: string;
    columns: string[];
    unit: string;
    /** `2020—2022年`, `2021—2025年，展望2035年`. */
    period(p: { start: number; end: number; outlook: number | null }): string;
    description(count: number, parts: string[]): string;
    none: string;
    outlookNote: string;
    undated(planLabel: string): string;
    noOutlook: string;
    /** A source line for a period read from the plan's title: the title itself, said to be one. */
    fromTitle(title: string): string;
    /** A source line for a period the editors' catalog gives (the text states none). */
    fromCatalog(planLabel: string): string;
    /** The caption of a timeline whose rows are periods. */
    groupedTitle: string;
    /** A row standing for the plans of one period (past `TIMELINE_ROWS` plans): `812个规划`. */
    plans(count: number): string;
    groupedDescription(count: number, parts: string[]): string;
    /** One grouped row in the description: period, then how many plans. */
    groupPart(period: string, plans: string): string;
    groupedNote(rows: number): string;
    undatedCount(count: number): string;
  };
  spread: {
    title(name: string): string;
    /** The marked plan's label above its dot. */
    own(value: string): string;
    /** The five numbers: `13个规划的可比目标：最小1，…（单位：%）`. */
    summary(count: string, five: string[], unit: string): string;
    /** The whole description: the summary, the plans at the two ends, the marked plan's rank, values left out. */
    description(name: string, measure: string, summary: string, lowest: string, highest: string, own: string, excluded: number): string;
    /** Where the marked plan stands among the others. */
    rank(yearKindValue: string, others: number, above: number, equal: number, below: number): string;
    /** The same, in an approximate spread: the others' count as `about`, shares in per cent. */
    rankShares(yearKindValue: string, others: string, above: number, equal: number, below: number): string;
    /** An end value that several plans hold, in an approximate spread's description: `多个规划的目标值20`. */
    severalPlans(value: string): string;
    /** A rounded figure: `约4900`. */
    about(figure: string): string;
    /** The note of an approximate spread (a plan's peer view): which figures are rounded, and where the exact ones are. */
    approximateNote: string;
    columns(unit: string): string[];
    /** Row names of the table: plans, minimum, lower quartile, median, upper quartile, maximum, this plan. */
    rows: string[];
    boxNote: string;
    excludedNote(count: number): string;
  };
  peers: {
    title(planLabel: string): string;
    description(parts: string[]): string;
    none(planLabel: string): string;
    unit: string;
    columns: string[];
    barsNote: string;
    spreadNote(bars: number): string;
    /** A spread's statistic as the plan column of the peer table: `13个规划的中位数`. */
    statOf(count: string, stat: string): string;
    /** The year column of a statistic (the values' years differ). */
    anyYear: string;
  };
}

// ── Chinese: what the charts have always written ─────────────────────────────────────────────────────────────

function changeZh(a: number, b: number, unit: string): string {
  const d = b - a;
  if (unit === '%') {
    if (d === 0) return '持平';
    return `${d > 0 ? '提高' : '降低'}${formatNumber(Math.abs(d))}个百分点`;
  }
  if (d === 0) return '持平';
  const abs = `${d > 0 ? '增加' : '减少'}${formatNumber(Math.abs(d))}${unit}`;
  if (a === 0) return abs;
  const pct = Math.round((Math.abs(d) / Math.abs(a)) * 1000) / 10;
  return `${abs}，${d > 0 ? '增长' : '下降'}${pct}%`;
}

const yearKindZh = (v: Dated) => (v.year === null ? `${KIND_LABELS[v.kind]}（年份未载）` : `${v.year}年${KIND_LABELS[v.kind]}`);

const periodZh = (p: { start: number; end: number; outlook: number | null }) => {
  const span = p.start === p.end ? `${p.start}年` : `${p.start}—${p.end}年`;
  return p.outlook ? `${span}，展望${p.outlook}年` : span;
};

export const CHART_LABELS_ZH: ChartLabels = {
  locale: 'zh-CN',
  kind: KIND_LABELS,
  measure: MEASURE_LABELS,
  unit: (u) => u,
  withUnit: (name, unit) => `${name}（${unit}）`,
  unitCaption: (u) => `单位：${u}`,
  year: (y) => `${y}年`,
  yearKind: yearKindZh,
  valueLabel: formatLabel,
  value: formatValue,
  change: changeZh,
  tableSource: '原文表格',
  sourceLead: (p) => `${p}：`,
  quoted: (t) => `“${t}”`,
  then: (a, b) => `${a}${b}`,
  editorsNames: '',
  baselineTarget: {
    title: '主要指标：起点与目标',
    titleLines: 3,
    end: (v) => [yearKindZh(v)],
    endLines: 1,
    columns: ['指标', '单位', '起点', '起点值', '目标', '目标值', '变化'],
    unitsVary: '单位见各小图标题',
    independentScales: '每个小图的纵轴刻度各自独立：请比较各图中线段的走向和数值标签，不要比较不同小图中点的高低。',
    description: (plan, n, sentences) => `${plan}${n}项指标的起点与目标，每项指标一个小图、刻度各自独立。${sentences.join('；')}。`,
    none: (plan) => `${plan}没有同时给出起点（基数或现状值）和目标值的指标。`,
    sentence: (name, sk, s, ek, e, change) => `${name}：${sk}${s}，${ek}${e}，${change}`,
  },
  trajectory: {
    title: (name) => `${name}：逐年目标`,
    columns: (unit) => ['年份', '类型', `数值（${unit}）`, '原文写法'],
    otherKind: (l, k) => `${l}（${KIND_LABELS[k]}）`,
    description: (plan, name, unit, values) => `${plan}对${name}的逐年安排（单位：${unit}）：${values.join('，')}。`,
    none: (plan, name) => `${plan}没有给出${name}的逐年数值。`,
    otherUnit: (u, chartUnit) => `单位不同（${u || '无单位'}，本图为${chartUnit}）`,
    left: (year, value, reason) => `未画入：${year}年${value}，${reason}。`,
  },
  comparison: {
    title: (name) => `${name}：各规划比较`,
    columns: (unit) => ['规划', '年份', '类型', `数值（${unit}）`, '原文写法'],
    row: (plan, own, yk) => `${plan}${own ? '（本规划）' : ''} · ${yk}`,
    noYear: '未载',
    description: (name, unit, measure, n, parts) => `${name}（单位：${unit}，${measure}）在同一刻度上比较${n}个数值：${parts.join('；')}。`,
    none: (name) => `没有可在同一刻度上比较的${name}数值。`,
    leftOut: (n, parts) => `另有${n}个数值不可比，未画入：${parts.join('；')}。`,
    part: (plan, yk, v) => `${plan}${yk}${v}`,
    reasons: (r) => `（${r.join('；')}）`,
    note: (plan, yk, v, r) => `未画入：${plan}${yk}${v}——${r.join('；')}。`,
    hatched: '实心条为目标值，斜线条为基数或实际值。',
  },
  timeline: {
    title: '规划期',
    columns: ['规划', '起始年', '结束年', '展望年'],
    unit: '单位：年',
    period: periodZh,
    description: (n, parts) => `${n}个规划的规划期：${parts.join('；')}。`,
    none: '没有载明规划期的规划。',
    outlookNote: '虚线为远景展望期。',
    undated: (plan) => `未画入：${plan}，原文未载规划期。`,
    noOutlook: '—',
    fromTitle: (title) => `${title}（标题）`,
    fromCatalog: (plan) => `${plan}：编目补充`,
    groupedTitle: '规划期（同一规划期的规划合为一条）',
    plans: (n) => `${n}个规划`,
    groupedDescription: (n, parts) => `${n}个规划的规划期，同一规划期的规划合为一条：${parts.join('；')}。`,
    groupPart: (period, plans) => `${period}，${plans}`,
    groupedNote: (rows) => `规划多于${rows}个，同一规划期的规划合为一条，条旁注明规划数；各规划的规划期见地区页的规划列表和开放数据。`,
    undatedCount: (n) => `另有${n}个规划原文未载规划期，未画入。`,
  },
  spread: {
    title: (name) => `${name}：各规划目标分布`,
    own: (v) => `本规划 ${v}`,
    summary: (n, f, unit) => `${n}个规划的可比目标：最小${f[0]}，下四分位数${f[1]}，中位数${f[2]}，上四分位数${f[3]}，最大${f[4]}（单位：${unit}）`,
    description: (name, measure, summary, lowest, highest, own, excluded) =>
      `${name}（${measure}）${summary}。最小值为${lowest}，最大值为${highest}。${own}${excluded ? `另有${excluded}个数值不可比，未计入。` : ''}`,
    rank: (v, others, above, equal, below) => `本规划${v}，其他${others}个规划中${above}个高于、${equal}个等于、${below}个低于本规划。`,
    rankShares: (v, others, above, equal, below) => `本规划${v}，其他${others}个规划中约${above}%高于、约${equal}%等于、约${below}%低于本规划。`,
    about: (f) => `约${f}`,
    severalPlans: (v) => `多个规划的目标值${v}`,
    approximateNote: '规划数、四分位数、中位数取两位有效数字，各占比取整到5%；最小值或最大值为多个规划共有时不列规划名；确切数值见该指标的页面。',
    columns: (unit) => ['统计', `数值（${unit}）`],
    rows: ['规划数', '最小值', '下四分位数', '中位数', '上四分位数', '最大值', '本规划'],
    boxNote: '箱体为居中一半规划的目标（下四分位数至上四分位数），箱中竖线为中位数，横线两端为最小值和最大值；各规划的目标年份不尽相同。',
    excludedNote: (n) => `另有${n}个数值单位、口径或范围不同，未计入。`,
  },
  peers: {
    title: (plan) => `${plan}与其他规划目标对照`,
    description: (parts) => `同类目标对照（本规划没有基数，故与其他规划同一指标、同一单位和口径的目标并列）：${parts.join('')}`,
    none: (plan) => `${plan}的目标与其他规划没有同一指标、同一单位和口径的可比目标，故无对照图。`,
    unit: '各指标单位见分图',
    columns: ['指标', '规划', '年份', '数值', '单位', '原文写法'],
    barsNote: '同类目标对照：本规划没有基数，图中把本规划的目标（实心条，标“本规划”）与其他规划同一指标的目标（浅色条）并列；只画入单位和口径相同的目标，年份不同的目标各注年份。',
    spreadNote: (bars) => `规划多于${bars}个的指标画分布：箱体为居中一半规划的目标（下四分位数至上四分位数），箱中竖线为中位数，横线两端为最小值和最大值，圆点为本规划；各规划的目标年份不尽相同。`,
    statOf: (n, stat) => `${n}个规划的${stat}`,
    anyYear: '各年',
  },
};

// ── English ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Units in English. A count's measure word (家 firms, 件 items, 个 units) is no unit in English: the number stands
 * alone and the caption says `number`. 亿 is 10^8 (GB/T 15835 writes 1亿 = 100 000 000), so 亿元 is 100 million yuan.
 */
const UNITS_EN: Record<string, string> = {
  '%': '%',
  亿元: '100 million yuan',
  万元: '10,000 yuan',
  家: 'number',
  件: 'number',
  个: 'number',
  项: 'number',
  名: 'persons',
  人: 'persons',
  人年: 'person-years',
  平方米: 'm²',
};
const unitEn = (u: string) => UNITS_EN[u] ?? u;
/** A number with its unit in English prose: `3.2%`, `45 (100 million yuan)`, `530`, `35 person-years`. */
export const withUnitEn = (n: string, u: string) => {
  const e = unitEn(u);
  if (e === '%') return `${n}%`;
  if (e === 'number' || e === '') return n;
  return e === '100 million yuan' || e === '10,000 yuan' ? `${n} (${e})` : `${n} ${e}`;
};

/**
 * The bounds a text writes around a number, in English: what the number promises (`3.2%以上` is 3.2% or more —
 * 以上 counts the number itself, as the Civil Code, Art. 1259, reads it — so `at least`). Same words as
 * `formatLabel` (src/lib/values.ts) keeps.
 */
const BOUNDS_EN: [string, string][] = [
  ['突破', 'over'],
  ['超过', 'over'],
  ['超', 'over'],
  ['不低于', 'at least'],
  ['不少于', 'at least'],
  ['约', 'about'],
  ['近', 'nearly'],
  ['余', 'over'],
  ['多', 'over'],
  ['以上', 'at least'],
  ['左右', 'about'],
  ['以内', 'at most'],
  ['以下', 'at most'],
];
const COMMITMENTS_EN: [string, string][] = [
  ['力争', 'striving for'],
  ['争取', 'striving for'],
  ['确保', 'ensuring'],
];
const boundsEn = (q: readonly string[]) => [...new Set(BOUNDS_EN.filter(([w]) => q.includes(w)).map(([, e]) => e))].join(' ');
const measureEn = (v: Pick<Target, 'measure' | 'qualifiers'>) =>
  v.measure === 'growth' ? (v.qualifiers.some((q) => q.startsWith('年均')) ? 'average annual growth of' : 'growth of') : v.measure === 'increase' ? 'an increase of' : v.measure === 'cumulative' ? 'a total of' : '';

const valueLabelEn = (v: Pick<Target, 'value' | 'qualifiers'>) => (v.value === null ? '—' : [boundsEn(v.qualifiers), formatNumber(v.value)].filter(Boolean).join(' '));

function valueEn(v: Written, withUnit = true): string {
  // A text without a number is shown as written (Chinese, marked by the page or the SVG writer).
  if (v.value === null) return v.valueText || '—';
  const q = v.qualifiers;
  const commitment = [...new Set(COMMITMENTS_EN.filter(([w]) => q.includes(w)).map(([, e]) => e))].join(' ');
  const n = formatNumber(v.value);
  return [commitment, measureEn(v), boundsEn(q), withUnit ? withUnitEn(n, v.unit) : n].filter(Boolean).join(' ');
}

function changeEn(a: number, b: number, unit: string): string {
  const d = b - a;
  if (d === 0) return 'unchanged';
  const dir = d > 0 ? 'up' : 'down';
  // Written as the number is written (2.2 − 1.2 is 1.0000000000000002, written 1).
  if (unit === '%') return `${dir} ${formatNumber(Math.abs(d))} percentage ${formatNumber(Math.abs(d)) === '1' ? 'point' : 'points'}`;
  const abs = `${dir} ${withUnitEn(formatNumber(Math.abs(d)), unit)}`;
  if (a === 0) return abs;
  const pct = Math.round((Math.abs(d) / Math.abs(a)) * 1000) / 10;
  return `${abs} (${d > 0 ? '+' : '−'}${pct}%)`;
}

const KIND_EN: Record<Kind, string> = { target: 'target', baseline: 'baseline', achievement: 'result' };
const MEASURE_EN: Record<Measure, string> = { level: 'level', growth: 'growth rate', cumulative: 'total over the period', increase: 'increase' };
const periodEn = (p: { start: number; end: number; outlook: number | null }) => {
  const span = p.start === p.end ? `${p.start}` : `${p.start}–${p.end}`;
  return p.outlook ? `${span}, outlook to ${p.outlook}` : span;
};
const unitPhrase = (u: string) => (unitEn(u) === 'number' ? 'number' : unitEn(u));

export const CHART_LABELS_EN: ChartLabels = {
  locale: 'en',
  kind: KIND_EN,
  measure: MEASURE_EN,
  unit: unitEn,
  withUnit: (name, unit) => `${name} (${unitPhrase(unit)})`,
  unitCaption: (u) => `Unit: ${unitPhrase(u)}`,
  year: (y) => String(y),
  yearKind: (v) => (v.year === null ? `${KIND_EN[v.kind]} (year not given)` : `${v.year} ${KIND_EN[v.kind]}`),
  valueLabel: valueLabelEn,
  value: valueEn,
  change: changeEn,
  tableSource: 'table in the text',
  sourceLead: (p) => `${p}: `,
  quoted: (t) => `“${t}”`,
  then: (a, b) => `${a} ${b}`,
  editorsNames: 'The English indicator names are the editors’ translation.',
  baselineTarget: {
    title: 'Main indicators: starting point and target',
    titleLines: 5,
    end: (v) => (v.year === null ? [KIND_EN[v.kind], '(year not given)'] : [String(v.year), KIND_EN[v.kind]]),
    endLines: 2,
    columns: ['Indicator', 'Unit', 'Start', 'Start value', 'Target', 'Target value', 'Change'],
    unitsVary: 'units in each panel’s title',
    independentScales: 'Each panel has its own vertical scale: compare the direction of the lines and the value labels, not the heights of points in different panels.',
    description: (plan, n, sentences) =>
      `${plan}: starting point and target of ${n} ${n === 1 ? 'indicator' : 'indicators'}, one panel each, each on its own scale. ${sentences.join('; ')}.`,
    none: (plan) => `${plan}: no indicator has both a starting point (a baseline or a current value) and a target.`,
    sentence: (name, sk, s, ek, e, change) => `${name}: ${sk} ${s}, ${ek} ${e}, ${change}`,
  },
  trajectory: {
    title: (name) => `${name}: year-by-year targets`,
    columns: (unit) => ['Year', 'Kind', `Value (${unitPhrase(unit)})`, 'As written'],
    otherKind: (l, k) => `${l} (${KIND_EN[k]})`,
    description: (plan, name, unit, values) => `${plan}: year-by-year values for ${name} (unit: ${unitPhrase(unit)}): ${values.join(', ')}.`,
    none: (plan, name) => `${plan}: no year-by-year values for ${name}.`,
    otherUnit: (u, chartUnit) => `another unit (${u ? unitPhrase(u) : 'none'}; this chart’s is ${unitPhrase(chartUnit)})`,
    left: (year, value, reason) => `Not drawn: ${year}, ${value}: ${reason}.`,
  },
  comparison: {
    title: (name) => `${name}: plans compared`,
    columns: (unit) => ['Plan', 'Year', 'Kind', `Value (${unitPhrase(unit)})`, 'As written'],
    row: (plan, own, yk) => `${plan}${own ? ' (this plan)' : ''} · ${yk}`,
    noYear: 'not given',
    description: (name, unit, measure, n, parts) =>
      `${name} (unit: ${unitPhrase(unit)}; ${measure}), ${n} ${n === 1 ? 'value' : 'values'} on one scale: ${parts.join('; ')}.`,
    none: (name) => `No values of ${name} can be compared on one scale.`,
    leftOut: (n, parts) => ` ${n} more ${n === 1 ? 'value is' : 'values are'} not comparable and not drawn: ${parts.join('; ')}.`,
    part: (plan, yk, v) => `${plan}, ${yk} ${v}`,
    reasons: (r) => ` (${r.join('; ')})`,
    note: (plan, yk, v, r) => `Not drawn: ${plan}, ${yk} ${v} — ${r.join('; ')}.`,
    hatched: 'Solid bars are targets; hatched bars are baselines or results.',
  },
  timeline: {
    title: 'Plan periods',
    columns: ['Plan', 'First year', 'Last year', 'Outlook year'],
    unit: 'Unit: year',
    period: periodEn,
    description: (n, parts) => `Periods of ${n} ${n === 1 ? 'plan' : 'plans'}: ${parts.join('; ')}.`,
    none: 'No plan states its period.',
    outlookNote: 'Dashed lines are the long-term outlook.',
    undated: (plan) => `Not drawn: ${plan}; the text gives no period.`,
    noOutlook: '—',
    fromTitle: (title) => `${title} (title)`,
    fromCatalog: (plan) => `${plan}: added by the editors (catalog)`,
    groupedTitle: 'Plan periods (one bar for the plans of each period)',
    plans: (n) => `${n} ${n === 1 ? 'plan' : 'plans'}`,
    groupedDescription: (n, parts) => `Periods of ${n} plans, one bar for the plans of each period: ${parts.join('; ')}.`,
    groupPart: (period, plans) => `${period}, ${plans}`,
    groupedNote: (rows) => `More than ${rows} plans: the plans of one period share a bar, with their number beside it; each plan’s period is in the region page’s list of plans and in the open data.`,
    undatedCount: (n) => `${n} more ${n === 1 ? 'plan gives' : 'plans give'} no period in the text and ${n === 1 ? 'is' : 'are'} not drawn.`,
  },
  spread: {
    title: (name) => `${name}: spread of the plans’ targets`,
    own: (v) => `this plan: ${v}`,
    summary: (n, f, unit) => `comparable targets of ${n} plans: minimum ${f[0]}, lower quartile ${f[1]}, median ${f[2]}, upper quartile ${f[3]}, maximum ${f[4]} (unit: ${unitPhrase(unit)})`,
    description: (name, measure, summary, lowest, highest, own, excluded) =>
      `${name} (${measure}), ${summary}. Lowest: ${lowest}; highest: ${highest}.${own ? ` ${own}` : ''}${excluded ? ` ${excluded} more ${excluded === 1 ? 'value is' : 'values are'} not comparable and not counted.` : ''}`,
    rank: (v, others, above, equal, below) => `This plan: ${v}; of the ${others} other plans, ${above} higher, ${equal} equal, ${below} lower.`,
    rankShares: (v, others, above, equal, below) => `This plan: ${v}; of ${others} other plans, about ${above}% higher, ${equal}% equal, ${below}% lower.`,
    about: (f) => `about ${f}`,
    severalPlans: (v) => `several plans’ target ${v}`,
    approximateNote: 'Counts, quartiles and the median are rounded to two significant figures, shares to 5%; an end value several plans hold names none of them; the indicator’s page has the exact figures.',
    columns: (unit) => ['Statistic', `Value (${unitPhrase(unit)})`],
    rows: ['Plans', 'Minimum', 'Lower quartile', 'Median', 'Upper quartile', 'Maximum', 'This plan'],
    boxNote: 'The box spans the middle half of the plans’ targets (lower to upper quartile), the line in it is the median, the whiskers reach the lowest and highest; the plans’ target years differ.',
    excludedNote: (n) => `${n} more ${n === 1 ? 'value has' : 'values have'} another unit, measure or scope and ${n === 1 ? 'is' : 'are'} not counted.`,
  },
  peers: {
    // Not the plan's name: a title also stands in attributes (alt, aria-label), where its Chinese cannot be marked.
    title: () => 'This plan’s targets beside other plans’',
    description: (parts) => `This plan gives no baselines, so its targets stand beside other plans’ targets of the same indicator, unit and measure. ${parts.join(' ')}`,
    none: (plan) => `${plan}: no target shares an indicator, unit and measure with another plan’s, so there is no chart.`,
    unit: 'units in each panel’s title',
    columns: ['Indicator', 'Plan', 'Year', 'Value', 'Unit', 'As written'],
    barsNote: 'This plan gives no baselines: its targets (solid bars, marked “this plan”) stand beside other plans’ targets of the same indicator (light bars); only targets of the same unit and measure are drawn, each with its year.',
    spreadNote: (bars) => `Indicators of more than ${bars} plans are drawn as a spread: the box spans the middle half of the plans’ targets, the line in it is the median, the whiskers reach the lowest and highest, the dot is this plan; the plans’ target years differ.`,
    statOf: (n, stat) => `${stat} of ${n} plans`,
    anyYear: 'various',
  },
};

/** The chart words of `locale`. */
export function chartLabels(locale: ChartLocale = 'zh-CN'): ChartLabels {
  return locale === 'en' ? CHART_LABELS_EN : CHART_LABELS_ZH;
}
