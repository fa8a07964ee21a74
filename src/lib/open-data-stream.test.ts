import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadRegistries } from '../../scripts/registries.ts';
import { buildPlanDocument } from '../../scripts/pipeline/document.ts';
import { targetsCsvChunks, targetsJsonChunks, textStream } from './open-data-stream.ts';
import { targetRecords, toCsv } from './targets-view.ts';

const reg = loadRegistries('seeds', 'content');
const plans = readdirSync('seeds')
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => buildPlanDocument({ name, path: `seeds/${name}`, bytes: readFileSync(`seeds/${name}`) }, reg));
const urlOf = (s: string, b: string) => `https://example.org/plans/${s}/#${b}`;

describe('open data written plan by plan', () => {
  test('targets.csv: the same bytes as one toCsv of every record, one chunk per plan with targets (and the header)', async () => {
    const all = targetRecords(plans, reg.indicators, urlOf);
    expect(all.length).toBeGreaterThan(0);
    const chunks = [...targetsCsvChunks(plans, reg.indicators, urlOf)];
    expect(chunks).toHaveLength(1 + plans.filter((p) => p.targets.length > 0).length);
    // Bytes, not text(): decoding would drop the BOM.
    const bytes = Buffer.from(await new Response(textStream(chunks)).arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8')).toBe(toCsv(all));
  });

  test('targets.json: the same text as JSON.stringify(…, null, 1) of the whole object', async () => {
    const all = targetRecords(plans, reg.indicators, urlOf);
    const text = await new Response(textStream(targetsJsonChunks(plans, reg.indicators, urlOf, 's#x'))).text();
    expect(text).toBe(JSON.stringify({ schema: 's#x', count: all.length, targets: all }, null, 1));
    expect(await new Response(textStream(targetsJsonChunks([], reg.indicators, urlOf, 's#x'))).text()).toBe(JSON.stringify({ schema: 's#x', count: 0, targets: [] }, null, 1));
  });
});
