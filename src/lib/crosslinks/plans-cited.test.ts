/** Which plan on the site a citation names (plans-cited.ts), and the links between plans it makes (documents.ts). */
import { describe, expect, test } from 'vitest';
import { documentKey } from '../../../scripts/pipeline/citations.ts';
import type { CitedDocument } from '../../schemas/documents.ts';
import type { Block, Citation, PlanDocument } from '../../schemas/plan.ts';
import { citedDocumentViews, planCitationLinks } from './documents.ts';
import { comparedPlans, planOfCitation, restatedPlans } from './plans-cited.ts';
import { C, P, para, plan, realSeeds, region } from './test-fixtures.ts';

const withKind = (doc: PlanDocument, kind: PlanDocument['meta']['kind']['value']): PlanDocument => ({ ...doc, meta: { ...doc.meta, kind: { ...doc.meta.kind, value: kind } } });
const cite = (title: string, blockId = 'p0-1', key = documentKey(title)): Citation => ({ id: 'c1', title, documentKey: key, blockId, line: 1 });
const CITY = region('prov-city', '990100', '某市', 'city', [P]);
const DISTRICT = region('prov-city-d', '990102', '某区', 'district', [P, C]);
const OTHER = region('prov-other', '990200', '另市', 'city', [P]);

describe('planOfCitation(plans, registry)', () => {
  const cityPlan = plan('city-plan', '某市科技创新规划（2021—2025年）', { region: CITY });
  const generic = plan('generic', '关于支持科技创新的若干措施', { region: CITY });
  const reading = plan('reading', '《某市科技创新规划（2021—2025年）》政策解读', { region: CITY });
  const district = plan('district', '某区科技创新三年行动方案', { region: DISTRICT });
  const elsewhere = plan('elsewhere', '另市科技创新三年行动方案', { region: OTHER });
  const planOf = planOfCitation([cityPlan, generic, reading, district, elsewhere], []);

  test('a citation whose title is a plan’s names it, whatever its dashes and brackets', () => {
    expect(planOf(cite('某市科技创新规划(2021-2025年)'), reading)).toBe('city-plan');
    expect(planOf(cite('某市科技创新规划（2021—2025年）'), district)).toBe('city-plan');
    // From another region too: the title names the region.
    expect(planOf(cite('某市科技创新规划（2021—2025年）'), elsewhere)).toBe('city-plan');
    expect(planOf(cite('某市科技创新规划'), reading)).toBeNull();
  });
  test('a title that names no region names a plan of the same region only', () => {
    expect(planOf(cite('关于支持科技创新的若干措施'), reading)).toBe('generic');
    expect(planOf(cite('关于支持科技创新的若干措施'), elsewhere)).toBeNull();
  });
  test('two plans of one title: neither', () => {
    const twice = planOfCitation([cityPlan, plan('copy', '某市科技创新规划（2021—2025年）', { region: CITY })], []);
    expect(twice(cite('某市科技创新规划（2021—2025年）'), reading)).toBeNull();
  });
  test('a registered document: its planSlug, else a plan of its title or one of its aliases', () => {
    const entry = (id: string, title: string, aliases: string[], planSlug: string | null): CitedDocument => ({ id, title, aliases, docNumber: null, issuer: null, year: null, kind: 'plan', planSlug, implementedBy: [], targets: [] });
    const registry = [entry('city', '某市科技创新“十四五”规划', ['某市科技创新规划（2021—2025年）'], null), entry('given', '某文件', [], 'district')];
    const withRegistry = planOfCitation([cityPlan, district], registry);
    expect(withRegistry(cite('某市科技创新“十四五”规划', 'p0-1', 'city'), district)).toBe('city-plan');
    expect(withRegistry(cite('某文件', 'p0-1', 'given'), cityPlan)).toBe('district');
  });
  test('a registered planSlug this build lacks (a build of other seeds, their texts under other slugs): the plan of its title', () => {
    const entry: CitedDocument = { id: 'city', title: '某市科技创新规划（2021—2025年）', aliases: [], docNumber: null, issuer: null, year: null, kind: 'plan', planSlug: 'not-built', implementedBy: [], targets: [] };
    expect(planOfCitation([cityPlan], [entry])(cite('某市科技创新规划（2021—2025年）', 'p0-1', 'city'), cityPlan)).toBe('city-plan');
  });
});

