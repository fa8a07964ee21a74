/**
 * Shapes shared by the chart modules: what a chart function takes and what it returns.
 *
 * Every chart is a pure function `(data, size) → model` (style guide, habit 10): the model is plain data (numbers,
 * strings, SVG path strings computed by d3-shape with a null context), so it can be tested without a DOM and placed
 * by a small `.astro` component at build time. Pages ship static `<svg>` and no script.
 */
import type { Target } from '../../schemas/plan.ts';

/** Size asked for, in SVG user units (the viewBox). Charts whose height follows from their data ignore `height`. */
export interface ChartSize {
  /** viewBox width; also the largest width the SVG is shown at (it never scales up). */
  width: number;
  /** viewBox height, for charts with a free height (trajectory); others compute it. */
  height?: number;
}

/**
 * The fields of a `Target` a chart reads. Charts accept whole `Target`s from `PlanDocument.targets`
 * (a `Target` is assignable to this) or hand-made values in tests.
 */
export type ChartValue = Pick<
  Target,
  'indicatorId' | 'phrase' | 'value' | 'valueText' | 'unit' | 'year' | 'qualifiers' | 'kind' | 'measure' | 'quote' | 'blockId' | 'level'
> &
  /** Table position; a value read from a table has only its cell text as `quote`, so its link names the table. */
  Partial<Pick<Target, 'cell'>> &
  /** The target's id in its plan, when the value is a whole `Target` (chart data files list it). */
  Partial<Pick<Target, 'id'>>;

/** A value with the plan it comes from (comparison across plans). */
export interface PlanValue extends ChartValue {
  /** Plan slug, for the link to the sentence. */
  slug: string;
  /** Short name of the plan for labels (`北辰区（2020—2022）`). */
  planLabel: string;
  /** Link text for the value's block (a table caption such as `表1 辛集市十四五时期科技创新主要指标`), if known. */
  blockLabel?: string;
}

/** A text label in the SVG. */
export interface TextMark {
  x: number;
  y: number;
  text: string;
  /** SVG `text-anchor`. */
  anchor: 'start' | 'middle' | 'end';
}

/** A straight line segment. */
export interface LineMark {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** One tick of an axis: its value, its line (tick mark or grid line) and its label. */
export interface AxisTick {
  value: number;
  line: LineMark;
  label: TextMark;
}

/** An axis: ticks plus the domain line (`null` when the axis is drawn by grid lines only). */
export interface AxisModel {
  /** `x` runs horizontally, `y` vertically; decides the tick-label class. */
  orientation: 'x' | 'y';
  ticks: AxisTick[];
  domain: LineMark | null;
}

/** The data-table view of a chart: the same numbers as the marks. The first column names the row (`th scope=row`). */
export interface ChartTable {
  columns: string[];
  rows: string[][];
}

/** A sentence a chart's numbers come from, for the source line under the chart. */
export interface ChartSource {
  /** Plan slug. */
  slug: string;
  /**
   * Block holding the sentence (`/plans/<slug>/#<blockId>`), or `null` when only a source line is known; `meta-card`
   * for a value the editors' catalog gives (the plan's metadata card says so).
   */
  blockId: string | null;
  /** 1-based source line (`/plans/<slug>/source/#L<line>`), used when `blockId` is `null`. */
  line: number | null;
  /** The sentence exactly as on the page (first one, when several values come from one block). */
  quote: string;
  /** Link text: the plan label and a short excerpt of the quote. */
  label: string;
}

/** What every chart model has; the frame (`Chart.astro`) reads only these fields. */
export interface ChartFrame {
  /** Which chart: also a class on the figure (`chart--trajectory`). */
  kind: 'baseline-target' | 'trajectory' | 'comparison' | 'timeline' | 'peers' | 'spread';
  /** Stable id derived from the content, prefix of the `<title>`/`<desc>` ids; components may override it. */
  id: string;
  /** viewBox width. */
  width: number;
  /** viewBox height. */
  height: number;
  /** Narrowest rendered width at which the smallest SVG text is still 12 CSS px (the figure scrolls below it). */
  minWidth: number;
  /** Caption, in Chinese. */
  title: string;
  /** One or more sentences that state what the chart shows with every number (SVG `<desc>`, for screen readers). */
  description: string;
  /** Unit label for the caption (`%`, `家`, or a note that panels have their own units). */
  unit: string;
  /** Same data as the marks, for the table view. */
  table: ChartTable;
  /** Sentences the values come from. */
  sources: ChartSource[];
  /** Visible notes under the chart (values left out and why, comparability caveats). */
  notes: string[];
  /** `true` when there is nothing to draw; the frame then shows the description instead of an empty SVG. */
  empty: boolean;
}
