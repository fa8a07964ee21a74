/**
 * `npm run dev`: the files that are not pages (src/lib/site-files.ts), which `astro build` no longer renders, are
 * served by the dev server too (src/lib/site-files-dev.ts), with the same bytes and content types as the built site's.
 * Runs `astro dev` over the plans of the shared build, holding the build lock (a dev server writes Astro's state in
 * the project as a build does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { withBuildLock } from '../../scripts/build.ts';

const siteDir = inject('siteDir');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

/** The first plan of the built site and one of its charts. */
const slug = readdirSync(join(siteDir, 'data/plans')).filter((f) => f.endsWith('.json')).sort()[0]!.slice(0, -'.json'.length);
const chart = readdirSync(join(siteDir, 'charts')).filter((f) => f.startsWith(`plan-${slug}-`) && f.endsWith('.csv')).sort()[0]?.slice(0, -'.csv'.length);

test('the dev server serves each kind of file as the build writes it', async () => {
  expect(chart, `a chart of ${slug}`).toBeDefined();
  const paths: [string, string][] = [
    [`sources/${slug}.txt`, 'text/plain; charset=utf-8'],
    [`data/plans/${slug}.json`, 'application/json; charset=utf-8'],
    [`search/blocks/${slug}.json.gz`, 'application/gzip'],
    [`plans/${slug}/cite.ris`, 'application/x-research-info-systems'],
    [`plans/${slug}/cite.bib`, 'application/x-bibtex; charset=utf-8'],
    [`plans/${slug}/cite.json`, 'application/vnd.citationstyles.csl+json'],
    [`charts/${chart}.svg`, 'image/svg+xml; charset=utf-8'],
    [`en/charts/${chart}.svg`, 'image/svg+xml; charset=utf-8'],
    [`charts/${chart}.csv`, 'text/csv; charset=utf-8'],
    // The open data of every plan, written chunk by chunk by the build, whole by the dev server.
    ['data/targets.json', 'application/json; charset=utf-8'],
    ['data/targets.csv', 'text/csv; charset=utf-8'],
    ['data/plans.csv', 'text/csv; charset=utf-8'],
    ['data/instruments.csv', 'text/csv; charset=utf-8'],
    ['data/incentives.csv', 'text/csv; charset=utf-8'],
    ['data/alignment.json', 'application/json; charset=utf-8'],
  ];
  await withBuildLock(async () => {
    const port = await freePort();
    const cache = mkdtempSync(join(tmpdir(), 'dev-files-'));
    let dev: ChildProcess | undefined;
    try {
      dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
        env: { ...process.env, PLANS_DIR: 'content/plans', ASTRO_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: '/' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let log = '';
      await new Promise<void>((ready, fail) => {
        const timer = setTimeout(() => fail(new Error(`astro dev did not start in 60 s:\n${log}`)), 60_000);
        const seen = (chunk: Buffer) => {
          log += chunk.toString();
          if (/ready in/u.test(log)) {
            clearTimeout(timer);
            ready();
          }
        };
        dev!.stdout!.on('data', seen);
        dev!.stderr!.on('data', seen);
        dev!.on('exit', (code) => fail(new Error(`astro dev exited (${code}):\n${log}`)));
      });
      for (const [path, type] of paths) {
        const res = await fetch(`http://127.0.0.1:${port}/${path}`);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type'), path).toBe(type);
        expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(siteDir, path))), `${path}: the same bytes as the built file`).toBe(true);
      }
      expect((await fetch(`http://127.0.0.1:${port}/sources/no-such-plan.txt`)).status).toBe(404);
    } finally {
      dev?.kill('SIGTERM');
      rmSync(cache, { recursive: true, force: true });
    }
  });
}, 120_000);
