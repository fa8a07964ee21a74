/**
 * What Vite tells a module about the build it is in, for modules that also run in plain Node (the build's scripts
 * import them), where `import.meta` has no `env`.
 *
 * Read only as `import.meta.env.NAME`, never as the whole object: for a module that reads the object, Astro writes into
 * its code every environment variable whose name the module's text contains
 * (node_modules/astro/dist/env/vite-plugin-import-meta-env.js, `getReferencedPrivateKeys`), and the shell's `_` (the
 * command that started the build) is in nearly any text. The route code Astro's incremental build compares then
 * changed with how the build was started (`npx node scripts/build.ts` after `npm start`): every page rendered again.
 */

/** Whether this runs in `astro dev` (or under Vitest), where the files under the server change: read them afresh. */
export function isDevServer(): boolean {
  try {
    return import.meta.env.DEV === true;
  } catch {
    return false; // plain Node
  }
}

/** The base Vite builds for (`--base`), with its slashes; undefined in plain Node. */
export function viteBase(): string | undefined {
  try {
    return import.meta.env.BASE_URL;
  } catch {
    return undefined; // plain Node
  }
}
