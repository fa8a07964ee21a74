/**
 * `node scripts/bench/page-trace.ts --site DIR --path /plans/x/ [--path /other/ …] [--loads 10] [--warm]`: what
 * the main thread does while a page loads, read from Chromium's performance trace, at Lighthouse's phone size
 * (412 × 823, 1.75 device pixels). Lighthouse's blocking time on this machine moves by hundreds of milliseconds from
 * run to run (issue 12: 94–937 ms on the same page on one afternoon), too much to tell a ±30 ms change by; the trace
 * says where the time goes (the parser, style, layout, scripts) in real milliseconds, over many loads.
 *
 * Each load is in a new Chromium (as Lighthouse loads each run), or with `--warm` in a new context of one Chromium
 * that has already loaded the page once (a reader's browser, whose font caches are warm). Paths are loaded in turn
 * (A B A B …), so that the machine's drift spreads over all of them. The site is served compressed, as a host does.
 *
 * Found with it (2026-12-04, xinji, the largest plan): in a new Chromium the first layout with text takes 270–370 ms,
 * of which 110–200 ms is opening the CJK font's bold face (the same page with every weight 400: 170–190 ms), the
 * next layouts 20–25 ms. Lighthouse multiplies each task by 4.
 */
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { median } from './stats.ts';

/** One event of a Chrome trace (the fields read here). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { documentLoaderURL?: string } };
}

/** One load of a page, in milliseconds of the main thread (from navigation start). */
export interface LoadSummary {
  /** First contentful paint; `null` if the trace has none. */
  fcpMs: number | null;
  /** The longest layout (on a CJK page in a new Chromium, the first one with text: its fonts are opened in it). */
  longestLayoutMs: number;
  layoutMs: number;
  styleMs: number;
  parseMs: number;
  scriptMs: number;
  longestTaskMs: number;
  /**
   * Σ max(0, 4 × (the part of a task after the first paint) − 50): blocking time as Lighthouse would count it with
   * its 4× CPU slowdown, on this trace as it happened (Lighthouse simulates the timing; this does not).
   */
  blockingAfterFcpX4Ms: number;
}

const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles']);
const SCRIPT = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile']);

/** The load's summary from its trace events: the renderer main thread that parsed the most HTML is the page's. */
export function summarizeTrace(events: readonly TraceEvent[]): LoadSummary {
  const threadKey = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(threadKey));
  const parsed = new Map<string, number>();
  for (const e of events) if (e.name === 'ParseHTML' && e.ph === 'X' && mains.has(threadKey(e))) parsed.set(threadKey(e), (parsed.get(threadKey(e)) ?? 0) + (e.dur ?? 0));
  const main = [...parsed].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (main === undefined) throw new Error('page-trace: no renderer main thread parsed HTML in this trace');
  const pid = Number(main.split(':')[0]);
  const own = events.filter((e) => threadKey(e) === main && e.ph === 'X' && e.dur !== undefined);
  const navigation = events.filter((e) => e.pid === pid && e.name === 'navigationStart' && (e.args?.data?.documentLoaderURL ?? '').startsWith('http')).at(-1);
  const start = navigation?.ts ?? Math.min(...own.map((e) => e.ts));
  const ms = (us: number) => us / 1000;
  const fcpEvent = events.find((e) => e.pid === pid && e.name === 'firstContentfulPaint' && e.ts >= start);
  const fcp = fcpEvent ? fcpEvent.ts : null;
  const sum = (match: (name: string) => boolean) => ms(own.filter((e) => match(e.name)).reduce((n, e) => n + e.dur!, 0));
  const layouts = own.filter((e) => e.name === 'Layout' && e.ts >= start);
  const tasks = own.filter((e) => e.name === 'RunTask' && e.ts >= start);
  let blocking = 0;
  for (const t of tasks) {
    const end = t.ts + t.dur!;
    if (fcp === null || end <= fcp) continue;
    blocking += Math.max(0, 4 * ms(end - Math.max(t.ts, fcp)) - 50);
  }
  return {
    fcpMs: fcp === null ? null : ms(fcp - start),
    longestLayoutMs: ms(Math.max(0, ...layouts.map((e) => e.dur!))),
    layoutMs: sum((n) => n === 'Layout'),
    styleMs: sum((n) => STYLE.has(n)),
    parseMs: sum((n) => n === 'ParseHTML'),
    scriptMs: sum((n) => SCRIPT.has(n)),
    longestTaskMs: ms(Math.max(0, ...tasks.map((t) => t.dur!))),
    blockingAfterFcpX4Ms: blocking,
  };
}

