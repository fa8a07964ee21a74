import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { PlanDocument } from '../../src/schemas/plan.ts';
import type { CitedDocument } from '../../src/schemas/documents.ts';
import { DataError } from '../../src/schemas/friendly-errors.ts';
import { loadRegistries } from '../registries.ts';
import { documentKey } from './citations.ts';
import { citedDocument, parseDocuments, resolveCitation } from './cited-documents.ts';
import { buildPlanDocument } from './document.ts';

const ROOT = join(import.meta.dirname, '..', '..');

const doc = (id: string, title: string, aliases: string[] = [], planSlug: string | null = null): CitedDocument => ({
  id,
  title,
  aliases,
  docNumber: null,
  issuer: null,
  year: null,
  kind: 'plan',
  planSlug,
  implementedBy: [],
  targets: [],
});
const REGISTRY: CitedDocument[] = [
  doc('tianjin-st-innovation-3yr-2020-2022', '天津市科技创新三年行动计划（2020—2022年）'),
  doc('hebei-st-innovation-14th-fyp', '河北省科技创新“十四五”规划', ['河北省人民政府办公厅关于印发河北省科技创新“十四五”规划的通知']),
  doc('prc-st-progress-law', '中华人民共和国科学技术进步法', ['科技进步法']),
  doc('tianjin-14th-fyp-outline', '天津市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要'),
];

describe('resolveCitation(title, registry)', () => {
  test('matches the registered title whatever its brackets and dashes (000 and 002 cite the same plan)', () => {
    expect(resolveCitation('天津市科技创新三年行动计划(2020—2022年)', REGISTRY)).toBe('tianjin-st-innovation-3yr-2020-2022');
    expect(resolveCitation('天津市科技创新三年行动计划（2020—2022年）', REGISTRY)).toBe('tianjin-st-innovation-3yr-2020-2022');
    expect(resolveCitation('天津市科技创新三年行动计划(2020-2022年)', REGISTRY)).toBe('tianjin-st-innovation-3yr-2020-2022');
  });
  test('matches an alias as written: the covering notice of the Hebei plan (004)', () => {
    expect(resolveCitation('河北省人民政府办公厅关于印发河北省科技创新“十四五”规划的通知', REGISTRY)).toBe('hebei-st-innovation-14th-fyp');
  });
  test('matches a title whose quotation marks were lost in scraping (003)', () => {
    expect(resolveCitation('河北省科技创新十四五规划', REGISTRY)).toBe('hebei-st-innovation-14th-fyp');
  });
  test('a period whose dash a page lost (《甘肃省强科技行动实施方案(20222025)》) is the same document', () => {
    expect(documentKey('甘肃省强科技行动实施方案(20222025)')).toBe(documentKey('甘肃省强科技行动实施方案（2022—2025）'));
    expect(resolveCitation('天津市科技创新三年行动计划（20202022年）', REGISTRY)).toBe(resolveCitation('天津市科技创新三年行动计划（2020—2022年）', REGISTRY));
    // Not a number that only looks like two years: the second before the first, or too far after it.
    expect(documentKey('某计划(20252020)')).toBe('某计划(20252020)');
    expect(documentKey('某计划(19902025)')).toBe('某计划(19902025)');
  });
  test('a year in Chinese digits is the year, and so is one whose 〇 a page lost (corpus 28: 《…和二三五年远景目标纲要》)', () => {
    const outline = '天津市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要';
    for (const written of ['和二○三五年', '和二零三五年', '和2035年', '和２０３５年', '和二三五年'])
      expect(resolveCitation(outline.replace('和二〇三五年', written), REGISTRY), written).toBe('tianjin-14th-fyp-outline');
    // Not a year: a count (三五年), a numeral with units (二十五年), digits inside a longer numeral (十二三五年).
    for (const title of ['某规划三五年行动', '某条例二十五年纪念', '某计划十二三五年', '某计划一二〇三五年']) expect(documentKey(title), title).toBe(title);
  });
  test('matches a short title listed as an alias', () => {
    expect(resolveCitation('科技进步法', REGISTRY)).toBe('prc-st-progress-law');
  });
  test('returns the normalised key of an unregistered title', () => {
    const title = '关于大力促进民营经济高质量发展的若干意见';
    expect(resolveCitation(title, REGISTRY)).toBe(documentKey(title));
    expect(resolveCitation('辛集市科技创新跃升计划(2019—2025年)', REGISTRY)).toBe('辛集市科技创新跃升计划(2019-2025年)');
  });
});

