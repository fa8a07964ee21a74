import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { realSeeds } from './crosslinks/test-fixtures.ts';
import { readPlans, readPrepared, shelfOf } from './plan-files.ts';
import { chartIndexFile, type ChartIndex } from './prepared-charts.ts';
import { PHONE_WIDTH } from './charts/layout.ts';
import { readRegistry } from './registry-files.ts';
import { SITE_FILE_PATH, siteFiles, wholeBody, type SiteFile, type SiteFilesInput } from './site-files.ts';
import { writeOutputs } from '../../scripts/ingest.ts';
import { codeDigest } from '../../scripts/lib/code-digest.ts';
import { openDataFiles, preparedOpenDataFile } from './open-data-files.ts';
import { siteUrl } from './site-config.ts';
import { prepare } from '../../scripts/prepare.ts';
import type { PlanDocument } from '../schemas/plan.ts';

let plans: PlanDocument[];
let plansDir: string;
let input: SiteFilesInput;
let files: SiteFile[];
const at = (path: string): SiteFile => {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`no file ${path}`);
  return f;
};

beforeAll(async () => {
  plansDir = mkdtempSync(join(tmpdir(), 'site-files-'));
  // The seeds as the build has them: ingested, prepared (the chart catalog), read back.
  writeOutputs(plansDir, realSeeds().run.files);
  await prepare(plansDir);
  plans = await readPlans(plansDir);
  for (const p of plans) writeFileSync(join(plansDir, `${p.slug}.txt`), `原文 ${p.slug}\n`);
  input = {
    plansDir,
    plans: shelfOf(plans),
    code: codeDigest(),
    kinds: await readRegistry('kinds'),
    indicators: await readRegistry('indicators'),
    instruments: await readRegistry('instruments'),
    documents: await readRegistry('documents'),
    regionOverlay: await readRegistry('regions'),
    site: new URL('https://plans.example.org'),
  };
  files = siteFiles(input);
});
afterAll(() => rmSync(plansDir, { recursive: true, force: true }));

