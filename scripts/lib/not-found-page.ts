/**
 * The English edition's not-found page where hosts look for it. Astro writes `src/pages/en/404.astro` as
 * `en/404/index.html` (only the root `/404` route is written as `404.html`: node_modules/astro/dist/core/
 * output-filename.js); a host serves the nearest `404.html` up the folders of an address without a page (Cloudflare
 * Pages; scripts/lib/static-server.ts does the same), so an unknown `/en/…` address needs `en/404.html`.
 */
import { existsSync, renameSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';

/** Moves `en/404/index.html` to `en/404.html` in a built site (a rename: a kept page's link into Astro's cache stays one). */
export function placeEnglishNotFound(outDir: string): void {
  const built = join(outDir, 'en', '404', 'index.html');
  if (!existsSync(built)) throw new Error(`${built}: the English not-found page (src/pages/en/404.astro) was not built`);
  renameSync(built, join(outDir, 'en', '404.html'));
  // Its folder held nothing else: an address `/en/404/` would otherwise be a page of the site.
  rmdirSync(join(outDir, 'en', '404'));
}
