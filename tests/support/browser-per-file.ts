/**
 * One Chromium for a test file (or a `describe`): the `beforeAll`/`afterAll` pair every browser test would
 * otherwise write. Apart from `browser.ts` because that module also serves the benchmark, which runs outside Vitest.
 */
import { afterAll, beforeAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, watchPageProblems, type LaunchedBrowser } from './browser.ts';

/** The Chromium of one file; its fields can be read once the file's tests (or its own later `beforeAll`) run. */
export interface FileBrowser {
  readonly context: BrowserContext;
  /** A tab opened at launch, for the many files that read one page at a time. */
  readonly page: Page;
  /**
   * With `watchProblems`, every Content-Security-Policy violation, console error and script error on any page of
   * the context, one line each (`watchPageProblems`); empty otherwise. The file decides what to assert on it.
   */
  readonly problems: string[];
  /** Runs `check` in a new tab of this browser, and closes the tab whatever `check` does. */
  inPage(check: (page: Page) => Promise<void>): Promise<void>;
}

/**
 * Registers hooks in the calling scope that launch Chromium (`launchBrowser`), start watching for page problems when
 * asked, open one tab, and close it all after the scope's tests. Call it at the top of the scope, before the
 * scope's own hooks: `beforeAll` hooks run in the order they are registered, so those can already use it.
 */
export function browserForFile(options: { javaScriptEnabled?: boolean; watchProblems?: boolean } = {}): FileBrowser {
  let launched: LaunchedBrowser | undefined;
  let tab: Page | undefined;
  const problems: string[] = [];
  beforeAll(async () => {
    launched = await launchBrowser({ javaScriptEnabled: options.javaScriptEnabled });
    if (options.watchProblems) await watchPageProblems(launched.context, (problem) => problems.push(problem));
    tab = await launched.context.newPage();
  });
  afterAll(async () => {
    await launched?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the file’s Chromium is not running: read it in a test or a hook, not while the file is collected');
    return value;
  };
  return {
    get context() {
      return started(launched).context;
    },
    get page() {
      return started(tab);
    },
    problems,
    async inPage(check) {
      const page = await started(launched).context.newPage();
      try {
        await check(page);
      } finally {
        await page.close();
      }
    },
  };
}
