import { describe, expect, test } from 'vitest';
import { lighthouseMarkdown, medianRun, pointsBelowFull, summarizeLhr, type LighthousePage } from './lighthouse.ts';

// A hand-written slice of Lighthouse 12's JSON report: the fields the benchmark reads.
const audit = (id: string, score: number | null, numericValue?: number, scoreDisplayMode = 'numeric') => ({ id, title: `title of ${id}`, score, scoreDisplayMode, numericValue });
const lhr = {
  categories: {
    performance: { score: 0.93, auditRefs: [{ id: 'largest-contentful-paint', weight: 25 }, { id: 'cumulative-layout-shift', weight: 25 }, { id: 'bf-cache', weight: 0 }] },
    accessibility: { score: 1, auditRefs: [{ id: 'color-contrast', weight: 7 }] },
    'best-practices': { score: 0.96, auditRefs: [{ id: 'csp-xss', weight: 0 }, { id: 'errors-in-console', weight: 1 }] },
    seo: { score: 1, auditRefs: [] },
  },
  audits: {
    'largest-contentful-paint': audit('largest-contentful-paint', 0.8, 2512.4),
    'cumulative-layout-shift': audit('cumulative-layout-shift', 0.96, 0.0671),
    'total-blocking-time': audit('total-blocking-time', 1, 12.2),
    'first-contentful-paint': audit('first-contentful-paint', 1, 900.6),
    interactive: audit('interactive', 0.9, 3810.2),
    'bf-cache': audit('bf-cache', 0, undefined, 'binary'),
    'color-contrast': audit('color-contrast', 1, undefined, 'binary'),
    'errors-in-console': audit('errors-in-console', 0, undefined, 'binary'),
    'csp-xss': audit('csp-xss', null, undefined, 'informative'),
  },
};

describe('summarizeLhr(name, path, lhr)', () => {
  test('scores 0–100, core metrics, and the audits that cost points (weighted, under 1) in categories under 100', () => {
    const page = summarizeLhr('largest plan', '/plans/x/', lhr);
    expect(page.scores).toEqual({ performance: 93, accessibility: 100, 'best-practices': 96, seo: 100 });
    expect(page.metrics).toEqual({ lcpMs: 2512, cls: 0.067, tbtMs: 12, fcpMs: 901, ttiMs: 3810 });
    expect(page.losses).toEqual([
      'performance: largest-contentful-paint (title of largest-contentful-paint) 0.80',
      'performance: cumulative-layout-shift (title of cumulative-layout-shift) 0.96',
      'best-practices: errors-in-console (title of errors-in-console) 0.00',
    ]);
    expect(pointsBelowFull([page])).toBe(11);
    expect(lighthouseMarkdown([page])).toContain('| largest plan (`/plans/x/`) | 93 | 100 | 96 | 100 | 901 | 2512 | 12 | 0.067 |');
  });
  test('a run that failed says so, naming the page', () => {
    expect(() => summarizeLhr('home', '/', { ...lhr, runtimeError: { code: 'NO_FCP', message: 'The page did not paint' } })).toThrow('Lighthouse on /: NO_FCP: The page did not paint');
  });
});

describe('medianRun(runs)', () => {
  const run = (performance: number, fcpMs: number, ttiMs: number): LighthousePage => ({
    name: 'largest plan',
    path: '/plans/x/',
    scores: { performance, accessibility: 100, 'best-practices': 100, seo: 100 },
    metrics: { lcpMs: fcpMs + 200, cls: 0, tbtMs: 0, fcpMs, ttiMs },
    losses: [],
  });
  test('is the run nearest the median first paint and time to interactive, with every run’s score beside it', () => {
    // Medians: first paint 950 ms, interactive 2,100 ms: the third run is both.
    const chosen = medianRun([run(100, 900, 2000), run(90, 1200, 3000), run(98, 950, 2100)]);
    expect(chosen.scores.performance).toBe(98);
    expect(chosen.performanceRuns).toEqual([100, 90, 98]);
    expect(lighthouseMarkdown([chosen])).toContain('performance in each run: largest plan 100, 90, 98.');
  });
  test('is not the median score: one slow metric in the run with the middle score does not make it the median', () => {
    // Scores 100, 99, 97; medians 905 ms and 2,100 ms: the middle score’s run is 1.9 s off in time to interactive,
    // the last 145 ms off in first paint, the first 5 and 100 ms off: the first is nearest.
    expect(medianRun([run(100, 900, 2000), run(99, 905, 4000), run(97, 1050, 2100)]).scores.performance).toBe(100);
  });
  test('of one run is that run; of none is an error', () => {
    expect(medianRun([run(95, 900, 2000)]).scores.performance).toBe(95);
    expect(() => medianRun([])).toThrow('no runs');
  });
});
