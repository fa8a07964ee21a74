import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDevServer, viteBase } from './vite-env.ts';

/**
 * Astro's test for a module that reads `import.meta.env` as an object (node_modules/astro/dist/env/
 * vite-plugin-import-meta-env.js, `importMetaEnvOnlyRe`): such a module gets the environment variables its text names.
 */
const READS_ENV_OBJECT = /\bimport\.meta\.env\b(?!\.)/u;

describe('vite-env', () => {
  it('reads what Vite sets under Vite (Vitest is a Vite process)', () => {
    expect(isDevServer()).toBe(true);
    expect(viteBase()).toBe('/');
  });

  it('says "not the dev server" and "no base" in plain Node, where the build scripts import the same modules', () => {
    const out = execFileSync(process.execPath, ['-e', "import('./src/lib/vite-env.ts').then((m) => console.log(JSON.stringify([m.isDevServer(), m.viteBase() ?? null])))"], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([false, null]);
    const url = execFileSync(process.execPath, ['-e', "import('./src/lib/url.ts').then((m) => console.log(m.url('plans/')))"], { encoding: 'utf8', env: { ...process.env, BASE_PATH: '/library/' } });
    expect(url.trim()).toBe('/library/plans/');
  });

  it('is the only way the site’s modules read import.meta.env: none reads it as an object', () => {
    const files = readdirSync('src', { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|astro|mjs|js)$/u.test(e.name) && !e.name.endsWith('.test.ts'))
      .map((e) => join(e.parentPath, e.name));
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => READS_ENV_OBJECT.test(readFileSync(f, 'utf8')))).toEqual([]);
  });
});
