/**
 * Open-data files written plan by plan (issue 15): a ReadableStream that asks for one plan's rows at a time, so that
 * no array of every plan's records and no string of the whole file is held while the file is written. The bytes
 * are those a single `toCsv` / `JSON.stringify(…, null, 1)` of all records would give.
 */
import type { PlanDocument } from '../schemas/plan.ts';
import type { Indicator } from '../schemas/indicator.ts';
import { targetRecords, type TargetRecord } from './targets-view.ts';

/** A byte stream of `chunks()`'s strings, produced only as the reader pulls. */
export function textStream(chunks: Iterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const it = chunks[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = it.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}

/** The columns of targets.csv, in the order `targetRecords` writes the fields. */
const KEYS: (keyof TargetRecord)[] = ['plan', 'planTitle', 'region', 'id', 'indicatorId', 'indicatorName', 'phrase', 'kind', 'measure', 'value', 'valueText', 'unit', 'year', 'periodStart', 'periodEnd', 'qualifiers', 'quote', 'url', 'line'];

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
};

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
