import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { loadRegistries } from '../../scripts/registries.ts';
import { buildPlanDocument } from '../../scripts/pipeline/document.ts';
import { kickerText, pageKickerText, summarize, summaryLine } from './plan-summary.ts';

const reg = loadRegistries('seeds', 'content');
// 北辰 (seed 000): 天津市北辰区, 三年行动计划 2020—2022, 北辰政发〔2021〕5号, 成文日期 2021年04月19日.
const beichen = buildPlanDocument({ name: '000_df8e3af4caff0a08.txt', path: 'seeds/000_df8e3af4caff0a08.txt', bytes: readFileSync('seeds/000_df8e3af4caff0a08.txt') }, reg);
const noPeriod = { ...beichen, meta: { ...beichen.meta, period: null } };
const nothing = { ...noPeriod, meta: { ...noPeriod.meta, region: null, dateWritten: null, datePublished: null, docNumber: null } };

test('kickerText: region, kind and period; the date where there is no period; nothing unknown shown as —', () => {
  expect(kickerText(summarize(beichen, reg.kinds))).toBe('天津市北辰区 · 三年行动计划 · 2020—2022年');
  expect(kickerText(summarize(noPeriod, reg.kinds))).toBe('天津市北辰区 · 三年行动计划 · 2021年4月19日成文');
  expect(kickerText(summarize(nothing, reg.kinds))).toBe('三年行动计划');
  // On the plan's page the breadcrumbs give the region, the card under the title the date.
  expect(pageKickerText(summarize(beichen, reg.kinds))).toBe('三年行动计划 · 2020—2022年');
  expect(pageKickerText(summarize(noPeriod, reg.kinds))).toBe('三年行动计划');
});

test('summaryLine: the page description and feed summary say the same, without a bare —', () => {
  expect(summaryLine(summarize(beichen, reg.kinds))).toBe('天津市北辰区三年行动计划，规划期2020—2022年。发文字号北辰政发〔2021〕5号。');
  expect(summaryLine(summarize(noPeriod, reg.kinds))).toBe('天津市北辰区三年行动计划，2021年4月19日成文。发文字号北辰政发〔2021〕5号。');
  expect(summaryLine(summarize(nothing, reg.kinds))).toBe('三年行动计划。');
});
