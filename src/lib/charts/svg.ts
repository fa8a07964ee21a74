/**
 * A chart model as a standalone SVG file (`/charts/<id>.svg`): the file the page shows as an `<img>`, the reader
 * downloads, the embed page shows and the browser turns into a PNG. It carries its own styles (a `<style>` element,
 * which is allowed inside an SVG file and refused by the site's CSP only as an inline `style` attribute in a page),
 * a font stack that works without any web font, and a white background, so it reads the same wherever it is opened.
 *
 * Serialised by a small element builder that escapes every text and attribute (no string splicing of content).
 */
import type { BaselineTargetModel } from './baseline-target.ts';
import type { ComparisonModel } from './comparison.ts';
import type { PeersModel } from './peers.ts';
import type { SpreadModel } from './spread.ts';
import type { TimelineModel } from './timeline.ts';
import type { TrajectoryModel } from './trajectory.ts';
import type { AxisModel, TextMark } from './types.ts';
import type { ChartLocale } from './labels.ts';
import { chineseRuns } from '../i18n/english.ts';
import { FONT, round, wrapText } from './layout.ts';

export type AnyChartModel = BaselineTargetModel | TrajectoryModel | ComparisonModel | TimelineModel | PeersModel | SpreadModel;

type Attrs = Record<string, string | number | undefined>;

/** Escape for XML text; with `attribute`, for a double-quoted attribute value too. */
export function escapeXml(s: string, attribute = false): string {
  const text = s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
  return attribute ? text.replace(/"/gu, '&quot;') : text;
}

/** One element; `children` are already serialised elements, `text` is escaped here. */
export function el(name: string, attrs: Attrs = {}, children: readonly string[] | string = []): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v), true)}"`)
    .join('');
  const inner = typeof children === 'string' ? escapeXml(children) : children.join('');
  return inner ? `<${name}${a}>${inner}</${name}>` : `<${name}${a}/>`;
}

/**
 * A text's content in the file's language. In the English file every run of Chinese (a plan's title, an indicator
 * or a unit the registries give no English for, a value as written) is a `<tspan xml:lang="zh-CN">`, so that it is
 * read aloud and hyphenated as Chinese; the Chinese file's texts are written as they are.
 */
function words(s: string, locale: ChartLocale): readonly string[] | string {
  if (locale !== 'en') return s;
  return chineseRuns(s).map((w) => (w.lang === 'en' ? escapeXml(w.text) : el('tspan', { 'xml:lang': 'zh-CN' }, w.text)));
}

/** Writes a text mark with a class; made per file, for its language. */
type TextWriter = (m: TextMark, cls: string) => string;
const textWriter =
  (locale: ChartLocale): TextWriter =>
  (m, cls) =>
    el('text', { x: m.x, y: m.y, 'text-anchor': m.anchor, class: cls }, words(m.text, locale));

function axis(a: AxisModel, text: TextWriter): string {
  return el('g', { class: `axis axis--${a.orientation}` }, [
    ...a.ticks.map((t) => el('line', { class: 'grid', x1: t.line.x1, y1: t.line.y1, x2: t.line.x2, y2: t.line.y2 })),
    ...(a.domain ? [el('line', { class: 'domain', x1: a.domain.x1, y1: a.domain.y1, x2: a.domain.x2, y2: a.domain.y2 })] : []),
    ...a.ticks.map((t) => text(t.label, 'tick')),
  ]);
}

