/**
 * Open-data files written plan by plan (issue 15): generators of text chunks, one plan's rows each, so that no array
 * of every plan's records and no string of the whole file is held while the file is written (scripts/site-files.ts
 * writes each chunk as it comes). The text is what a single `toCsv` / `JSON.stringify(…, null, 1)` of all records
 * would give.
 */
import type { PlanDocument } from '../schemas/plan.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { Kind } from '../schemas/registry.ts';
import { summarize } from './plan-summary.ts';
import { targetRecords, type TargetRecord } from './targets-view.ts';
import { csvCell as cell } from './csv.ts';

/** The columns of targets.csv, in the order `targetRecords` writes the fields. */
const KEYS: (keyof TargetRecord)[] = ['plan', 'planTitle', 'region', 'id', 'indicatorId', 'indicatorName', 'indicatorNameEn', 'indicatorNameEnSource', 'phrase', 'level', 'kind', 'measure', 'value', 'valueText', 'unit', 'year', 'periodStart', 'periodEnd', 'qualifiers', 'quote', 'url', 'line'];

/** targets.csv (RFC 4180, UTF-8 BOM), one plan's rows per chunk. */
export function* targetsCsvChunks(plans: readonly PlanDocument[], indicators: Indicator[], urlOf: (slug: string, blockId: string) => string): Generator<string> {
  yield `\ufeff${KEYS.join(',')}\r\n`;
  for (const doc of plans) {
    const rows = targetRecords([doc], indicators, urlOf);
    if (rows.length > 0) yield rows.map((r) => `${KEYS.map((k) => cell(r[k])).join(',')}\r\n`).join('');
  }
}

/** targets.json as `JSON.stringify({ schema, count, targets }, null, 1)` writes it, one plan's records per chunk. */
export function* targetsJsonChunks(plans: readonly PlanDocument[], indicators: Indicator[], urlOf: (slug: string, blockId: string) => string, schema: string): Generator<string> {
  const count = plans.reduce((n, p) => n + p.targets.length, 0);
  const head = `{\n "schema": ${JSON.stringify(schema)},\n "count": ${count},\n "targets": `;
  if (count === 0) {
    yield `${head}[]\n}`;
    return;
  }
  yield `${head}[`;
  let first = true;
  for (const doc of plans) {
    for (const r of targetRecords([doc], indicators, urlOf)) {
      // Each record two levels deep: every line of its own one-space indentation shifted by two spaces.
      yield `${first ? '' : ','}\n  ${JSON.stringify(r, null, 1).replace(/\n/gu, '\n  ')}`;
      first = false;
    }
  }
  yield '\n ]\n}';
}

/**
 * plans.csv: every plan, one row each (slug, title, region, period, kind, document number, page and data file
 * addresses, and `restates`: the plan on the site an interpretation or news report is about, whose values its own
 * restate, `restatedPlans`), UTF-8 with BOM, RFC 4180, as targets.csv; one row per chunk.
 */
export function* plansCsvChunks(plans: readonly PlanDocument[], kinds: Kind[], pageUrlOf: (slug: string) => string, dataUrlOf: (slug: string) => string, restated: ReadonlyMap<string, string> = new Map()): Generator<string> {
  yield '\ufeffslug,title,region,regionName,periodStart,periodEnd,kind,docNumber,url,data,restates\r\n';
  for (const doc of plans) {
    const s = summarize(doc, kinds);
    yield `${[s.slug, s.title, s.regionId, s.regionId ? s.regionName : null, s.period?.start, s.period?.end, s.kind, s.docNumber, pageUrlOf(s.slug), dataUrlOf(s.slug), restated.get(s.slug)].map(cell).join(',')}\r\n`;
  }
}
