/**
 * Ingest time of one text in the forms portals give it (`npm run bench` runs it; the pipeline alone, in process):
 * as scraped (a paragraph a line), and run together on one line with a space between paragraphs (a scrape that
 * joined the text of every `<p>`; scripts/pipeline/run-in.ts) or with nothing between them (`joined`), once and four
 * times over (a long report). Every block
 * of a run-together text names its one long source line, so a stage that reads the source line per block grows with
 * the text's square: the instruments stage did (4×: 9.8 s, 0.5 s as lines) until it folded each line once.
 */
import { readFileSync } from 'node:fs';
import { buildPlanDocument } from '../pipeline/document.ts';
import { loadRegistries } from '../registries.ts';
import { summarize, type Stat } from './stats.ts';

export interface FormBench {
  /** `lines`, `run together`, `joined`. */
  form: string;
  /** How many copies of the text, one after the other. */
  copies: number;
  chars: number;
  blocks: number;
  ms: Stat;
}

/** The largest seed (the most lines), read as lines and run together, once and `copies` times over. */
export function benchForms(seedsDir: string, seed: string, runs: number, copies = 4): FormBench[] {
  const reg = loadRegistries(seedsDir, 'content');
  const lines = readFileSync(`${seedsDir}/${seed}`, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const forms = [
    ['lines', '\n'],
    ['run together', ' '],
    ['joined', ''],
  ] as const;
  return forms.flatMap(([form, separator]) =>
    [1, copies].map((k): FormBench => {
      const text = `${Array.from({ length: k }, () => lines.join(separator)).join(separator)}\n`;
      const bytes = Buffer.from(text);
      let blocks = 0;
      const ms = Array.from({ length: runs }, () => {
        const started = performance.now();
        blocks = buildPlanDocument({ name: `bench-${seed}`, path: seed, bytes }, reg).blocks.length;
        return performance.now() - started;
      });
      return { form, copies: k, chars: [...text].length, blocks, ms: summarize(ms) };
    }),
  );
}

export const FORMS_HEAD = ['form', 'copies', 'characters', 'blocks', 'ingest, ms (median)'];
export const formRows = (results: readonly FormBench[]) =>
  results.map((r) => [r.form, String(r.copies), r.chars.toLocaleString('en'), String(r.blocks), String(Math.round(r.ms.median))]);
