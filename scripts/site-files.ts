/**
 * `node scripts/site-files.ts --plans DIR --out DIR`: writes the site's files that are not pages
 * (src/lib/site-files.ts: source texts, open data, search records, citation and chart files) into a built site,
 * after `astro build` (scripts/build.ts). The site's address and base come from the environment as for Astro
 * (src/lib/site-config.ts). A plans folder that cannot be read is said in one line (exit 1).
 *
 * With `BUILD_PART=i/k` in the environment (src/lib/build-part.ts) it writes every k-th file from the i-th: the
 * build runs one process per core, as it does for `astro build` (each reads the plans and makes the chart catalog,
 * which every chart's CSV needs; the writing is what is shared out).
 */
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { readSiteFilesInput, siteFiles } from '../src/lib/site-files.ts';
import { siteUrl } from '../src/lib/site-config.ts';
import { buildPart, type BuildPart } from '../src/lib/build-part.ts';

/** Writes text chunks to a file one after the other, holding one at a time. */
function writeChunks(target: string, chunks: Iterable<string>): void {
  const fd = openSync(target, 'w');
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** Writes every file (of this process's part) under `outDir`; returns how many. */
export async function writeSiteFiles(plansDir: string, outDir: string, site = new URL(siteUrl()), part: BuildPart | null = buildPart()): Promise<number> {
  if (!existsSync(plansDir)) throw new Error(`no plans folder ${plansDir}: ingest writes it (npm run build runs both)`);
  const all = siteFiles(await readSiteFilesInput(plansDir, site));
  const files = part ? all.filter((_, i) => i % part.count === part.index) : all;
  const made = new Set<string>();
  for (const f of files) {
    const target = join(outDir, f.path);
    const dir = dirname(target);
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    const body = await f.body();
    if (typeof body === 'string' || body instanceof Uint8Array) writeFileSync(target, body);
    else writeChunks(target, body);
  }
  return files.length;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { plans: { type: 'string', default: 'content/plans' }, out: { type: 'string', default: 'dist' } } });
  const started = performance.now();
  try {
    const n = await writeSiteFiles(values.plans, values.out);
    console.log(`wrote ${n} file(s) that are not pages in ${Math.round(performance.now() - started)} ms → ${values.out}`);
  } catch (e) {
    console.error(`site-files: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