describe('citedDocument(key, registry)', () => {
  test('finds the entry of a resolved id and nothing for an unregistered key', () => {
    expect(citedDocument('prc-st-progress-law', REGISTRY)?.title).toBe('中华人民共和国科学技术进步法');
    expect(citedDocument('科技进步法', REGISTRY)).toBeUndefined();
  });
});

describe('parseDocuments(yamlText, file)', () => {
  test('reads an entry with defaults for what is not known', () => {
    expect(parseDocuments('- { id: a, title: 天津市促进科技进步条例, kind: local-regulation }', 'd.yaml')).toEqual([
      { id: 'a', title: '天津市促进科技进步条例', aliases: [], docNumber: null, issuer: null, year: null, kind: 'local-regulation', planSlug: null, implementedBy: [], targets: [] },
    ]);
  });
  test('a recorded target of the plan above needs its source, the day and against what; a plan on the site brings its own', () => {
    const target = 'indicatorId: rd-intensity, value: 3.2, valueText: 3.2%, unit: "%", year: 2022, measure: level, quote: 达到3.2%';
    const sourced = `source: 某通知（某发〔2020〕1号）, checked: 2026-12-01, against: reprint`;
    expect(parseDocuments(`- { id: a, title: 某计划, kind: plan, targets: [{ ${target}, ${sourced} }] }`, 'd.yaml')[0]!.targets[0]!.value).toBe(3.2);
    expect(() => parseDocuments(`- { id: a, title: 某计划, kind: plan, targets: [{ ${target} }] }`, 'd.yaml')).toThrow(/source/u);
    expect(() => parseDocuments(`- { id: a, title: 某计划, kind: plan, planSlug: x, targets: [{ ${target}, ${sourced} }] }`, 'd.yaml')).toThrow(/brings its own targets/u);
  });
  test('rejects two entries whose titles normalise to the same key', () => {
    const yaml = ['- { id: a, title: 天津市科技创新三年行动计划（2020—2022年）, kind: plan }', '- { id: b, title: 天津市科技创新三年行动计划(2020-2022年), kind: plan }'].join('\n');
    expect(() => parseDocuments(yaml, 'd.yaml')).toThrow(DataError);
    expect(() => parseDocuments(yaml, 'd.yaml')).toThrow(/b › 天津市科技创新三年行动计划\(2020-2022年\): same normalised title as a/u);
  });
  test('rejects an unknown kind, naming the line', () => {
    expect(() => parseDocuments('- { id: a, title: 某规划, kind: plan }\n- { id: b, title: 某法, kind: statute }', 'd.yaml')).toThrow(/d\.yaml:2 › 1\.kind/u);
  });
  test('refuses an English note (the page shows `note`) and keeps the English in noteEn', () => {
    const english = '- id: a\n  title: 天津市科技普及条例\n  kind: local-regulation\n  note: Title as 001 writes it.';
    expect(() => parseDocuments(english, 'd.yaml')).toThrow(/d\.yaml:4 › 0\.note: write this in Chinese \(it has no Chinese character\); the English text belongs in noteEn/u);
    const both = english.replace('note:', 'noteEn:') + '\n  note: 标题按原文的写法。';
    expect(parseDocuments(both, 'd.yaml')[0]).toMatchObject({ note: '标题按原文的写法。', noteEn: 'Title as 001 writes it.' });
  });
});

