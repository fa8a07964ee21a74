/**
 * Geometry shared by the charts: font sizes, a text-width estimate (there is no DOM to measure with at build time),
 * line wrapping for Chinese labels, axes from d3 scales, and the content-derived chart id.
 */
import type { ScaleLinear } from 'd3-scale';
import type { AxisModel, AxisTick, TextMark } from './types.ts';

/** Font size of labels, in viewBox units (`charts.css` sets the same sizes). */
export const FONT = 14;
/** Font size of tick labels, the smallest text in any chart. */
export const FONT_SMALL = 13;
/** Line height for wrapped labels. */
export const LINE = Math.round(FONT * 1.35);
/** Smallest text size, in CSS px, a chart may be shown at (the task's legibility floor). */
export const MIN_TEXT_PX = 12;

/** Round a coordinate to 2 decimals: shorter SVG, and models compare cleanly in tests. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Narrowest rendered width at which `FONT_SMALL` still shows as `MIN_TEXT_PX`: the SVG scales with its box,
 * so below this width its text would shrink under 12px. `charts.css` stops it there and lets the figure scroll.
 */
/**
 * The widths a chart's viewBox may have. The page sizes a chart by a class per width (`chart-size-480` in
 * `charts.css`), not by an inline style, which the site's Content-Security-Policy refuses.
 */
export const CHART_WIDTHS = [480, 560] as const;

/**
 * Width of every chart's phone drawing: a 480-unit chart, whose text may not shrink under 12 px, needs 458 px and
 * scrolls sideways on a 360 px phone (328 px of page); the 320-unit drawing (336 with its margin) needs 311 px.
 */
export const PHONE_WIDTH = 320;
/**
 * Where a page shows the phone drawing (`<picture>` in Chart.astro; charts.css sizes it under the same query): a
 * screen narrower than 37.5rem (600 px), where a 560-unit chart would scroll. Never on paper.
 */
export const PHONE_MEDIA = 'screen and (max-width: 37.5rem)';

/** The class that sizes a chart of this viewBox width; a width without a rule in `charts.css` is a build error. */
export function chartSizeClass(width: number): string {
  if (!(CHART_WIDTHS as readonly number[]).includes(width)) {
    throw new Error(`chart width ${width} has no size rule: add it to CHART_WIDTHS (src/lib/charts/layout.ts) and a .chart-size-${width} rule to src/styles/charts.css`);
  }
  return `chart-size-${width}`;
}

export function minWidthFor(width: number): number {
  return Math.ceil((width * MIN_TEXT_PX) / FONT_SMALL);
}

// Full-width characters (CJK, full-width punctuation) take about 1em; Latin digits and letters about 0.6em.
const WIDE = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\u3000-\u303F“”‘’—…]/u;

/** Estimated advance width of `text` at `size`. Overestimates slightly so labels keep clear of each other. */
export function textWidth(text: string, size = FONT): number {
  let em = 0;
  for (const ch of text) em += WIDE.test(ch) ? 1 : /[.,:;!|'()\s]/u.test(ch) ? 0.35 : 0.62;
  return em * size;
}

// Chinese line-breaking rules (禁则): these must not start a line, and these must not end one.
const NO_LINE_START = /^[，。、；：？！）》”’」』%]/u;
const NO_LINE_END = /[（《“‘「『]$/u;

/**
 * Break `text` into lines no wider than `maxWidth`, at most `maxLines` (the last one ends in `…` when cut).
 * Breaks between Chinese characters and at spaces; runs of Latin letters and digits with their punctuation
 * (`R&D`, `2.1`, `5G`, `10,000`, `(number)`) stay whole, and a space a line breaks at is dropped. A closing
 * bracket or mark that would start a line takes the character before it along (push-out, not hanging, so no line
 * is wider than `maxWidth`); an opening bracket never ends a line.
 */
export function wrapText(text: string, maxWidth: number, maxLines = 3, size = FONT): string[] {
  const tokens = text.match(/[A-Za-z0-9.,&%+\-'’()²]+|./gsu) ?? [];
  const lines: string[] = [];
  let cur: string[] = [];
  for (const token of tokens) {
    if (cur.length && textWidth(cur.join('') + token, size) > maxWidth) {
      // A line that breaks at a space (English) keeps it on neither line.
      if (token === ' ') {
        lines.push(cur.join('').trimEnd());
        cur = [];
        continue;
      }
      const carry: string[] = [];
      if (NO_LINE_START.test(token)) {
        while (cur.length > 1 && NO_LINE_START.test(cur.at(-1)!)) carry.unshift(cur.pop()!);
        if (cur.length > 1) carry.unshift(cur.pop()!);
      }
      while (cur.length > 1 && NO_LINE_END.test(cur.at(-1)!)) carry.unshift(cur.pop()!);
      lines.push(cur.join('').trimEnd());
      cur = [...carry, token];
    } else {
      cur.push(token);
    }
  }
  if (cur.length) lines.push(cur.join(''));
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.length > 1 && textWidth(`${last}…`, size) > maxWidth) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/** Vertical offset that centres a text's glyphs on `y` (SVG text sits on its baseline; no `dy` needed in markup). */
export function middle(y: number, size = FONT): number {
  return round(y + size * 0.35);
}

/**
 * A vertical value axis drawn as grid lines from `x1` to `x2`, labels right-aligned left of `x1`.
 * `format` turns a tick value into its label.
 */
export function valueAxisY(
  scale: ScaleLinear<number, number>,
  x1: number,
  x2: number,
  count: number,
  format: (n: number) => string,
): AxisModel {
  const ticks: AxisTick[] = scale.ticks(count).map((value) => {
    const y = round(scale(value));
    return {
      value,
      line: { x1: round(x1), y1: y, x2: round(x2), y2: y },
      label: { x: round(x1 - 6), y: middle(y, FONT_SMALL), text: format(value), anchor: 'end' },
    };
  });
  return { orientation: 'y', ticks, domain: null };
}

/**
 * A horizontal value axis along `y` (the baseline), with grid lines up to `top` and labels below.
 * Used by the comparison bars.
 */
export function valueAxisX(
  scale: ScaleLinear<number, number>,
  y: number,
  top: number,
  count: number,
  format: (n: number) => string,
): AxisModel {
  const [r0, r1] = scale.range() as [number, number];
  const ticks: AxisTick[] = scale.ticks(count).map((value) => {
    const x = round(scale(value));
    return {
      value,
      line: { x1: x, y1: round(top), x2: x, y2: round(y) },
      label: { x, y: round(y + 4 + FONT_SMALL), text: format(value), anchor: 'middle' },
    };
  });
  return { orientation: 'x', ticks, domain: { x1: round(r0), y1: round(y), x2: round(r1), y2: round(y) } };
}

/** A label placed at `(x, y)` (helper that rounds). */
export function label(x: number, y: number, text: string, anchor: TextMark['anchor'] = 'middle'): TextMark {
  return { x: round(x), y: round(y), text, anchor };
}

/**
 * Id derived from the chart's content (FNV-1a), so a page build is reproducible and two different charts on a
 * page get different `<title>`/`<desc>` ids without a counter.
 */
export function chartId(kind: string, ...parts: string[]): string {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `chart-${kind}-${h.toString(36)}`;
}
