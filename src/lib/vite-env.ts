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

/**
 * Whether Vite gave this module an `env` on `import.meta` (a build, `astro dev`, Vitest), known once: in plain Node
 * reading it throws, and for each of the millions of URLs of the open data at 10,000 plans that was 4.5 s of prepare
 * (--cpu-prof). Where it exists it is read each time (Vitest's `vi.stubEnv` changes it).
 */
const VITE_ENV: boolean = (() => {
  try {
    return typeof import.meta.env.MODE === 'string';
  } catch {
    return false; // plain Node
  }
})();

/** Whether this runs in `astro dev` (or under Vitest), where the files under the server change: read them afresh. */
export function isDevServer(): boolean {
  return VITE_ENV && import.meta.env.DEV === true;
}

/** The base Vite builds for (`--base`), with its slashes; undefined in plain Node. */
export function viteBase(): string | undefined {
  return VITE_ENV ? import.meta.env.BASE_URL : undefined;
}