describe('resolveCitation on the real seeds', () => {
  const reg = loadRegistries(join(ROOT, 'seeds'), join(ROOT, 'content'), ROOT);
  const registry = parseDocuments(readFileSync(join(ROOT, 'content', 'documents.yaml'), 'utf8'), 'content/documents.yaml');
  const docs: PlanDocument[] = Object.keys(reg.catalog).map((name) =>
    buildPlanDocument({ name, path: `seeds/${name}`, bytes: readFileSync(join(ROOT, 'seeds', name)) }, reg),
  );
  const resolved = (slug: string) => docs.find((d) => d.slug === slug)!.citations.map((c) => resolveCitation(c.title, registry));
  const ids = new Set(registry.map((d) => d.id));

  test('000 and 002 cite the same municipal three-year plan', () => {
    expect(resolved('beichen-2020-2022')).toContain('tianjin-st-innovation-3yr-2020-2022');
    expect(resolved('hongqiao-2020-2022')).toContain('tianjin-st-innovation-3yr-2020-2022');
  });
  test('a plan cited in its own covering notice resolves to the entry whose planSlug is that plan', () => {
    const inNotices = docs.flatMap((d) => d.citations.filter((c) => d.blocks.find((b) => b.id === c.blockId)?.part === 'front').map((c) => ({ d, c })));
    // Non-empty guard: 000, 002 and 004 name their plan in 《》 in the covering notice.
    expect(new Set(inNotices.map(({ d }) => d.slug)).size).toBeGreaterThanOrEqual(3);
    for (const { d, c } of inNotices) expect(citedDocument(resolveCitation(c.title, registry), registry)?.planSlug).toBe(d.slug);
  });
  test('every planSlug names a plan of the catalog', () => {
    const slugs = new Set(docs.map((d) => d.slug));
    expect(registry.filter((d) => d.planSlug !== null).length).toBeGreaterThan(0);
    for (const d of registry) if (d.planSlug !== null) expect(slugs.has(d.planSlug), d.id).toBe(true);
  });
  test('004 cites the Hebei plan through its covering notice', () => {
    expect(resolved('xinji-14th-five-year')).toContain('hebei-st-innovation-14th-fyp');
  });
  test('every citation of 000–003 is registered; 004 leaves only generic titles unregistered', () => {
    for (const slug of ['beichen-2020-2022', 'tianjin-2014-work-conference', 'hongqiao-2020-2022', 'baodi-14th-five-year']) {
      expect(resolved(slug).filter((k) => !ids.has(k))).toEqual([]);
    }
    expect(resolved('xinji-14th-five-year').filter((k) => !ids.has(k))).toEqual([
      '关于加快推进创新创业若干政策措施',
      '关于大力促进民营经济高质量发展的若干意见',
      '关于支持民营经济推动高质量发展的实施意见',
      '关于应对新型冠状病毒肺炎疫情支持企业健康发展的二十条措施',
      '2018-2020科技创新战略合作协议书',
      '关于全面深入推行科技特派员制度的实施方案',
    ]);
  });
});

describe('short forms a text defines', () => {
  const reg = loadRegistries(join(ROOT, 'seeds'), join(ROOT, 'content'), ROOT);
  const build = (name: string, text: string) => buildPlanDocument({ name, path: name, bytes: Buffer.from(text) }, reg);
  test('《…》（以下简称《行动计划》）: the short form names that document wherever the text uses it after', () => {
    // The form of an interpretation's opening (a real one reads so): the full title, its short form, then the short
    // form alone, and another document named in between.
    const text = [
      '《某市某区科技创新行动计划（2025—2027年）》政策解读',
      '《某市某区科技创新行动计划（2025—2027年）》(以下简称《行动计划》)已经区政府常务会议审议通过，下面作简要解读。',
      '一、起草背景',
      '2025年9月，市政府印发了《某市科技创新布局行动计划（2025—2027年）》。为贯彻落实上述部署，研究起草本《行动计划》。',
      '',
    ].join('\n');
    const d = build('x.txt', text);
    const full = documentKey('某市某区科技创新行动计划（2025—2027年）');
    const short = d.citations.filter((c) => c.title === '行动计划');
    expect(short.length).toBe(2);
    for (const c of short) expect(c.documentKey).toBe(full);
    // The municipal plan it names in between keeps its own key.
    expect(d.citations.find((c) => c.title.includes('布局'))?.documentKey).toBe(documentKey('某市科技创新布局行动计划（2025—2027年）'));
  });
  test('in quotation marks around book-title marks: （以下简称“《规划》”）', () => {
    const d = build('x.txt', '某区科技创新工作方案\n为落实《某市科技创新规划（2021—2025年）》（以下简称“《规划》”），制定本方案。\n');
    expect(d.citations.map((c) => [c.title, c.documentKey])).toEqual([
      ['某市科技创新规划（2021—2025年）', documentKey('某市科技创新规划（2021—2025年）')],
      ['规划', documentKey('某市科技创新规划（2021—2025年）')],
    ]);
  });
  test('in quotation marks, with 以下称; a short form used before it is defined, or never defined, is its own title', () => {
    const text = '某区科技创新工作方案\n《规划》另有规定。为落实《某市科技创新规划（2021—2025年）》(以下称“规划”)，制定本方案。《规划》提出的任务由区科技局负责。\n';
    const d = build('x.txt', text);
    expect(d.citations.map((c) => [c.title, c.documentKey])).toEqual([
      ['规划', '规划'],
      ['某市科技创新规划（2021—2025年）', documentKey('某市科技创新规划（2021—2025年）')],
      ['规划', documentKey('某市科技创新规划（2021—2025年）')],
    ]);
  });
});
