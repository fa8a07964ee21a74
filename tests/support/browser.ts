/**
 * Chromium for the site tests: Debian's `/usr/bin/chromium` driven by playwright-core (Playwright's own browser
 * download does not work here), plus helpers to record requests and list the built pages.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_PATH } from './system.ts';

/** A running Chromium (one persistent context) and how to stop it. */
export interface LaunchedBrowser {
  context: BrowserContext;
  /** Closes Chromium and deletes its profile folder. */
  close: () => Promise<void>;
}

/**
 * Starts headless Chromium with a fresh, empty profile. The flags keep it from calling home: this machine's
 * network is closed, and background connections would only slow it down (and show up as foreign requests).
 * The profile folder goes as the first argument: passing `--user-data-dir` in `args` makes Playwright throw.
 */
export async function launchBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'site-tests-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Every request URL a page makes from now on (the array fills as the page loads). */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** A built HTML file and the URL path it is served at (relative to the base, with a leading `/`). */
export interface BuiltPage {
  /** Absolute file path. */
  file: string;
  /** `/`, `/plans/<slug>/`, `/404.html`: `index.html` is served at its folder's URL. */
  path: string;
}

/** All built `.html` files of a site folder, sorted by URL path. */
export function builtPages(siteDir: string): BuiltPage[] {
  const files = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => join(siteDir, name));
  return files
    .map((file) => {
      const rel = relative(siteDir, file).split(sep).join('/');
      const path = `/${rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel}`;
      return { file, path };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The plan pages (`/plans/<slug>/`) among the built pages. */
export function planPages(siteDir: string): BuiltPage[] {
  return builtPages(siteDir).filter((p) => /^\/plans\/[^/]+\/$/u.test(p.path));
}

/** Absolute URL of a built page under the test server's base URL. */
export function pageUrl(baseUrl: string, path: string): string {
  return new URL(path.replace(/^\//u, ''), baseUrl).href;
}
