/**
 * What the `site` project's global setup hands to the tests through Vitest's `provide`/`inject`.
 * The `declare module` block types `inject('baseUrl')` and `inject('siteDir')` in every test file.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin plus base path of the test server, ending in `/` (e.g. `http://127.0.0.1:40123/`). */
    baseUrl: string;
    /** Absolute path of the site built for the tests (`tests/.artifacts/site`). */
    siteDir: string;
  }
}

export {};
