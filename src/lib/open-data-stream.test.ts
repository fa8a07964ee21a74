import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadRegistries } from '../../scripts/registries.ts';
import { buildPlanDocument } from '../../scripts/pipeline/document.ts';
import { targetsCsvChunks, targetsJsonChunks } from './open-data-stream.ts';
import { targetRecords, toCsv } from './targets-view.ts';

const reg = loadRegistries('seeds', 'content');
const plans = readdirSync('seeds')
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => buildPlanDocument({ name, path: `seeds/${name}`, bytes: readFileSync(`seeds/${name}`) }, reg));
const urlOf = (s: string, b: string) => `https://example.org/plans/${s}/#${b}`;

describe('open data written plan by plan', () => {
  test('targets.csv: the same text as one toCsv of every record, one chunk per plan with targets (and the header)', () => {
    const all = targetRecords(plans, reg.indicators, urlOf);
    expect(all.length).toBeGreaterThan(0);
    const chunks = [...targetsCsvChunks(plans, reg.indicators, urlOf)];
    expect(chunks).toHaveLength(1 + plans.filter((p) => p.targets.length > 0).length);
    const text = chunks.join('');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text).toBe(toCsv(all));
  });

  test('targets.json: the same text as JSON.stringify(…, null, 1) of the whole object', () => {
    const all = targetRecords(plans, reg.indicators, urlOf);
    const text = [...targetsJsonChunks(plans, reg.indicators, urlOf, 's#x')].join('');
    expect(text).toBe(JSON.stringify({ schema: 's#x', count: all.length, targets: all }, null, 1));
    expect([...targetsJsonChunks([], reg.indicators, urlOf, 's#x')].join('')).toBe(JSON.stringify({ schema: 's#x', count: 0, targets: [] }, null, 1));
  });
});