function comparisonMarks(m: ComparisonModel, patternId: string, text: TextWriter): string[] {
  return [
    el('defs', {}, [
      el('pattern', { id: patternId, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, [
        el('rect', { class: 'hatch-bg', width: 6, height: 6 }),
        el('line', { class: 'hatch-line', x1: 0, y1: 0, x2: 0, y2: 6 }),
      ]),
    ]),
    axis(m.xAxis, text),
    ...m.bars.map((b) =>
      el('g', { class: `bar bar--${b.kind}${b.own === null ? '' : b.own ? ' bar--own' : ' bar--peer'}` }, [
        text(b.rowLabel, 'row-label'),
        el('rect', { x: b.x, y: b.y, width: b.width, height: b.height, fill: b.kind === 'target' ? undefined : `url(#${patternId})` }),
        text(b.valueLabel, 'value'),
      ]),
    ),
  ];
}

function spreadMarks(m: SpreadModel, text: TextWriter): string[] {
  const line = (l: { x1: number; y1: number; x2: number; y2: number }, cls: string) => el('line', { class: cls, x1: l.x1, y1: l.y1, x2: l.x2, y2: l.y2 });
  return [
    axis(m.xAxis, text),
    ...(m.whisker ? [line(m.whisker, 'whisker'), line({ ...m.whisker, x2: m.whisker.x1, y1: m.whisker.y1 - 6, y2: m.whisker.y1 + 6 }, 'whisker'), line({ ...m.whisker, x1: m.whisker.x2, y1: m.whisker.y1 - 6, y2: m.whisker.y1 + 6 }, 'whisker')] : []),
    ...(m.box ? [el('rect', { class: 'spread-box', x: m.box.x, y: m.box.y, width: m.box.width, height: m.box.height })] : []),
    ...(m.medianLine ? [line(m.medianLine, 'median')] : []),
    ...(m.ownDot ? [el('circle', { class: 'dot dot--own', cx: m.ownDot.cx, cy: m.ownDot.cy, r: m.ownDot.r })] : []),
    ...m.labels.map((t) => text(t, 'value')),
  ];
}

/** The marks of a chart (everything inside the `<svg>` but its title and description), in the file's language. */
export function chartMarks(m: AnyChartModel, id: string, locale: ChartLocale = 'zh-CN'): string[] {
  const text = textWriter(locale);
  switch (m.kind) {
    case 'baseline-target':
      return m.panels.map((p) =>
        el('g', { class: 'panel', transform: `translate(${p.x} ${p.y})` }, [
          ...p.titleLines.map((t) => text(t, 'panel-title')),
          axis(p.axis, text),
          el('path', { class: 'slope', d: p.path }),
          ...[p.start, p.end].map((pt) => el('circle', { class: `dot dot--${pt.kind}`, cx: pt.x, cy: pt.y, r: pt.r })),
          ...[p.start, p.end].map((pt) => text(pt.label, 'value')),
          ...p.years.map((t) => text(t, 'tick')),
        ]),
      );
    case 'trajectory':
      return [
        axis(m.yAxis, text),
        axis(m.xAxis, text),
        el('path', { class: 'trend', d: m.path }),
        ...m.points.map((p) => el('circle', { class: `dot dot--${p.kind}`, cx: p.x, cy: p.y, r: p.r })),
        ...m.points.map((p) => text(p.label, 'value')),
      ];
    case 'comparison':
      return comparisonMarks(m, `${id}-hatch`, text);
    case 'timeline':
      return [
        axis(m.xAxis, text),
        ...m.rows.map((r) =>
          el('g', { class: 'period' }, [
            text(r.rowLabel, 'row-label'),
            el('rect', { class: 'period-bar', x: r.bar.x, y: r.bar.y, width: r.bar.width, height: r.bar.height }),
            ...(r.outlookLine ? [el('line', { class: 'outlook', x1: r.outlookLine.x1, y1: r.outlookLine.y1, x2: r.outlookLine.x2, y2: r.outlookLine.y2 })] : []),
            ...(r.outlookCap ? [el('line', { class: 'outlook-cap', x1: r.outlookCap.x1, y1: r.outlookCap.y1, x2: r.outlookCap.x2, y2: r.outlookCap.y2 })] : []),
            text(r.periodLabel, 'value'),
          ]),
        ),
      ];
    case 'spread':
      return spreadMarks(m, text);
    case 'peers':
      return m.panels.map((p, i) =>
        el('g', { class: 'panel', transform: `translate(0 ${p.y})` }, [
          ...p.titleLines.map((t) => text(t, 'panel-title')),
          el('g', { transform: `translate(0 ${p.chartY})` }, p.chart.kind === 'spread' ? spreadMarks(p.chart, text) : comparisonMarks(p.chart, `${id}-hatch-${i}`, text)),
        ]),
      );
  }
}

/** Font size of the source lines under the marks (the `.source` rule below; `fitLine` cuts them to it). */
const SOURCE_FONT = 13;

/**
 * The file's own styles: the page's chart rules (src/styles/charts.css) with the light theme's colours written out,
 * since a standalone file has no site variables. The font stack is the site's `--font-sans`: system fonts only.
 */
export const STANDALONE_STYLE = [
  'svg{font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","WenQuanYi Zen Hei",sans-serif;color:#1b1b1b}',
  '.background{fill:#ffffff}',
  'text{font-size:14px;fill:#1b1b1b}',
  '.tick{font-size:13px;fill:#595959;font-variant-numeric:tabular-nums}',
  '.value{font-weight:700;font-variant-numeric:tabular-nums}',
  '.panel-title{font-weight:700}',
  `.source{font-size:${SOURCE_FONT}px;fill:#595959}`,
  '.grid{stroke:#d6d4cc;stroke-width:1}',
  '.domain{stroke:#595959;stroke-width:1}',
  '.axis--x .grid{stroke-dasharray:2 3}',
  '.dot{stroke:#9b1c1c;stroke-width:2;fill:#9b1c1c}',
  '.dot--baseline,.dot--achievement{fill:#ffffff;stroke:#1b1b1b}',
  '.slope,.trend{fill:none;stroke:#1b1b1b;stroke-width:2;stroke-linejoin:round}',
  '.trend{stroke:#9b1c1c}',
  '.bar rect{stroke:#1b1b1b;stroke-width:1}',
  '.bar--target rect{fill:#9b1c1c}',
  '.bar--target.bar--peer rect{fill:#f2f1ec}',
  '.hatch-bg{fill:#ffffff}',
  '.hatch-line{stroke:#1b1b1b;stroke-width:2}',
  '.period-bar{fill:#9b1c1c}',
  '.outlook,.outlook-cap{stroke:#1b1b1b;stroke-width:2}',
  '.outlook{stroke-dasharray:5 4}',
  '.spread-box{fill:#f2f1ec;stroke:#1b1b1b;stroke-width:1}',
  '.whisker{stroke:#1b1b1b;stroke-width:1.5}',
  '.median{stroke:#1b1b1b;stroke-width:3}',
  '.dot--own{fill:#9b1c1c;stroke:#ffffff;stroke-width:2}',
].join('');

/** Margin around the marks in the file, in viewBox units (charts.css sizes the image by the file's width). */
export const STANDALONE_PAD = 8;
/** Height of the two source lines (site, URL) added under the marks in the file. */
const FOOTER = 40;

/** A source line as wide as the drawing at most, cut with `…` (a long page title ran out of the file). */
const fitLine = (text: string, width: number) => wrapText(text, width, 1, SOURCE_FONT)[0] ?? '';

/** The size of a chart's file: the model's viewBox, the margin around it and the source line. */
export function standaloneSize(m: Pick<AnyChartModel, 'width' | 'height'>): { width: number; height: number } {
  return { width: m.width + 2 * STANDALONE_PAD, height: m.height + 2 * STANDALONE_PAD + FOOTER };
}

/** A horizontal strip of a chart's file, in its viewBox units: from `y`, `height` tall, the file's whole width. */
export interface PrintBand {
  y: number;
  height: number;
}

/**
 * Where a chart's rows lie, top and bottom, in the model's units: a row of small multiples, a peer panel, a bar with
 * the line above it (comparison, timeline). A row is never cut in print.
 */
function chartRows(m: AnyChartModel): [number, number][] {
  switch (m.kind) {
    case 'baseline-target': {
      const rows = new Map<number, number>();
      for (const p of m.panels) rows.set(p.y, Math.max(rows.get(p.y) ?? 0, p.y + p.height));
      return [...rows];
    }
    case 'peers':
      return m.panels.map((p) => [p.y, p.y + p.chartY + p.chart.height]);
    case 'comparison':
      return m.bars.map((b) => [b.rowLabel.y - FONT, b.y + b.height]);
    case 'timeline':
      return m.rows.map((r) => [r.rowLabel.y - FONT, r.bar.y + r.bar.height]);
    default:
      return [];
  }
}

/**
 * The most rows a print strip gathers, in viewBox units (about px on paper): a quarter of the type area's height
 * (850 px), so that a page ends at most that much short. A row taller than it is a strip of its own.
 */
export const PRINT_STRIP = 200;

/**
 * The strips a chart's file is printed in, top to bottom: its rows, gathered while a strip stays within
 * `PRINT_STRIP` (a row of small multiples or a peer panel is a strip of its own; four bars of a comparison make one),
 * each cut halfway through the gap above it, the first from the file's top and the last to its bottom (with the axis
 * and the source lines), so that together they are the whole drawing. A drawing printed as one image may not break:
 * a tall one left most of a page empty before it, or was cut through a line of its text at the page's foot; strips
 * break between rows. A chart of one strip is printed as it is shown. The file names each strip
 * (`<view id="band-N">`) for an image of it (`<file>#band-N`).
 */
export function printBands(m: AnyChartModel): PrintBand[] {
  const { height } = standaloneSize(m);
  const strips: [number, number][] = [];
  for (const [top, bottom] of chartRows(m).sort((a, b) => a[0] - b[0])) {
    const last = strips.at(-1);
    if (last && bottom - last[0] <= PRINT_STRIP) last[1] = bottom;
    else strips.push([top, bottom]);
  }
  const cuts = strips.slice(1).map(([top], i) => Math.round(STANDALONE_PAD + (strips[i]![1] + top) / 2));
  const edges = [0, ...cuts, height];
  return edges.slice(1).map((bottom, i) => ({ y: edges[i]!, height: round(bottom - edges[i]!) }));
}

/**
 * The standalone SVG document of a chart: XML declaration, `xmlns`, size, `<title>` and `<desc>` (the model's
 * title and its description with every number), the marks on a white background, and a source line under them
 * (`source`: where the chart comes from, such as the site and the page's title, a line each), so a chart taken away
 * still says where it is from. A chart of several rows names each row's strip for print (`printBands`).
 */
export function standaloneSvg(m: AnyChartModel, id: string, source: readonly [string, string], locale: ChartLocale = 'zh-CN'): string {
  const pad = STANDALONE_PAD;
  const { width, height } = standaloneSize(m);
  const en = locale === 'en';
  const bands = printBands(m);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${el(
    'svg',
    // The Chinese file says nothing of its language (as before); the English one says it is English.
    { xmlns: 'http://www.w3.org/2000/svg', version: '1.1', 'xml:lang': en ? 'en' : undefined, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc` },
    [
      el('title', { id: `${id}-title` }, words(m.title, locale)),
      el('desc', { id: `${id}-desc` }, words(m.description, locale)),
      el('style', {}, STANDALONE_STYLE),
      ...(bands.length > 1 ? bands.map((b, i) => el('view', { id: `band-${i + 1}`, viewBox: `0 ${b.y} ${width} ${b.height}` })) : []),
      el('rect', { class: 'background', width, height }),
      el('g', { transform: `translate(${pad} ${pad})` }, chartMarks(m, id, locale)),
      el('text', { class: 'source', x: pad, y: height - pad - 18, 'text-anchor': 'start' }, words(fitLine(source[0], m.width), locale)),
      el('text', { class: 'source', x: pad, y: height - pad, 'text-anchor': 'start' }, words(fitLine(source[1], m.width), locale)),
    ],
  )}\n`;
}
