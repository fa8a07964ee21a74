import { beforeAll, describe, expect, test } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { readRegistry } from '../registry-files.ts';
import { englishNames, englishWords, isEnglishQuery, matchEnglish, namedEntries, regionEntries, type EnglishName } from './english-names.ts';

describe('englishWords', () => {
  test.each([
    ['High-tech enterprises', ['high', 'tech', 'enterprise']],
    ['Number of R&D personnel', ['r&d', 'personnel']],
    ['S&T finance', ['s&t', 'finance']],
    ['technologies', ['technology']],
    ['businesses', ['business']],
    ['Gazelle enterprise (high-growth tier)', ['gazelle', 'enterprise', 'high', 'growth', 'tier']],
    ['the & of', []],
  ])('%j → %j', (text, words) => {
    expect(englishWords(text)).toEqual(words);
  });
});

test('only a query in Latin letters without Chinese is answered', () => {
  expect(isEnglishQuery('gazelle')).toBe(true);
  expect(isEnglishQuery('R&D')).toBe(true);
  expect(isEnglishQuery('R&D经费')).toBe(false);
  expect(isEnglishQuery('3.2%')).toBe(false);
  expect(isEnglishQuery('瞪羚')).toBe(false);
});

describe('the registries’ English names answer English queries with the Chinese terms of the plans', () => {
  let names: EnglishName[];
  beforeAll(async () => {
    const [glossary, indicators, instruments, departments, overlay] = await Promise.all([readRegistry('glossary'), readRegistry('indicators'), readRegistry('instruments'), readRegistry('departments'), readRegistry('regions')]);
    // The seeds' regions and those above them, as the plans carry them (GB/T 2260 names).
    const regions = [
      { id: 'tianjin', name: '天津市' },
      { id: 'tianjin-beichen', name: '北辰区' },
      { id: 'tianjin', name: '天津市' },
      { id: 'tianjin-hongqiao', name: '红桥区' },
      { id: 'hebei', name: '河北省' },
      { id: 'hebei-xinji', name: '辛集市' },
    ];
    const sound = (zh: string) => pinyin(zh, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' }).join('');
    names = englishNames({ ...namedEntries({ glossary, indicators, instruments, departments }), region: regionEntries(regions, overlay) }, (kind, id) => `/en/${kind}/${id ?? ''}`, sound);
  });

  // Queries a researcher would type, and the Chinese term of the registries (content/*.yaml) each must offer, read
  // off the registries by hand: the glossary's term, the indicator's or instrument's name, the department's name, the
  // region's GB/T name.
  test.each([
    ['high-tech enterprises', '高新技术企业', 'term'],
    ['high-tech enterprises', '高新技术企业数量', 'indicator'],
    ['R&D intensity', '全社会研发投入强度', 'indicator'],
    ['R&D intensity', '研发投入强度', 'term'],
    ['gazelle', '瞪羚企业', 'term'],
    ['Gazelle enterprises', '瞪羚企业数量', 'indicator'],
    ['innovation voucher', '创新券', 'instrument'],
    ['Science and Technology Bureau', '区科技局', 'department'],
    ['incubators', '科技企业孵化器', 'term'],
    ['invention patents', '每万人口发明专利拥有量', 'indicator'],
    ['tax incentives', '税收优惠', 'instrument'],
    ['Tianjin', '天津市', 'region'],
    ['Beichen District', '北辰区', 'region'],
    ['Hebei', '河北省', 'region'],
  ] as const)('%s → %s (%s)', (query, zh, kind) => {
    const found = matchEnglish(query, names, 20).names;
    expect(found.filter((n) => n.kind === kind).flatMap((n) => n.zh)).toContain(zh);
  });

  test('departments of several regions with one English name are offered once, with each Chinese name the plans write', () => {
    const drc = matchEnglish('Development and Reform Commission', names).names;
    expect(drc).toHaveLength(1);
    expect([...drc[0]!.zh].sort()).toEqual(['区发展改革委', '区发改委']);
    // Shared by several departments: the entry page is the list of departments.
    expect(drc[0]!.href).toBe('/en/department/');
  });

  test('the closest name comes first, at most six are offered, and a word matches only at its start', () => {
    expect(matchEnglish('innovation voucher', names).names[0]!.en).toBe('Innovation voucher');
    expect(matchEnglish('technology', names).names.length).toBe(6);
    expect(matchEnglish('tech', names).names.every((n) => englishWords(n.en).some((w) => w.startsWith('tech')))).toBe(true);
    expect(matchEnglish('ology', names).names).toEqual([]);
  });

  test('a query of several concepts no one name holds is answered word by word, and says so', () => {
    const gazelleTax = matchEnglish('gazelle tax', names);
    expect(gazelleTax.complete).toBe(false);
    const zh = gazelleTax.names.flatMap((n) => n.zh);
    expect(zh).toContain('瞪羚企业');
    expect(zh).toContain('税收优惠');
    expect(gazelleTax.names.every((n) => /gazelle|tax/iu.test(n.en))).toBe(true);
    const intensityTianjin = matchEnglish('R&D intensity Tianjin', names).names.flatMap((n) => n.zh);
    expect(intensityTianjin).toContain('全社会研发投入强度');
    expect(intensityTianjin).toContain('天津市');
    // In a word's turn, a name holding two of the words comes before those holding one: enterprise's turn offers the
    // gazelle enterprises before the high-tech ones.
    const offered = matchEnglish('tax enterprise gazelle', names).names.map((n) => englishWords(n.en));
    expect(offered[0]).toContain('tax');
    for (const words of offered.slice(1, 3)) expect(words).toEqual(expect.arrayContaining(['gazelle', 'enterprise']));
    // A word no name holds leaves the others answered.
    expect(matchEnglish('xyzzy gazelle', names).names.flatMap((n) => n.zh)).toContain('瞪羚企业');
    expect(matchEnglish('innovation voucher', names).complete).toBe(true);
  });

  // A reader abroad who knows a term's sound, not its characters: 创新券 chuàngxīnquàn, 瞪羚企业 dènglíng qǐyè.
  test('a query no English name holds is looked for in the terms’ pinyin, with or without tones and spaces', () => {
    const voucher = matchEnglish('chuangxinquan', names);
    expect(voucher.by).toBe('pinyin');
    expect(voucher.names[0]!.zh).toContain('创新券');
    expect(matchEnglish('Chuàngxīn quàn', names).names[0]!.zh).toContain('创新券');
    const gazelle = matchEnglish('dengling qiye', names);
    expect(gazelle.names.flatMap((n) => n.zh)).toContain('瞪羚企业');
    expect(gazelle.names.length).toBeLessThanOrEqual(6);
    // By a short form the texts write (content/glossary.yaml: 高企 is a form of 高新技术企业): offered as spelled, with
    // the entry it belongs to.
    const gaoqi = matchEnglish('gaoqi', names);
    expect(gaoqi.by).toBe('pinyin');
    expect(gaoqi.names[0]).toMatchObject({ zh: ['高企'], kind: 'term', href: '/en/term/gaoxin-jishu-qiye' });
    // English first: a name that holds the words wins over a sound.
    expect(matchEnglish('Tianjin', names).by).toBeUndefined();
    // Too short to tell apart (three letters), or no term's sound.
    expect(matchEnglish('ke', names).by).toBeUndefined();
    expect(matchEnglish('zzzzqqq', names).names).toEqual([]);
  });

  test('nothing for a Chinese query, a query of stop words, or a word no name holds', () => {
    expect(matchEnglish('瞪羚企业', names).names).toEqual([]);
    expect(matchEnglish('of the', names).names).toEqual([]);
    expect(matchEnglish('xyzzy', names).names).toEqual([]);
  });

  test('a region is offered only where a source gives its English name, and once', () => {
    // content/regions.yaml names Tianjin, Beichen District and Hebei Province; 红桥区 and 辛集市 have no English name there.
    expect(names.filter((n) => n.kind === 'region').map((n) => [n.en, n.zh])).toEqual([
      ['Tianjin', ['天津市']],
      ['Beichen District', ['北辰区']],
      ['Hebei Province', ['河北省']],
    ]);
    expect(matchEnglish('Tianjin', names).names.find((n) => n.kind === 'region')).toMatchObject({ editors: false, href: '/en/region/tianjin' });
  });

  test('an editors’ translation says so; a published English name does not', () => {
    // content/glossary.yaml: 瞪羚企业's English name is the editors'; 海河英才's is published (Exploring Tianjin).
    expect(matchEnglish('gazelle enterprise', names).names.find((n) => n.kind === 'term')).toMatchObject({ zh: ['瞪羚企业'], editors: true });
    expect(matchEnglish('Haihe Talent', names).names).toMatchObject([{ zh: ['海河英才'], editors: false }]);
  });
});
