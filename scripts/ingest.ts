/**
 * `npm run ingest [-- --seeds DIR] [--out DIR] [--content DIR] [--check]`
 *
 * Runs the pipeline on every `*.txt` in the seeds folder and writes, per plan, `<out>/<slug>.mdx` (the page
 * body), `<out>/<slug>.json` (the full document model) and `<out>/<slug>.txt` (the source as UTF-8).
 * `--check` validates everything and writes nothing; a run with errors writes nothing either. Prints one line per text and a summary; on any error
 * prints `file:line: what` with a hint and exits 1.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parseWithFriendlyErrors, DataError } from '../src/schemas/friendly-errors.ts';
import { PlanDocumentSchema, type PlanDocument } from '../src/schemas/plan.ts';
import { IngestError } from './pipeline/errors.ts';
import { buildPlanDocument, type Registries } from './pipeline/document.ts';
import { decodeSeed } from './pipeline/decode.ts';
import { renderMdx } from './pipeline/mdx.ts';
import { loadRegistries } from './registries.ts';

export interface IngestOptions {
  seedsDir: string;
  outDir: string;
  contentDir: string;
  check: boolean;
  /** Where progress goes (stdout by default; tests pass a collector). */
  log: (line: string) => void;
}

export interface IngestResult {
  plans: PlanDocument[];
  /** Files to write into the output folder: name → content. */
  files: Map<string, string>;
  errors: string[];
}

function summaryLine(doc: PlanDocument): string {
  const s = doc.stats;
  return [
    `${doc.source.file} → ${doc.slug}`,
    `headings ${s.headings.join('/')}`,
    `paragraphs ${s.paragraphs}`,
    `tables ${s.tables}`,
    `repairs ${s.repairs}`,
    `removed ${s.removed}`,
    `citations ${s.citations}`,
    `targets ${s.targets} (unmapped ${s.unmappedTargets})`,
    `responsibilities ${s.responsibilities}`,
  ].join(' · ');
}

/** Run the pipeline over a folder. Never throws for bad input: errors are collected with their place. */
export function ingest(opts: IngestOptions): IngestResult {
  const errors: string[] = [];
  let registries: Registries;
  try {
    registries = loadRegistries(opts.seedsDir, opts.contentDir);
  } catch (e) {
    if (e instanceof DataError || e instanceof IngestError) return { plans: [], files: new Map(), errors: [e.message] };
    throw e;
  }
  const files = existsSync(opts.seedsDir) ? readdirSync(opts.seedsDir).filter((f) => f.endsWith('.txt')).sort() : [];
  if (files.length === 0) errors.push(`${opts.seedsDir}: no *.txt files to ingest`);
  for (const name of Object.keys(registries.catalog)) {
    if (!files.includes(name)) errors.push(`${join(opts.seedsDir, 'catalog.yaml')}: entry ${name} names no file in ${opts.seedsDir}`);
  }
  const plans: PlanDocument[] = [];
  const outputs = new Map<string, string>();
  const bySlug = new Map<string, string>();
  for (const name of files) {
    const path = relative(process.cwd(), join(opts.seedsDir, name)) || name;
    try {
      const bytes = readFileSync(join(opts.seedsDir, name));
      const doc = parseWithFriendlyErrors(PlanDocumentSchema, buildPlanDocument({ name, path, bytes }, registries), `${path} (document model)`);
      const clash = bySlug.get(doc.slug);
      if (clash) throw new IngestError(path, `slug ${JSON.stringify(doc.slug)} is already used by ${clash}`, `set a different \`slug:\` for ${name} in seeds/catalog.yaml`);
      bySlug.set(doc.slug, name);
      // Render now so that a serialisation failure is reported here, under --check too.
      const mdx = renderMdx(doc);
      plans.push(doc);
      opts.log(summaryLine(doc));
      outputs.set(`${doc.slug}.mdx`, mdx);
      outputs.set(`${doc.slug}.json`, `${JSON.stringify(doc, null, 1)}\n`);
      outputs.set(`${doc.slug}.txt`, decodeSeed(bytes, path).text.replace(/^\ufeff/u, ''));
    } catch (e) {
      if (e instanceof IngestError || e instanceof DataError) errors.push(e.message);
      else errors.push(`${path}: internal error while reading this text: ${(e as Error).stack ?? e}\n  hint: this is a bug in scripts/pipeline; please report it with the file`);
    }
  }
  return { plans, files: outputs, errors };
}

/** Replace the output folder's plan files with `files`; files of plans that are gone are removed. */
export function writeOutputs(outDir: string, files: Map<string, string>): void {
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (/\.(mdx|json|txt)$/u.test(f) && !files.has(f)) rmSync(join(outDir, f));
  for (const [name, content] of files) writeFileSync(join(outDir, name), content);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: 'seeds' },
      out: { type: 'string', default: 'content/plans' },
      content: { type: 'string', default: 'content' },
      check: { type: 'boolean', default: false },
    },
  });
  const opts: IngestOptions = { seedsDir: values.seeds, outDir: values.out, contentDir: values.content, check: values.check, log: (l) => console.log(l) };
  const started = performance.now();
  const { plans, files, errors } = ingest(opts);
  // Write only a complete, valid run: a failed run leaves the previous output as it was.
  if (!opts.check && errors.length === 0) writeOutputs(opts.outDir, files);
  const ms = Math.round(performance.now() - started);
  for (const e of errors) console.error(`error: ${e}`);
  const totals = plans.reduce(
    (t, p) => ({ headings: t.headings + p.stats.headings.reduce((a, b) => a + b, 0), tables: t.tables + p.stats.tables, repairs: t.repairs + p.stats.repairs, removed: t.removed + p.stats.removed }),
    { headings: 0, tables: 0, repairs: 0, removed: 0 },
  );
  console.log(
    `${opts.check ? 'checked' : 'ingested'} ${plans.length} plan(s) from ${opts.seedsDir} in ${ms} ms: ${totals.headings} headings, ${totals.tables} tables, ${totals.repairs} repairs, ${totals.removed} lines removed${
      errors.length ? `; ${errors.length} error(s)` : ''
    }${opts.check ? '' : errors.length ? '; nothing written' : ` → ${opts.outDir}`}`,
  );
  if (errors.length > 0) process.exitCode = 1;
}

if (import.meta.main) main();
