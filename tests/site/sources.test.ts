/**
 * The plain-text sources: for every seed there is a `/sources/<slug>.txt`, served as
 * `text/plain; charset=utf-8`, whose body is the seed's text decoded (UTF-8 with any BOM removed, or GB18030
 * for a seed that is not UTF-8), byte for byte; and no source is served that has no seed.
 *
 * The seed→slug mapping comes from the built site's own data (`/data/plans/<slug>.json`, `source.file`), since a
 * seed without a catalog entry gets its slug from ingest; the seed bytes are decoded here independently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { expectNone } from '../support/report.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const SEEDS_DIR = 'seeds';
const PLANS_DIR = join(siteDir, 'data/plans');

const seeds = readdirSync(SEEDS_DIR).filter((name) => name.endsWith('.txt')).sort();

/** Seed file name → slug, read from the built site's plan data. */
function slugsBySeed(): Map<string, string> {
  const map = new Map<string, string>();
  for (const name of readdirSync(PLANS_DIR).filter((n) => n.endsWith('.json'))) {
    const record = JSON.parse(readFileSync(join(PLANS_DIR, name), 'utf8')) as { slug?: string; source?: { file?: string } };
    if (record.slug && record.source?.file) map.set(record.source.file, record.slug);
  }
  return map;
}
const slugs = slugsBySeed();

/** The seed's text: UTF-8 without its BOM when it is valid UTF-8, otherwise GB18030 (a superset of GBK). */
function decodeSeed(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes); // strips a leading BOM
  } catch {
    return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  }
}

/** JSON-quoted, with invisible characters (BOM, zero-width, controls) spelled out as \\u escapes. */
function visible(text: string | undefined): string {
  if (text === undefined) return '(no such line)';
  return JSON.stringify(text.slice(0, 160)).replace(
    /[\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/gu,
    (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`,
  );
}

/** Where two texts first differ, as `line N: expected … / served …`. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if (a[i] !== b[i]) {
      return `first difference at line ${i + 1}:\n  seed:   ${visible(a[i])}\n  served: ${visible(b[i])}`;
    }
  }
  return 'texts differ only in length';
}

test('there are seeds, and the built data names a slug for each', () => {
  expect(seeds.length, `no .txt seeds in ${SEEDS_DIR}/`).toBeGreaterThan(0);
  expectNone(
    seeds.filter((seed) => !slugs.has(seed)).map((seed) => `${SEEDS_DIR}/${seed}: no ${PLANS_DIR}/*.json has source.file = "${seed}"`),
    'seeds without a plan',
  );
});

test('no source is served that has no seed', () => {
  const expected = new Set([...slugs.values()].map((slug) => `${slug}.txt`));
  const served = readdirSync(join(siteDir, 'sources')).filter((n) => n.endsWith('.txt'));
  expectNone(
    served.filter((name) => !expected.has(name)).map((name) => `${join(siteDir, 'sources', name)} matches no seed`),
    'stray source files',
  );
  // One per seed: a missing one is named by the tests below; none at all would make the check above vacuous.
  expect(served.length, `.txt files in ${join(siteDir, 'sources')}`).toBe(seeds.length);
});

// (`$slug.txt` in a title would read as the property path slug → txt, hence the separate `source` field.)
describe.each(seeds.map((seed) => ({ seed, slug: slugs.get(seed), source: `/sources/${slugs.get(seed)}.txt` })))('$seed → $source', ({ seed, slug }) => {
  test('is served as text/plain; charset=utf-8 with the seed text decoded', async () => {
    expect(slug, `${seed}: no slug in the built data`).toBeDefined();
    const url = new URL(`sources/${slug}.txt`, baseUrl).href;
    const response = await fetch(url);
    expect(response.status, `${url}: HTTP status`).toBe(200);
    expect(response.headers.get('content-type'), `${url}: Content-Type`).toBe('text/plain; charset=utf-8');
    const body = new Uint8Array(await response.arrayBuffer());
    let served: string;
    try {
      // ignoreBOM keeps a BOM in the served body, so a BOM that should have been stripped shows as a difference.
      served = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      expect.fail(`${url}: the body is not valid UTF-8`);
    }
    const expected = decodeSeed(readFileSync(join(SEEDS_DIR, seed)));
    if (served !== expected) {
      expect.fail(
        `${url} differs from ${SEEDS_DIR}/${seed} decoded (${served.length} vs ${expected.length} characters); ${firstDifference(expected, served)}`,
      );
    }
  });
});
