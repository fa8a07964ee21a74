/**
 * Values as the pages show them. Each value's sentence as an analysis page quotes it: the row of a plan's 全部数值 table (both editions) shows the
 * value in its 原句 cell, however far into a long sentence the value stands (the cell showed the sentence's first
 * 80 characters, and 29 of the seeds' 182 values stood past them: the 2014 report's 1万家 and 6万家, among others).
 * The values come from the site's own published data (`/data/plans/<slug>.json`), the cells from the built pages.
 * An indicator counted by level says so on its page, and a value of one level says why it is not compared
 * (baodi's 新增国家科技企业孵化器1家 beside 7 incubators of every level).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import type { PlanDocument } from '../../src/schemas/plan.ts';
import { parsedHtmlFile } from '../support/parsed-html.ts';
import { expectNone } from '../support/report.ts';

const siteDir = inject('siteDir');
const plans = readdirSync(join(siteDir, 'data/plans'))
  .filter((n) => n.endsWith('.json'))
  .map((n) => JSON.parse(readFileSync(join(siteDir, 'data/plans', n), 'utf8')) as PlanDocument);

test('every value of every plan is shown in its row’s 原句 cell, on the analysis page of each edition', () => {
  const problems: string[] = [];
  let rows = 0;
  for (const plan of plans) {
    for (const edition of ['', 'en/']) {
      const root = parsedHtmlFile(join(siteDir, edition, 'plans', plan.slug, 'analysis/index.html'));
      for (const t of plan.targets) {
        const cell = root.querySelector(`tr#target-${t.id} td.quote`);
        const shown = (cell?.textContent ?? '').replace(/\s+/gu, '');
        rows++;
        if (!shown.includes(t.valueText.replace(/\s+/gu, ''))) problems.push(`/${edition}plans/${plan.slug}/analysis/ ${t.id}: ${t.valueText} not in “${shown}”`);
      }
    }
  }
  expect(rows).toBeGreaterThan(300);
  expectNone(problems, 'values missing from their 原句 cell');
});

test('an indicator counted by level states its rule, and a value of one level says why it is not compared, in each edition', () => {
  const text = (path: string, selector: string) => parsedHtmlFile(join(siteDir, path, 'index.html')).querySelectorAll(selector).map((el) => (el.textContent ?? '').replace(/\s+/gu, ''));
  expect(text('indicators/incubators', 'dl.dl-grid dd')).toContain('各级均计入；只计某一级（如国家级）的数值不与之比较（编者规则）');
  expect(text('indicators/incubators', '.caveat').join('')).toContain('范围不同：只计国家级，本指标含各级');
  expect(text('en/indicators/incubators', '.caveat').join('')).toContain('anotherscope:thenationallevelonly,theindicatorcountseverylevel');
  expect(text('indicators/university-science-parks', 'dl.dl-grid dd')).toContain('市级以上；其他层级的数值不与之比较（编者规则）');
  // An indicator not counted by level has no such line.
  expect(text('indicators/high-tech-enterprises', 'dl.dl-grid dt')).not.toContain('层级');
});
