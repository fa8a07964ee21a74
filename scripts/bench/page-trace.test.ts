import { describe, expect, test } from 'vitest';
import { summarizeTrace, traceTable, type LoadSummary, type TraceEvent } from './page-trace.ts';

// A hand-written trace: an about:blank renderer (pid 1) that parsed a little, and the page's renderer (pid 2), whose
// main thread is tid 7 (tid 8 is its compositor). Times in microseconds; navigation to the page at 1 s.
const x = (name: string, ts: number, dur: number, pid = 2, tid = 7): TraceEvent => ({ name, ph: 'X', ts, dur, pid, tid });
const TRACE: TraceEvent[] = [
  { name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid: 1, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', ts: 0, pid: 2, tid: 7, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', ts: 0, pid: 2, tid: 8, args: { name: 'Compositor' } },
  x('ParseHTML', 800_000, 100, 1, 1),
  { name: 'navigationStart', ph: 'R', ts: 900_000, pid: 2, tid: 7, args: { data: { documentLoaderURL: '' } } },
  { name: 'navigationStart', ph: 'R', ts: 1_000_000, pid: 2, tid: 7, args: { data: { documentLoaderURL: 'http://127.0.0.1/plans/x/' } } },
  x('RunTask', 1_010_000, 20_000),
  x('ParseHTML', 1_010_000, 15_000),
  x('RunTask', 1_040_000, 120_000),
  x('UpdateLayoutTree', 1_040_000, 10_000),
  x('Layout', 1_050_000, 100_000),
  { name: 'firstContentfulPaint', ph: 'R', ts: 1_100_000, pid: 2, tid: 7 },
  x('RunTask', 1_200_000, 30_000),
  x('EvaluateScript', 1_200_000, 25_000),
  x('RunTask', 1_300_000, 10_000),
  x('Layout', 1_301_000, 8_000),
  x('Layout', 1_301_000, 50_000, 2, 8),
];

describe('summarizeTrace(events)', () => {
  test("the page's main thread, from its navigation: paint, layout, style, parsing, scripts, blocking after the first paint", () => {
    expect(summarizeTrace(TRACE)).toEqual({
      fcpMs: 100,
      longestLayoutMs: 100,
      layoutMs: 108,
      styleMs: 10,
      parseMs: 15,
      scriptMs: 25,
      longestTaskMs: 120,
      // The 120 ms task: 60 ms after the paint → 4 × 60 − 50 = 190; the 30 ms one: 70; the 10 ms one: 40 − 50 → 0.
      blockingAfterFcpX4Ms: 260,
    });
  });

  test('a trace in which no renderer parsed HTML is an error, not a page of zeros', () => {
    expect(() => summarizeTrace(TRACE.filter((e) => e.name !== 'ParseHTML'))).toThrow('no renderer main thread parsed HTML');
  });
});

test('traceTable: per page, the median and range of each figure over its loads', () => {
  const load = (layout: number, fcp: number | null): LoadSummary => ({ fcpMs: fcp, longestLayoutMs: layout, layoutMs: layout, styleMs: 1, parseMs: 2, scriptMs: 3, longestTaskMs: layout, blockingAfterFcpX4Ms: 0 });
  const table = traceTable(new Map([['`/plans/x/`', [load(300, 500), load(100, null), load(200, 700)]]]));
  expect(table.split('\n')[0]).toBe('| page | loads | fcpMs | longestLayoutMs | layoutMs | styleMs | parseMs | scriptMs | longestTaskMs | blockingAfterFcpX4Ms |');
  expect(table.split('\n')[2]).toBe('| `/plans/x/` | 3 | 600 (500–700) | 200 (100–300) | 200 (100–300) | 1 (1–1) | 2 (2–2) | 3 (3–3) | 200 (100–300) | 0 (0–0) |');
});
