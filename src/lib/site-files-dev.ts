/**
 * `astro dev` serves the files of src/lib/site-files.ts on request, made from the plans folder as it is then (a
 * re-ingest under a running server is seen at once), so that the pages' links to them work in development too.
 * `astro build` does not use this: scripts/site-files.ts writes them after the build.
 */
import type { AstroIntegration } from 'astro';
import { SITE_FILE_PATH, type SiteFile } from './site-files.ts';
import { basePath, siteUrl } from './site-config.ts';

export function siteFilesDuringDev(): AstroIntegration {
  return {
    name: 'site-files-during-dev',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          // The base Astro is configured with (astro.config.mjs reads the same setting).
          const base = basePath().replace(/\/?$/u, '/');
          let path: string;
          try {
            path = decodeURIComponent((req.url ?? '').split('?')[0]!);
          } catch {
            return next(); // not a path any file has: Astro answers it
          }
          if (!path.startsWith(base) || !SITE_FILE_PATH.test(path.slice(base.length))) return next();
          // Loaded through Vite, so that an edit to the code is seen without a restart.
          (server.ssrLoadModule('/src/lib/site-files.ts') as Promise<typeof import('./site-files.ts')>)
            .then(async (m) => {
              // The configured `site`, as the built files and the pages' own links use it.
              const site = new URL(siteUrl());
              const input = await m.readSiteFilesInput(process.env.PLANS_DIR ?? 'content/plans', site);
              const file: SiteFile | undefined = m.siteFiles(input).find((f) => f.path === path.slice(base.length));
              if (!file) return next();
              const body = await m.wholeBody(file);
              res.setHeader('Content-Type', file.type);
              res.end(body);
            })
            .catch(next);
        });
      },
    },
  };
}
