/**
 * Where the site is published, from the environment: astro.config.mjs configures Astro with it, and the stages that
 * write the site's other files (scripts/site-files.ts) read the same values.
 */
export const siteUrl = (env: NodeJS.ProcessEnv = process.env): string => env.SITE_URL ?? 'http://127.0.0.1:4321';

/** The path the site is served under (`--base /plans/`; default `/`). */
export const basePath = (env: NodeJS.ProcessEnv = process.env): string => env.BASE_PATH ?? '/';