/** Loads of each kind the benchmark traces (`npm run bench`: the largest plan in a new Chromium, then in a warm one). */
export const TRACE_LOADS = 5;

/** Lighthouse's mobile preset screen. */
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true } as const;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'blink.user_timing', 'loading', '__metadata'];

/** Loads `url` once in a new context of `browser`, tracing it; the trace's summary. */
export async function traceLoad(browser: Browser, url: string): Promise<LoadSummary> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (d) => {
      events.push(...(d.value as unknown as TraceEvent[]));
    });
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load' });
    // Tasks after the load event (deferred scripts, layout of what scrolls into view) still block a reader.
    await page.waitForTimeout(1000);
    await cdp.send('Tracing.end');
    await complete;
    return summarizeTrace(events);
  } finally {
    await context.close();
  }
}

const FIELDS: (keyof LoadSummary)[] = ['fcpMs', 'longestLayoutMs', 'layoutMs', 'styleMs', 'parseMs', 'scriptMs', 'longestTaskMs', 'blockingAfterFcpX4Ms'];

/** Markdown: per row (a page, or a way of loading it), each field's median (min–max) over its loads. */
export function traceTable(rows: ReadonlyMap<string, readonly LoadSummary[]>, first = 'page'): string {
  const cell = (values: number[]) => (values.length === 0 ? '—' : `${median(values).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`);
  const lines = [...rows].map(([label, runs]) => `| ${label} | ${runs.length} | ${FIELDS.map((f) => cell(runs.map((r) => r[f]).filter((v): v is number => v !== null))).join(' | ')} |`);
  return [`| ${first} | loads | ${FIELDS.join(' | ')} |`, `|---|---:|${FIELDS.map(() => '---:').join('|')}|`, ...lines].join('\n');
}

/**
 * `loads` traced loads of each of `paths` under `baseUrl`, in turn: each in a new Chromium, or (`warm`) each in a new
 * context of one Chromium that has loaded every path once before.
 */
export async function tracePages(baseUrl: string, paths: readonly string[], loads: number, warm: boolean, chromePath: string): Promise<Map<string, LoadSummary[]>> {
  const { chromium } = await import('playwright-core');
  const launch = () => chromium.launch({ executablePath: chromePath, args: ['--no-sandbox', '--disable-gpu'] });
  const out = new Map<string, LoadSummary[]>(paths.map((p) => [p, []]));
  const shared = warm ? await launch() : null;
  try {
    for (const path of paths) if (shared) await traceLoad(shared, new URL(path, baseUrl).href); // the warm-up load
    for (let i = 0; i < loads; i++) {
      for (const path of paths) {
        const browser = shared ?? (await launch());
        try {
          out.get(path)!.push(await traceLoad(browser, new URL(path, baseUrl).href));
        } finally {
          if (!shared) await browser.close();
        }
      }
    }
  } finally {
    await shared?.close();
  }
  return out;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { site: { type: 'string' }, path: { type: 'string', multiple: true }, loads: { type: 'string', default: '10' }, warm: { type: 'boolean', default: false } } });
  if (!values.site || !values.path?.length) throw new Error('usage: node scripts/bench/page-trace.ts --site DIR --path /x/ [--path /y/ …] [--loads N] [--warm]');
  const { CHROMIUM_PATH } = await import('../../tests/support/system.ts');
  const { startStaticServer } = await import('../lib/static-server.ts');
  const server = await startStaticServer({ root: values.site, compress: true });
  try {
    const loads = await tracePages(server.url, values.path, Number(values.loads), values.warm, CHROMIUM_PATH);
    const rows = new Map([...loads].map(([path, runs]) => [`\`${path}\``, runs]));
    console.log(`${values.warm ? 'Warm browser' : 'A new Chromium per load'}, ms (median, min–max):\n\n${traceTable(rows)}`);
  } finally {
    await server.close();
  }
}
