/**
 * What the instrument pages show, from the plans' `instruments` mentions and the registry: the instruments × plans
 * matrix, an instrument's passages by plan, a plan's instruments. Pure: tested in instruments-view.test.ts.
 */
import type { InstrumentMention, PlanDocument } from '../schemas/plan.ts';
import { INSTRUMENT_CATEGORIES, type Instrument, type InstrumentCategory } from '../schemas/instruments.ts';
import { planTitle } from './plan-view.ts';
import { csvCell as cell } from './csv.ts';

/** A plan as a matrix column or a passage group names it. */
export interface PlanRef {
  slug: string;
  title: string;
}

export interface InstrumentMatrix {
  /** Plans naming at least one instrument, in the order given: the columns. */
  plans: PlanDocument[];
  /** Plans naming none (listed under the table, so that no plan silently drops out). */
  plansWithout: PlanRef[];
  /** Instruments by category, in the order of `INSTRUMENT_CATEGORIES`, then registry order; `cells[i]` = sentences in `plans[i]`. */
  groups: { category: InstrumentCategory; label: string; rows: { instrument: Instrument; cells: number[] }[] }[];
  /** Cells with at least one sentence. */
  filled: number;
}

const ref = (p: PlanDocument): PlanRef => ({ slug: p.slug, title: planTitle(p) });

/** Instruments × plans: how many sentences of each plan name each instrument. Every registry instrument has a row. */
export function instrumentMatrix(plans: readonly PlanDocument[], instruments: readonly Instrument[]): InstrumentMatrix {
  const withAny = plans.filter((p) => p.instruments.length > 0);
  const rows = instruments.map((instrument) => ({ instrument, cells: withAny.map((p) => p.instruments.filter((m) => m.instrumentId === instrument.id).length) }));
  const groups = (Object.keys(INSTRUMENT_CATEGORIES) as InstrumentCategory[])
    .map((category) => ({ category, label: INSTRUMENT_CATEGORIES[category], rows: rows.filter((r) => r.instrument.category === category) }))
    .filter((g) => g.rows.length > 0);
  return {
    plans: withAny,
    plansWithout: plans.filter((p) => p.instruments.length === 0).map(ref),
    groups,
    filled: rows.reduce((n, r) => n + r.cells.filter((c) => c > 0).length, 0),
  };
}

/** The sentences naming one instrument, grouped by plan (plans in the order given, sentences in reading order). */
export function instrumentPassages(plans: readonly PlanDocument[], instrumentId: string): (PlanRef & { mentions: InstrumentMention[] })[] {
  return plans
    .map((p) => ({ ...ref(p), mentions: p.instruments.filter((m) => m.instrumentId === instrumentId) }))
    .filter((g) => g.mentions.length > 0);
}

/** A plan's instruments in registry order, each with its sentences; instruments the registry lacks are left out. */
export function planInstruments(doc: PlanDocument, instruments: readonly Instrument[]): { instrument: Instrument; mentions: InstrumentMention[] }[] {
  return instruments.map((instrument) => ({ instrument, mentions: doc.instruments.filter((m) => m.instrumentId === instrument.id) })).filter((x) => x.mentions.length > 0);
}

/** The sentence cut into runs, the words that named the instrument marked (every occurrence), for `<mark>`. */
export function markedRuns(sentence: string, forms: readonly string[]): { text: string; marked: boolean }[] {
  const words = [...new Set(forms)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (words.length === 0) return [{ text: sentence, marked: false }];
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'), 'gu');
  const runs: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const m of sentence.matchAll(re)) {
    if (m.index > at) runs.push({ text: sentence.slice(at, m.index), marked: false });
    runs.push({ text: m[0], marked: true });
    at = m.index + m[0].length;
  }
  if (at < sentence.length) runs.push({ text: sentence.slice(at), marked: false });
  return runs;
}

/** Columns of `/data/instruments.csv`, one row per mention. */
export const INSTRUMENT_CSV_COLUMNS = ['plan', 'instrument', 'instrument_name', 'block', 'line', 'sentence', 'url'] as const;

/**
 * `/data/instruments.csv`: instrument × plan × block × line × sentence, one row per mention, plans in the order
 * given (UTF-8 with BOM so that spreadsheet programs read the Chinese, RFC 4180 quoting, CRLF).
 */
export function instrumentsCsv(plans: readonly PlanDocument[], instruments: readonly Instrument[], urlOf: (slug: string, blockId: string) => string): string {
  return [...instrumentsCsvChunks(plans, instruments, urlOf)].join('');
}

/** `instrumentsCsv` one plan's rows at a time, for writing the file without holding it (issue 15). */
export function* instrumentsCsvChunks(plans: readonly PlanDocument[], instruments: readonly Instrument[], urlOf: (slug: string, blockId: string) => string): Generator<string> {
  const names = new Map(instruments.map((r) => [r.id, r.name]));
  yield `\ufeff${INSTRUMENT_CSV_COLUMNS.join(',')}\r\n`;
  for (const p of plans) {
    if (p.instruments.length === 0) continue;
    yield p.instruments.map((m) => `${[p.slug, m.instrumentId, names.get(m.instrumentId) ?? '', m.blockId, m.line, m.sentence, urlOf(p.slug, m.blockId)].map(cell).join(',')}\r\n`).join('');
  }
}
