/** Cited documents and the places that cite them (documents.ts). Inputs: test-fixtures.ts. */
import { describe, expect, test } from 'vitest';
import type { CitedDocument } from '../../schemas/documents.ts';
import type { Citation } from '../../schemas/plan.ts';
import { citedDocumentViews, documentSlug } from './documents.ts';
import { heading, para, plan, realSeeds } from './test-fixtures.ts';

const { reg, plans: real } = realSeeds();

describe('citedDocumentViews(plans, registry) and documentSlug(key, registry)', () => {
  const registry: CitedDocument[] = [{ id: 'law-x', title: '中华人民共和国某法', aliases: ['某法'], docNumber: null, issuer: null, year: null, kind: 'law', planSlug: null, implementedBy: [], targets: [] }];
  const cite = (id: string, title: string, documentKey: string, blockId: string): Citation => ({ id, title, documentKey, blockId, line: 1 });
  // Plan a cites 某法 twice (in two sections) and an unregistered 《某办法》 once; plan b cites 某法 once.
  const a = plan('a', '甲方案', {
    blocks: [heading('s1', 1, '一、', '总则'), para('p1-1', '依据《某法》制定。'), heading('s2', 1, '二、', '措施'), para('p2-1', '落实《某法》和《某办法》。')],
    citations: [cite('c1', '某法', 'law-x', 'p1-1'), cite('c2', '某法', 'law-x', 'p2-1'), cite('c3', '某办法', '某办法', 'p2-1')],
  });
  const b = plan('b', '乙方案', { blocks: [para('p0-1', '贯彻《某法》。')], citations: [cite('c1', '某法', 'law-x', 'p0-1')] });
  const views = citedDocumentViews([a, b], registry);

  test('a registered document has its registry id as slug; an unregistered one a stable k-<hash> of its key', () => {
    expect(documentSlug('law-x', registry)).toBe('law-x');
    const slug = documentSlug('某办法', registry);
    expect(slug).toMatch(/^k-[0-9a-f]{10}$/u);
    expect(documentSlug('某办法', [])).toBe(slug);
    expect(documentSlug('另一办法', registry)).not.toBe(slug);
  });

  test('a document links to each plan that cites it, with every citing place, most-cited first', () => {
    expect(views.map((v) => [v.slug, v.title, v.byPlan.map((g) => [g.slug, g.planTitle, g.places.map((p) => [p.blockId, p.sectionTitle])])])).toEqual([
      [
        'law-x',
        // The registry's title, not the short form the plans write.
        '中华人民共和国某法',
        [
          [
            'a',
            '甲方案',
            [
              ['p1-1', '一、总则'],
              ['p2-1', '二、措施'],
            ],
          ],
          ['b', '乙方案', [['p0-1', '乙方案']]],
        ],
      ],
      [documentSlug('某办法', registry), '某办法', [['a', '甲方案', [['p2-1', '二、措施']]]]],
    ]);
    expect(views[0]!.entry).toBe(registry[0]);
    expect(views[1]!.entry).toBeNull();
  });

  test('the excerpt of a place shows the citation', () => {
    expect(views[1]!.byPlan[0]!.places[0]!.excerpt).toContain('《某办法》');
  });

  describe('real seeds', () => {
    const realViews = citedDocumentViews(real, reg.documents);

    test('the Tianjin three-year plan, cited by Beichen (000 line 27) and Hongqiao (002 line 11), is the most cited', () => {
      const v = realViews[0]!;
      expect(v.key).toBe('tianjin-st-innovation-3yr-2020-2022');
      expect(v.title).toBe('天津市科技创新三年行动计划（2020—2022年）');
      expect(v.byPlan.map((g) => [g.slug, g.places.map((p) => p.sectionTitle)])).toEqual([
        ['beichen-2020-2022', ['北辰区科技创新三年行动计划实施方案(2020-2022年)']],
        ['hongqiao-2020-2022', ['红桥区科技创新三年行动工作方案（2020-2022年）']],
      ]);
      // Line 27 lost the dash between the years (《…(20202022年)》); the excerpt shows the repaired title.
      expect(v.byPlan[0]!.places[0]!.excerpt).toContain('《天津市科技创新三年行动计划(2020—2022年)》');
      // Every other document is cited by one plan only.
      expect(realViews.slice(1).every((w) => w.byPlan.length === 1)).toBe(true);
    });

    test('the Hongqiao plan names itself in its notice twice (002 lines 2 and 5): both places are under 印发通知', () => {
      const v = realViews.find((w) => w.key === 'hongqiao-st-innovation-3yr-2020-2022')!;
      expect(v.byPlan.map((g) => [g.slug, g.places.map((p) => p.sectionTitle)])).toEqual([['hongqiao-2020-2022', ['印发通知', '印发通知']]]);
    });

    test('a plan naming itself is the document, not a plan citing it; the plans citing another are', () => {
      const hongqiao = realViews.find((w) => w.key === 'hongqiao-st-innovation-3yr-2020-2022')!;
      expect(hongqiao.byPlan.map((g) => [g.slug, g.self])).toEqual([['hongqiao-2020-2022', true]]);
      expect(realViews[0]!.byPlan.map((g) => [g.slug, g.self])).toEqual([
        ['beichen-2020-2022', false],
        ['hongqiao-2020-2022', false],
      ]);
    });

    test('an unregistered document of the Xinji plan (004 line 16) gets a k- page under the title as written', () => {
      const v = realViews.find((w) => w.title === '关于加快推进创新创业若干政策措施')!;
      expect(v).toMatchObject({ entry: null, slug: expect.stringMatching(/^k-[0-9a-f]{10}$/u) });
      expect(v.byPlan.map((g) => g.slug)).toEqual(['xinji-14th-five-year']);
    });
  });
});
