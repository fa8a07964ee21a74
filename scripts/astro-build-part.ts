/**
 * `node scripts/astro-build-part.ts <outDir>`: one part of a build in parts (scripts/build.ts `astroBuildInParts`),
 * `astro build` without its content sync. The build has synced once before the parts start (`astro sync`); a
 * part only reads what that wrote (the data store in the cache dir, `.astro/content-*.mjs`). Two parts syncing at
 * once both rewrite `.astro/content-assets.mjs` through the same `.tmp` file, and the later rename fails with
 * ENOENT (a CI failure, 2026-12-02).
 *
 * `sync` is an option of Astro's builder (`AstroBuilderOptions.sync`, node_modules/astro/dist/core/build/index.d.ts)
 * that `build()` passes on but does not declare; `astroBuildInParts` checks that the parts left `.astro/` alone.
 *
 * Making a new site, the pages the part's last build recorded are linked into `outDir` first, so that Astro finds
 * the ones it keeps in place instead of copying each (scripts/lib/kept-pages.ts); updating the last site in place,
 * `outDir` already holds them (scripts/lib/site-in-place.ts). Hence `emptyOutDir: false`. Then the part tells the
 * build (`LINKED_MESSAGE`), which starts deleting the last site if there is one to delete.
 */
import { build } from 'astro';
import { LINKED_MESSAGE, linkKeptPages, removeDropped } from './lib/kept-pages.ts';
import { readSiteOutputs, removeStale } from './lib/site-in-place.ts';

const outDir = process.argv[2];
if (outDir === undefined) throw new Error('usage: node scripts/astro-build-part.ts <outDir>');
const cacheDir = process.env.ASTRO_CACHE_DIR;
if (cacheDir === undefined) throw new Error('astro-build-part: ASTRO_CACHE_DIR must name the part’s cache folder (scripts/build.ts sets it)');
// In place (`SITE_IN_PLACE=1`, scripts/lib/site-in-place.ts): `outDir` already holds the part's files of the last
// build, so nothing is linked; what the part no longer makes is removed after it, by its record of its outputs.
const inPlace = process.env.SITE_IN_PLACE === '1';
const started = performance.now();
const before = inPlace ? (readSiteOutputs(cacheDir) ?? []) : [];
const linked = inPlace ? [] : linkKeptPages(cacheDir, outDir);
if (inPlace) console.log(`astro-build-part: ${before.length} file(s) of the last build in place`);
else console.log(`astro-build-part: linked ${linked.length} page(s) of the last build from the cache in ${Math.round(performance.now() - started)} ms`);
// Said to the build (when it started this part with an IPC channel), which then deletes the last site; the channel
// is closed at once so that it neither keeps this process alive nor meets Astro.
process.send?.(LINKED_MESSAGE, () => process.disconnect());
// `devOutput: false` is build()'s default, written out because an options object must share a declared property.
const withoutSync = { devOutput: false, sync: false };
await build({ outDir, vite: { build: { emptyOutDir: false } } }, withoutSync);
const dropped = inPlace ? removeStale(outDir, before, readSiteOutputs(cacheDir) ?? before) : removeDropped(cacheDir, outDir, linked);
if (dropped.length > 0) console.log(`astro-build-part: removed ${dropped.length} page(s) this build no longer has`);
