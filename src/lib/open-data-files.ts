/**
 * The open-data files of every plan at once (`data/targets.json|csv`, `data/plans.csv`, `data/instruments.csv`,
 * `data/incentives.csv`, `data/alignment.json`; their schemas: src/lib/open-data-schemas.ts), plans in `allPlans` order, written plan by plan
 * as chunks so that no whole file is held.
 *
 * They need every plan, and any plan changes them. The build makes them in prepare (scripts/prepare.ts), whose chart
 * worker holds every plan anyway and finishes well before prepare's main thread, under `<plans>/_open-data/` with the
 * key they were made for; the site-files stage links them into the site when that key is its own (else it makes them
 * itself, reading every plan). At 10,000 plans making them in site files meant reading and holding every plan in both
 * of its processes, 10–15 s of a rebuild that adds a plan (issue 15).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanDocument } from '../schemas/plan.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { Kind, RegionOverlayEntry } from '../schemas/registry.ts';
import type { CitedDocument } from '../schemas/documents.ts';
import type { Instrument } from '../schemas/instruments.ts';
import { alignmentRecords, planAlignments } from './alignment.ts';
import { digestOf } from './digest.ts';
import { instrumentsCsvChunks } from './instruments-view.ts';
import { incentivesCsvChunks } from './incentives-view.ts';
import { plansCsvChunks, targetsCsvChunks, targetsJsonChunks } from './open-data-stream.ts';
import { restatedPlans } from './crosslinks/plans-cited.ts';
import { planUrl, url } from './url.ts';
import { readRegistry } from './registry-files.ts';

/** The registries the site's files are made from besides the plans. */
export interface SiteRegistries {
  kinds: Kind[];
  indicators: Indicator[];
  instruments: Instrument[];
  documents: CitedDocument[];
  regionOverlay: RegionOverlayEntry[];
}

/** The registries of `SiteRegistries`, read from `content/` (no Astro needed). */
export async function readSiteRegistries(): Promise<SiteRegistries> {
  const [kinds, indicators, instruments, documents, regionOverlay] = await Promise.all([
    readRegistry('kinds'),
    readRegistry('indicators'),
    readRegistry('instruments'),
    readRegistry('documents'),
    readRegistry('regions'),
  ]);
  return { kinds, indicators, instruments, documents, regionOverlay };
}

/** One open-data file: its path under the site's base, its content type, and its text as chunks, made when asked for. */
export interface OpenDataFile {
  path: string;
  type: string;
  body: () => string | Iterable<string>;
}

/** The open-data files, made from `plans()` (called only when a body is asked for) and the site's address. */
export function openDataFiles(plans: () => PlanDocument[], registries: SiteRegistries, site: URL): OpenDataFile[] {
  const { indicators } = registries;
  const urlOf = (slug: string, blockId: string) => new URL(planUrl(slug, blockId), site).href;
  const csv = 'text/csv; charset=utf-8';
  const json = 'application/json; charset=utf-8';
  return [
    { path: 'data/targets.json', type: json, body: () => targetsJsonChunks(plans(), indicators, urlOf, 'schema.json#/$defs/TargetRecord') },
    { path: 'data/targets.csv', type: csv, body: () => targetsCsvChunks(plans(), indicators, urlOf) },
    {
      path: 'data/plans.csv',
      type: csv,
      body: () => {
        const all = plans();
        return plansCsvChunks(all, registries.kinds, (slug) => new URL(planUrl(slug), site).href, (slug) => new URL(url(`data/plans/${slug}.json`), site).href, restatedPlans(all, registries.documents));
      },
    },
    { path: 'data/instruments.csv', type: csv, body: () => instrumentsCsvChunks(plans(), registries.instruments, urlOf) },
    { path: 'data/incentives.csv', type: csv, body: () => incentivesCsvChunks(plans(), urlOf) },
    {
      // Each plan's targets beside the targets of the plan it carries out (src/lib/alignment.ts): a few per plan.
      path: 'data/alignment.json',
      type: json,
      body: () => {
        const records = alignmentRecords(planAlignments(plans(), registries.documents, indicators), indicators, urlOf);
        return JSON.stringify({ schema: 'schema.json#/$defs/AlignmentRecord', count: records.length, rows: records }, null, 1);
      },
    },
  ];
}

/** What every site file is made of besides its own key (scripts/site-files.ts): the code, the registries, the site's address and base. */
export function siteFilesDigest(code: string, registries: SiteRegistries, site: URL): string {
  const { kinds, indicators, instruments, documents, regionOverlay } = registries;
  return digestOf({ code, registries: [kinds, indicators, instruments, documents, regionOverlay], site: site.href, base: url('') });
}

/**
 * What the open data is made of: what every site file is, and every plan (its file's digest) in order. Prepare and
 * site files compute it alike; site files link prepare's files only when it is equal.
 */
export function openDataKey(code: string, planDigests: readonly (string | undefined)[], registries: SiteRegistries, site: URL): string {
  return digestOf({ shared: siteFilesDigest(code, registries, site), plans: planDigests });
}

/** Where prepare writes the open data: a folder beside the plans (a name starting with `_` is no plan's). */
export const openDataFolder = (plansDir: string): string => join(plansDir, '_open-data');

/** The file prepare wrote for the open-data file at `path` (`data/targets.csv` → `_open-data/targets.csv`). */
export const preparedOpenDataFile = (plansDir: string, path: string): string => join(openDataFolder(plansDir), path.slice('data/'.length));

/** The record of the key prepare made its open data for; written after the files, removed before they are. */
export const openDataKeyFile = (plansDir: string): string => join(openDataFolder(plansDir), '_key.json');

/** The key prepare's open data was made for, or null (none yet, a broken record, or one being written). */
export function preparedOpenDataKey(plansDir: string): string | null {
  try {
    const record = JSON.parse(readFileSync(openDataKeyFile(plansDir), 'utf8')) as { key?: unknown };
    return typeof record.key === 'string' ? record.key : null;
  } catch {
    return null;
  }
}
