/**
 * A site of a test file's own: built from seeds the file writes, in a temporary folder, and served, for what the
 * shared build (`global-setup.ts`) cannot show: another corpus, a base path, other page sizes.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { buildSite } from './global-setup.ts';

/** The file's site; its fields can be read once the file's tests (or its own later `beforeAll`) run. */
export interface FileSite {
  /** The seeds folder the file filled (with the catalog, when it copied one). */
  readonly seedsDir: string;
  /** What ingest wrote (`<slug>.json`, `.mdx`, `.txt`), as `content/plans/` is for the shared build. */
  readonly plansDir: string;
  /** The built site. */
  readonly siteDir: string;
  /** The server's URL of the base path, ending in `/`. */
  readonly url: string;
}

export interface FileSiteOptions {
  /** Names the temporary folder (`<name>-XXXXXX` in the system's temporary folder). */
  name: string;
  /** The base path the site is built for and served under; `/` by default. */
  base?: string;
  /** Writes the texts (and a catalog, if any) into the empty seeds folder. */
  writeSeeds: (seedsDir: string) => void;
  /** Environment variables the build reads (e.g. `SITE_PAGE_SIZE`), set for the build only. */
  env?: Record<string, string>;
  /** How long building and serving may take. */
  timeoutMs: number;
}

/**
 * Registers hooks in the calling scope that build the site (`buildSite`, strict) and serve it, then stop the server
 * and delete the folder after the scope's tests. Call it before the scope's own hooks, which can then use it.
 */
export function siteBuiltForFile(options: FileSiteOptions): FileSite {
  let work: string | undefined;
  let server: StaticServer | undefined;
  const base = options.base ?? '/';
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), `${options.name}-`));
    mkdirSync(join(work, 'seeds'));
    options.writeSeeds(join(work, 'seeds'));
    const saved = Object.entries(options.env ?? {}).map(([name, value]) => {
      const before = process.env[name];
      process.env[name] = value;
      return { name, before };
    });
    try {
      await buildSite(join(work, 'dist'), base, ['--seeds', join(work, 'seeds'), '--plans', join(work, 'plans')]);
    } finally {
      for (const { name, before } of saved) {
        if (before === undefined) delete process.env[name];
        else process.env[name] = before;
      }
    }
    server = await startStaticServer({ root: join(work, 'dist'), base });
  }, options.timeoutMs);
  afterAll(async () => {
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });
  const folder = (name: string) => {
    if (work === undefined) throw new Error('the file’s site is not built: read it in a test or a hook, not while the file is collected');
    return join(work, name);
  };
  return {
    get seedsDir() {
      return folder('seeds');
    },
    get plansDir() {
      return folder('plans');
    },
    get siteDir() {
      return folder('dist');
    },
    get url() {
      if (server === undefined) throw new Error('the file’s site is not served yet');
      return server.url;
    },
  };
}
