/**
 * Nothing lost, on the built page: for every plan, the text of the page's body — as Chromium lays it out, with
 * editorial UI (`[data-ui]`: anchors, repair notes, value readings, table notes, related links) set aside —
 * contains every character of the seed, in order, except the lines the page lists as removed and the passages it
 * lists as repaired. The same check as scripts/pipeline/lossless.ts, run on the real page.
 *
 * The page's lists come from the built site's data (`/data/plans/<slug>.json`). Since whatever they list is exempt
 * from the check, they are first held to the hand-read fixtures: exactly the lines of
 * tests/fixtures/removed/seeds.yaml are left out, and exactly the repairs of tests/fixtures/repairs.yaml and
 * content/corrections.yaml are made; a seed without repairs must have none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { parse } from 'yaml';
import { decodeSeed } from '../../scripts/pipeline/decode.ts';
import { expectedLines, findFirstLoss } from '../../scripts/pipeline/lossless.ts';
import type { PlanDocument } from '../../src/schemas/plan.ts';
import { pageUrl, planPages } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const plans = planPages(siteDir);
const seeds = readdirSync('seeds').filter((name) => name.endsWith('.txt'));
type Repair = { original: string; replacement: string };
const ingestRepairs = parse(readFileSync('tests/fixtures/repairs.yaml', 'utf8')) as Record<string, Repair[] | null>;
const corrections = parse(readFileSync('content/corrections.yaml', 'utf8')) as Record<string, Repair[] | null>;
const removedLines = parse(readFileSync('tests/fixtures/removed/seeds.yaml', 'utf8')) as Record<string, { line: number; kind: string }[] | null>;
/** `original → replacement`, sorted: the same repairs in any order compare equal. */
const repairList = (list: Repair[]) => list.map((r) => `“${r.original}” → “${r.replacement}”`).sort();

const browser = browserForFile();

test('there is a plan page for every seed', () => {
  expect(plans).toHaveLength(seeds.length);
});

describe.each(plans)('$path', ({ path }) => {
  test('lists exactly the hand-read removals and repairs, and holds every other character of the seed in order', async () => {
    const slug = path.split('/')[2]!;
    const doc = JSON.parse(readFileSync(join(siteDir, 'data/plans', `${slug}.json`), 'utf8')) as PlanDocument;
    const seed = doc.source.file;
    expect(seeds, `${slug}: source.file of the built data`).toContain(seed);
    // What the page may leave out or change is exactly what the fixtures say, no more (it would pass unchecked).
    expect(doc.removed.map((r) => `${r.line} ${r.kind}`), `${seed}: lines left out`).toEqual((removedLines[seed] ?? []).map((r) => `${r.line} ${r.kind}`));
    expect(repairList(doc.repairs), `${seed}: repairs`).toEqual(repairList([...(ingestRepairs[seed] ?? []), ...(corrections[seed] ?? [])]));
    const source = decodeSeed(readFileSync(join('seeds', seed)), seed).text;
    const expected = expectedLines(source, doc);
    expect(expected.length, `${seed}: lines the page must hold`).toBeGreaterThan(0);
    await browser.page.goto(pageUrl(baseUrl, path));
    const text = await browser.page.evaluate(() => {
      const body = document.querySelector('.plan-text')!.cloneNode(true) as HTMLElement;
      for (const ui of body.querySelectorAll('[data-ui]')) ui.remove();
      return body.textContent ?? '';
    });
    const loss = findFirstLoss(expected, text);
    expect(loss, loss ? `${seed}:${loss.line}: missing “${loss.passage}”, the page has “${loss.found}” there` : '').toBeNull();
  });
});
