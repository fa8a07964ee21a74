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

/**
 * Lays out every part of a plan's text, which the browser otherwise does only near the screen (plan.css,
 * `content-visibility: auto`): `innerText` reads only text that is laid out. Through the CSS object model, which the
 * page's Content-Security-Policy allows (it refuses an injected <style>).
 */
export async function layOutWholeText(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const block of document.querySelectorAll<HTMLElement>('.plan-text > *')) block.style.contentVisibility = 'visible';
  });
}

/**
 * Turns JavaScript off for one page, as `javaScriptEnabled: false` does for a whole browser (the same DevTools
 * call), so that a file can compare with and without script in one Chromium. Call before `goto`.
 */
export async function disableJavaScript(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setScriptExecutionDisabled', { value: true });
}

/**
 * Reports, from now on, every Content-Security-Policy violation (`securitypolicyviolation` events, seen from
 * before the page's own markup is parsed), console error and uncaught script error on any page of the context,
 * each as one line naming the page (without its #fragment, so that repeats compare equal) and what happened.
 */
export async function watchPageProblems(context: BrowserContext, report: (problem: string) => void): Promise<void> {
  const bare = (url: string) => url.replace(/#.*$/u, '');
  await context.exposeBinding('__reportCspViolation', ({ page }, what: string) => report(`${bare(page.url())}: CSP violation: ${what}`));
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        const target = e.target instanceof Element ? e.target.outerHTML.slice(0, 160) : String(e.target);
        (window as unknown as { __reportCspViolation: (what: string) => void }).__reportCspViolation(
          `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at line ${e.lineNumber}:${e.columnNumber} on ${target}`,
        );
      },
      true,
    );
  });
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // A CSP message quotes the whole policy and then the remedies; the directive is what matters.
      const text = m.text().replace(/\s*'sha256-[^']+'/gu, '').replace(/\. Either the 'unsafe-inline'[\s\S]*$/u, '').slice(0, 300);
      const { url, lineNumber, columnNumber } = m.location();
      report(`${bare(page.url())}: console error (${bare(url)}:${lineNumber}:${columnNumber}): ${text}`);
    });
    page.on('pageerror', (e) => report(`${bare(page.url())}: script error: ${e.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
}
