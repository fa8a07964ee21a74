import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { RegionOverlayEntry } from '../schemas/registry.ts';
import { planPlace } from './plan-place.ts';
import { realSeeds } from './crosslinks/test-fixtures.ts';

describe('planPlace(doc, locale, overlay)', () => {
  const { bySlug } = realSeeds();
  const overlay = parse(readFileSync('content/regions.yaml', 'utf8')) as RegionOverlayEntry[];
  // Read by hand: content/regions.yaml gives Tianjin and Beichen District English names, Hongqiao none.
  test('region and period, in Chinese', () => {
    expect(planPlace(bySlug('beichen-2020-2022'), 'zh-CN', overlay)).toEqual({ place: { text: '天津市北辰区', lang: 'zh-CN' }, when: '2020—2022年' });
  });
  test('in English: the sourced names, else the Chinese, said to be Chinese', () => {
    expect(planPlace(bySlug('beichen-2020-2022'), 'en', overlay)).toEqual({ place: { text: 'Tianjin › Beichen District', lang: 'en' }, when: '2020–2022' });
    expect(planPlace(bySlug('hongqiao-2020-2022'), 'en', overlay).place).toEqual({ text: '天津市红桥区', lang: 'zh-CN' });
  });
  test('no period: the date the document is known by; neither, nor a region: nothing', () => {
    const beichen = bySlug('beichen-2020-2022');
    const undated = { ...beichen, meta: { ...beichen.meta, period: null } };
    expect(planPlace(undated, 'zh-CN', overlay).when).toBe('2021年4月19日成文');
    expect(planPlace(undated, 'en', overlay).when).toBe('written 19 Apr 2021');
    const bare = { ...beichen, meta: { ...beichen.meta, period: null, dateWritten: null, datePublished: null, region: null } };
    expect(planPlace(bare, 'zh-CN', overlay)).toEqual({ place: null, when: null });
  });
});
