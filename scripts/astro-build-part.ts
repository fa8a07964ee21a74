/**
 * `node scripts/astro-build-part.ts <outDir>`: one part of a build in parts (scripts/build.ts `astroBuildInParts`),
 * `astro build` without its content sync. The build has synced once before the parts start (`astro sync`); a
 * part only reads what that wrote (the data store in the cache dir, `.astro/content-*.mjs`). Two parts syncing at
 * once both rewrite `.astro/content-assets.mjs` through the same `.tmp` file, and the later rename fails with
 * ENOENT (a CI failure, 2026-12-02).
 *
 * `sync` is an option of Astro's builder (`AstroBuilderOptions.sync`, node_modules/astro/dist/core/build/index.d.ts)
 * that `build()` passes on but does not declare; `astroBuildInParts` checks that the parts left `.astro/` alone.
 */
import { build } from 'astro';

const outDir = process.argv[2];
if (outDir === undefined) throw new Error('usage: node scripts/astro-build-part.ts <outDir>');
// `devOutput: false` is build()'s default, written out because an options object must share a declared property.
const withoutSync = { devOutput: false, sync: false };
await build({ outDir }, withoutSync);