describe('siteFiles', () => {
  test('each plan has its source text, open data, search record and three citation files, at the paths its page links to', () => {
    const slug = 'xinji-14th-five-year';
    const own = files.filter((f) => f.path.includes(slug) && !f.path.includes('charts/')).map((f) => f.path);
    expect(own).toEqual([
      `sources/${slug}.txt`,
      `data/plans/${slug}.json`,
      `search/blocks/${slug}.json.gz`,
      `plans/${slug}/cite.ris`,
      `plans/${slug}/cite.bib`,
      `plans/${slug}/cite.json`,
    ]);
    expect(files.filter((f) => f.path.startsWith('sources/'))).toHaveLength(plans.length);
  });

  test('no two files share a path, and every path is one the dev server asks for (SITE_FILE_PATH)', () => {
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
    expect(files.filter((f) => !SITE_FILE_PATH.test(f.path)).map((f) => f.path)).toEqual([]);
    for (const page of ['plans/x/', 'plans/x/index.html', 'charts/', 'data/schema.json', 'data/', 'data/other.csv', 'search/', 'en/plans/x/cite.bib']) expect(SITE_FILE_PATH.test(page), page).toBe(false);
  });

  test('a drawn chart has its SVG in both editions, each also as drawn for a phone, and its CSV; a chart with nothing to draw has no file', async () => {
    const catalog = (await readPrepared<ChartIndex>(chartIndexFile(plansDir))).charts;
    const id = 'plan-xinji-14th-five-year-baseline-target';
    expect(files.filter((f) => f.path.includes(`/${id}.`)).map((f) => f.path)).toEqual([`charts/${id}.svg`, `en/charts/${id}.svg`, `charts/phone/${id}.svg`, `en/charts/phone/${id}.svg`, `charts/${id}.csv`]);
    // The phone's file is the chart drawn PHONE_WIDTH wide, with its margin (svg.ts standaloneSize).
    expect(String(await at(`charts/phone/${id}.svg`).body())).toMatch(new RegExp(`viewBox="0 0 ${PHONE_WIDTH + 16} `, 'u'));
    expect(String(await at(`en/charts/phone/${id}.svg`).body())).toContain('xml:lang="en"');
    const empty = catalog.filter((c) => c.empty);
    expect(empty.length).toBeGreaterThan(0);
    for (const c of empty) expect(files.some((f) => f.path.includes(`/${c.id}.`))).toBe(false);
    expect(files.filter((f) => f.path.startsWith('charts/') && f.path.endsWith('.csv'))).toHaveLength(catalog.length - empty.length);
  });

  test('the bodies: the text ingest kept, the model, the gzip-compressed search record, citations with the full URL', async () => {
    const slug = 'beichen-2020-2022';
    expect(await at(`sources/${slug}.txt`).body()).toBe(`原文 ${slug}\n`);
    expect(JSON.parse(String(await at(`data/plans/${slug}.json`).body()))).toEqual(JSON.parse(JSON.stringify(plans.find((p) => p.slug === slug))));
    const record = JSON.parse(gunzipSync(await at(`search/blocks/${slug}.json.gz`).body() as Uint8Array).toString('utf8'));
    expect(record.slug).toBe(slug);
    expect(record.title).toBe('北辰区科技创新三年行动计划实施方案(2020-2022年)');
    expect(await at(`plans/${slug}/cite.bib`).body()).toContain(`https://plans.example.org/plans/${slug}/`);
    expect(await at(`plans/${slug}/cite.ris`).body()).toMatch(/^TY {2}- /u);
    expect(JSON.parse(String(await at(`plans/${slug}/cite.json`).body()))[0].URL).toBe(`https://plans.example.org/plans/${slug}/`);
  });

  test('the open data of every plan comes in chunks, plan by plan: plans.csv has a row per plan with its page and data file', async () => {
    expect(files.slice(0, 6).map((f) => f.path)).toEqual(['data/targets.json', 'data/targets.csv', 'data/plans.csv', 'data/instruments.csv', 'data/incentives.csv', 'data/alignment.json']);
    const body = await at('data/plans.csv').body();
    expect(typeof body === 'string' || body instanceof Uint8Array, 'plans.csv is made row by row').toBe(false);
    const chunks = [...(body as Iterable<string>)];
    expect(chunks).toHaveLength(1 + plans.length);
    expect(chunks[0]).toBe('\ufeffslug,title,region,regionName,periodStart,periodEnd,kind,docNumber,url,data,restates\r\n');
    // From the seed's own header (seeds/000_…: 发文字号 北辰政发〔2021〕5号, the plan for 2020–2022) and regions.yaml.
    const beichen = chunks.find((c) => c.startsWith('beichen-2020-2022,'))!.trimEnd().split(',');
    expect(beichen.slice(0, 3)).toEqual(['beichen-2020-2022', '北辰区科技创新三年行动计划实施方案(2020-2022年)', 'tianjin-beichen']);
    expect(beichen.slice(4, 6)).toEqual(['2020', '2022']);
    // No seed is about another (restates: empty).
    expect(beichen.slice(7)).toEqual(['北辰政发〔2021〕5号', 'https://plans.example.org/plans/beichen-2020-2022/', 'https://plans.example.org/data/plans/beichen-2020-2022.json', '']);
  });

  test("the open data prepare made for this very site is prepare's files, with the bytes the plans make; for another site it is made here", async () => {
    // prepare (beforeAll) made the open data for the site of the environment (src/lib/site-config.ts), not plans.example.org.
    expect(files.slice(0, 6).every((f) => f.prepared === undefined)).toBe(true);
    const site = new URL(siteUrl());
    const own = siteFiles({ ...input, site }).slice(0, 6);
    const made = openDataFiles(() => plans, input, site);
    expect(own.map((f) => f.prepared)).toEqual(made.map((f) => preparedOpenDataFile(plansDir, f.path)));
    const text = (body: string | Iterable<string>) => (typeof body === 'string' ? body : [...body].join(''));
    for (const [i, f] of own.entries()) expect([f.path, await wholeBody(f)]).toEqual([made[i]!.path, text(made[i]!.body())]);
    // Other code, another address, one plan less: not what prepare made them for.
    expect(siteFiles({ ...input, site, code: 'other' })[0]!.prepared).toBeUndefined();
    expect(siteFiles({ ...input, site, plans: shelfOf(plans.slice(1)) })[0]!.prepared).toBeUndefined();
  });

  test("the regions timeline's CSV has every plan with a period, its title and years, made without reading a plan", async () => {
    const shelf = shelfOf(plans);
    const read = vi.spyOn(shelf, 'plan');
    const csv = String(await siteFiles({ ...input, plans: shelf }).find((f) => f.path === 'charts/regions-timeline.csv')!.body());
    expect(read).not.toHaveBeenCalled();
    const rows = csv.replace(/^\ufeff/u, '').trimEnd().split('\r\n');
    expect(rows[0]).toBe('plan,planTitle,start,end,outlook');
    // From the seeds: 辛集's 十四五 plan, "规划期为2021—2025年,展望到2035年"; 北辰's three-year plan, titled with its years.
    expect(rows).toContain('xinji-14th-five-year,辛集市科技创新“十四五”规划,2021,2025,2035');
    expect(rows).toContain('beichen-2020-2022,北辰区科技创新三年行动计划实施方案(2020-2022年),2020,2022,');
    expect(rows).toHaveLength(1 + plans.filter((p) => p.meta.period).length);
  });

  test('the English SVG speaks English, the Chinese one Chinese, with the same chart id', async () => {
    const id = 'plan-xinji-14th-five-year-baseline-target';
    const zh = String(await at(`charts/${id}.svg`).body());
    const en = String(await at(`en/charts/${id}.svg`).body());
    expect(zh).toContain('>来源：地方科技规划参考库<');
    expect(en).toMatch(/>Sources: [A-Z][^<]*</u);
    expect(zh).toContain(id);
    expect(en).toContain(id);
  });
});