describe('planCitationLinks(views)', () => {
  const cityPlan = plan('city-plan', '某市科技创新规划（2021—2025年）', {
    region: CITY,
    blocks: [para('pn-1', '现将《某市科技创新规划（2021—2025年）》印发给你们。')],
    citations: [cite('某市科技创新规划（2021—2025年）', 'pn-1')],
  });
  const reading = plan('reading', '《某市科技创新规划（2021—2025年）》政策解读', {
    region: CITY,
    blocks: [para('p0-1', '《某市科技创新规划（2021—2025年）》已印发。')],
    citations: [cite('某市科技创新规划（2021—2025年）')],
  });
  const views = citedDocumentViews([cityPlan, reading], []);
  const links = planCitationLinks(views);

  test('the document page names the plan on the site', () => {
    expect(views.map((v) => v.plan)).toEqual([{ slug: 'city-plan', title: '某市科技创新规划（2021—2025年）' }]);
  });
  test('an interpretation cites its plan, and the plan is cited by it, with the place; a plan does not cite itself', () => {
    expect(links.get('reading')).toEqual({ cites: [{ slug: 'city-plan', planTitle: '某市科技创新规划（2021—2025年）', places: [expect.objectContaining({ slug: 'reading', blockId: 'p0-1' })] }], citedBy: [] });
    expect(links.get('city-plan')).toEqual({ cites: [], citedBy: [{ slug: 'reading', planTitle: '《某市科技创新规划（2021—2025年）》政策解读', places: [expect.objectContaining({ blockId: 'p0-1' })] }] });
  });

  test('real seeds: each names itself in its notice, no seed cites another (read by hand: they cite plans above them)', () => {
    const { reg, plans } = realSeeds();
    const real = citedDocumentViews(plans, reg.documents);
    // 000, 002 and 004 name their own plan in the covering notice: the registry says which plan each is.
    expect(real.filter((v) => v.plan).map((v) => [v.key, v.plan!.slug]).sort()).toEqual([
      ['beichen-st-innovation-3yr-2020-2022', 'beichen-2020-2022'],
      ['hongqiao-st-innovation-3yr-2020-2022', 'hongqiao-2020-2022'],
      ['xinji-st-innovation-14th-fyp', 'xinji-14th-five-year'],
    ]);
    expect([...planCitationLinks(real).values()].flatMap((l) => [...l.cites, ...l.citedBy])).toEqual([]);
  });
});

describe('restatedPlans(plans, registry) and comparedPlans', () => {
  const titleBlock = (text: string): Block => ({ kind: 'title', id: 'title', lines: [1], lineStarts: [0], part: 'front', role: 'plan', text, marks: [] }) as unknown as Block;
  // A plan (the hand-built plans are of kind `other` unless told).
  const cityPlan = withKind(plan('city-plan', '某市科技创新规划（2021—2025年）', { region: CITY }), 'five-year-plan');
  const about = (slug: string, kind: PlanDocument['meta']['kind']['value'], blockId = 'title'): PlanDocument => {
    const doc = plan(slug, '《某市科技创新规划（2021—2025年）》政策解读', {
      region: CITY,
      blocks: [titleBlock('《某市科技创新规划（2021—2025年）》政策解读'), para('p0-1', '《某市科技创新规划（2021—2025年）》已印发。')],
      citations: [cite('某市科技创新规划（2021—2025年）', blockId)],
    });
    return { ...doc, meta: { ...doc.meta, kind: { ...doc.meta.kind, value: kind } } };
  };
  test('an interpretation or a news report whose title cites a plan on the site restates it', () => {
    const plans = [cityPlan, about('reading', 'other'), about('report', 'news')];
    const restated = restatedPlans(plans, []);
    expect([...restated]).toEqual([['reading', 'city-plan'], ['report', 'city-plan']]);
    expect(comparedPlans(plans, restated).map((p) => p.slug)).toEqual(['city-plan']);
  });
  test('a news report whose opening sentence reports the plan’s issue; not one that names it later or for another reason', () => {
    const report = (slug: string, text: string): PlanDocument => {
      const doc = plan(slug, '某市出台科技创新规划', { region: CITY, blocks: [para('p0-1', text)], citations: [cite('某市科技创新规划（2021—2025年）')] });
      return { ...doc, meta: { ...doc.meta, kind: { ...doc.meta.kind, value: 'news' } } };
    };
    const issued = report('issued', '近日，某市人民政府印发《某市科技创新规划（2021—2025年）》，提出到2025年……');
    const named = report('named', '近日，某市召开科技大会。会议要求落实《某市科技创新规划（2021—2025年）》。');
    const studied = report('studied', '近日，某市学习《某市科技创新规划（2021—2025年）》。');
    expect([...restatedPlans([cityPlan, issued, named, studied], [])]).toEqual([['issued', 'city-plan']]);
  });
  test('not a plan that cites another in its title, nor one that cites it in its text only, nor one whose plan is not on the site', () => {
    expect([...restatedPlans([cityPlan, about('district', 'implementation-plan')], [])]).toEqual([]);
    expect([...restatedPlans([cityPlan, about('reading', 'other', 'p0-1')], [])]).toEqual([]);
    expect([...restatedPlans([about('reading', 'other')], [])]).toEqual([]);
    // Nor one about another interpretation or report: that one stays in the comparisons.
    const interpretation = withKind(cityPlan, 'other');
    expect([...restatedPlans([interpretation, about('reading', 'news')], [])]).toEqual([]);
  });
});
