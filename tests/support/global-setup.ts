/**
 * Vitest `globalSetup` of the `site` project: makes sure the system has Chromium, a CJK font and poppler-utils
 * (installing them on Debian when root), builds the site ONCE into `tests/.artifacts/site` with the project's
 * own build script, serves it on a free 127.0.0.1 port and provides `baseUrl` and `siteDir` to the tests.
 *
 * `SITE_TESTS_REUSE_BUILD=1` skips the build and serves the previous one (quick reruns while writing tests).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureSystem } from './system.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import type { StaticServer } from '../../scripts/lib/static-server.ts';
import './provided.ts';

/** Where the tests' build goes (git-ignored). */
export const SITE_DIR = resolve('tests/.artifacts/site');

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/**
 * Runs `node scripts/build.ts --strict --out … --base …` (plus `extra` arguments, e.g. `--seeds`, `--plans`);
 * resolves with its output, rejects with all of it on failure, and with the end of its log when it does not finish
 * within `timeoutMs` (10 minutes; `SITE_BUILD_TIMEOUT_MS`), so that a hanging build fails the tests instead of
 * hanging CI. `--strict`: a text that cannot be read fails the build here, where a user's build would skip it.
 */
export function buildSite(outDir: string, base = '/', extra: string[] = [], timeoutMs = Number(process.env.SITE_BUILD_TIMEOUT_MS ?? 10 * 60_000)): Promise<string> {
  return new Promise((done, fail) => {
    // process.execPath is the pinned Node 24 when Vitest runs under npm/npx (node_modules/.bin comes first).
    // Its own process group, so that a build that hangs is stopped with everything it started (astro, pagefind).
    const child = spawn(process.execPath, ['scripts/build.ts', '--strict', '--out', outDir, '--base', base, ...extra], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    const tail = () => output.split('\n').slice(-40).join('\n');
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) fail(new Error(`The site build did not finish in ${Math.round(timeoutMs / 1000)} s and was stopped; the end of its log:\n${tail()}`));
      else if (code === 0) done(output);
      else fail(new Error(`The site build failed (exit ${code ?? signal}):\n${output}`));
    });
  });
}

let server: StaticServer | undefined;

/** Builds and serves the site; the returned function stops the server. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let started = performance.now();
  ensureSystem();
  console.log(`[site tests] system check ${seconds(started)}`);

  started = performance.now();
  if (process.env.SITE_TESTS_REUSE_BUILD === '1' && existsSync(resolve(SITE_DIR, 'index.html'))) {
    console.log(`[site tests] reusing the build in ${SITE_DIR} (SITE_TESTS_REUSE_BUILD=1)`);
  } else {
    const output = await buildSite(SITE_DIR);
    const stages = output.split('\n').filter((line) => line.startsWith('build: ')).join('; ');
    console.log(`[site tests] build ${seconds(started)} (${stages})`);
  }

  server = await startStaticServer({ root: SITE_DIR });
  console.log(`[site tests] serving ${SITE_DIR} at ${server.url}`);
  project.provide('baseUrl', server.url);
  project.provide('siteDir', SITE_DIR);

  return async () => {
    await server?.close();
    server = undefined;
  };
}
