/**
 * Every built HTML page (home, plans, 404 and whatever else the build writes) is valid by html-validate's
 * recommended preset. No rule is adjusted: none conflicts with the site's legitimate output so far. Adjust one
 * only for such a conflict, in `rules` below, with a comment saying why.
 */
import { readdirSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { builtPages, planPages } from '../support/browser.ts';
import { expectNone } from '../support/report.ts';

const siteDir = inject('siteDir');
const pages = builtPages(siteDir);

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {},
});

test('the build wrote HTML pages, a plan page for every seed among them', () => {
  expect(pages.length, `no .html files in ${siteDir}`).toBeGreaterThan(0);
  expect(planPages(siteDir), 'plan pages').toHaveLength(readdirSync('seeds').filter((n) => n.endsWith('.txt')).length);
});

describe.each(pages)('$path', ({ file }) => {
  test('is valid HTML (html-validate:recommended)', async () => {
    const report = await validator.validateFile(file);
    const where = relative(process.cwd(), file);
    const problems = report.results.flatMap((result) =>
      result.messages.map(
        (m) => `${where}:${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (at ${m.selector})` : ''}${m.ruleUrl ? `\n    ${m.ruleUrl}` : ''}`,
      ),
    );
    expectNone(problems, `${where}: html-validate`);
  });
});
