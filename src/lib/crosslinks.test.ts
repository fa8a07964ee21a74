/**
 * Cross-links between plans (crosslinks.ts): departments and their tasks, cited documents and where they are cited,
 * glossary terms and where they are used, regions as a tree, related sections on a theme, and the heading trail of
 * a place. Two kinds of input: small hand-built documents, where every expectation follows from the few lines
 * written here, and the real seeds read by the ingest runner (scripts/ingest.ts), where the expectations come from
 * reading seeds/*.txt (line numbers quoted in the comments).
 */
import { describe, expect, test } from 'vitest';
import { ingest } from '../../scripts/ingest.ts';
import { loadRegistries } from '../../scripts/registries.ts';
import type { Department } from '../schemas/departments.ts';
import type { CitedDocument } from '../schemas/documents.ts';
import type { Term } from '../schemas/glossary.ts';
import type { Block, Citation, DepartmentRef, Mark, OutlineNode, PlanDocument, RegionParent, RegionRef, Responsibility, SectionThemes } from '../schemas/plan.ts';
import type { Theme } from '../schemas/themes.ts';
import {
  citedDocumentViews,
  departmentMatrix,
  departmentViews,
  documentSlug,
  excerpt,
  flattenRegions,
  plansUnder,
  regionPlaces,
  regionTree,
  relatedSections,
  sectionTitles,
  termViews,
  themeSections,
} from './crosslinks.ts';

// ── Hand-built documents ──────────────────────────────────────────────────────────────────────────────────────

const prov = { from: 'text' as const, line: 1, raw: null, note: null };

interface PlanParts {
  region?: RegionRef | null;
  blocks?: Block[];
  outline?: OutlineNode[];
  responsibilities?: Responsibility[];
  citations?: Citation[];
  sectionThemes?: SectionThemes[];
}

/** A plan with only what crosslinks reads filled in; everything else empty. */
function plan(slug: string, title: string, parts: PlanParts = {}): PlanDocument {
  return {
    schemaVersion: 1,
    slug,
    source: { file: `${slug}.txt`, sha256: '0'.repeat(64), bytes: 0, encoding: 'utf-8', lineCount: 1 },
    meta: {
      title: { ...prov, value: title },
      noticeTitle: null,
      issuer: null,
      docNumber: null,
      dateWritten: null,
      datePublished: null,
      period: null,
      region: parts.region ? { ...prov, value: parts.region } : null,
      kind: { ...prov, value: 'other' },
      validity: null,
      topic: null,
      indexNumber: null,
      publisher: null,
    },
    blocks: parts.blocks ?? [],
    outline: parts.outline ?? [],
    removed: [],
    repairs: [],
    citations: parts.citations ?? [],
    responsibilities: parts.responsibilities ?? [],
    targets: [],
    sectionThemes: parts.sectionThemes ?? [],
    matchText: null,
    stats: { headings: [0, 0, 0, 0, 0, 0], paragraphs: 0, tables: 0, repairs: 0, removed: 0, citations: 0, targets: 0, unmappedTargets: 0, responsibilities: 0 },
  };
}

const heading = (id: string, level: number, number: string, title: string): Block => ({ kind: 'heading', id, lines: [1], level, ordinal: 1, number, title, text: `${number}${title}`, marks: [] });
const para = (id: string, text: string, marks: Mark[] = []): Block => ({ kind: 'paragraph', id, lines: [1], role: 'body', text, marks });
const titleBlock = (id: string, text: string): Block => ({ kind: 'title', id, lines: [1], role: id === 'notice-title' ? 'notice' : 'plan', text, marks: [] });
const cell = (text: string, marks: Mark[] = []) => ({ text, marks, note: null });
const dep = (departmentId: string, name: string, raw = name): DepartmentRef => ({ raw, name, departmentId });
const resp = (id: string, blockId: string, raw: string, roles: Partial<Pick<Responsibility, 'lead' | 'support' | 'shared'>>): Responsibility => ({
  id,
  blockId,
  sectionId: null,
  raw,
  line: 1,
  lead: roles.lead ?? [],
  support: roles.support ?? [],
  shared: roles.shared ?? [],
});
const department = (id: string, region: string, name: string, fullName: string | null = null): Department => ({ id, region, name, fullName, nameEn: `${name} (en)`, kind: 'government', generic: 'x', aliases: [] });
const term = (id: string, t: string): Term => ({ id, term: t, aliases: [], nameEn: t, definition: `${t}的定义。`, see: [], notIn: [] });
const theme = (id: string, name: string): Theme => ({ id, name, nameEn: id, keywords: [name] });
const node = (id: string, number: string, title: string, children: OutlineNode[] = []): OutlineNode => ({ id, level: 1, number, title, children });

/** A region with its ancestors (top-down), as a plan carries it. */
function region(id: string, code: string | null, name: string, level: RegionRef['level'], parents: RegionParent[] = []): RegionRef {
  return { id, code, name, shortName: name.slice(0, 2), fullName: [...parents.map((p) => p.name), name].join(''), level, parents };
}
const P: RegionParent = { id: 'prov', code: '990000', name: '某省', level: 'province' };
const C: RegionParent = { id: 'prov-city', code: '990100', name: '某市', level: 'city' };

// ── Real seeds ────────────────────────────────────────────────────────────────────────────────────────────────

const reg = loadRegistries('seeds', 'content');
// The plans as the ingest runner makes them (validated, slugs made unique), in seed order as the site lists them.
const run = ingest({ seedsDir: 'seeds', outDir: 'unused', contentDir: 'content', check: true, strict: true, log: () => {} });
const real = run.plans;
const bySlug = (slug: string): PlanDocument => {
  const doc = real.find((p) => p.slug === slug);
  if (!doc) throw new Error(`no plan ${slug} among ${real.map((p) => p.slug).join(', ')}`);
  return doc;
};

test('the real seeds are all read (the inputs of the tests below)', () => {
  expect(run.errors).toEqual([]);
  expect(real.map((p) => p.slug)).toEqual(['beichen-2020-2022', 'tianjin-2014-work-conference', 'hongqiao-2020-2022', 'baodi-14th-five-year', 'xinji-14th-five-year']);
});

// ── Heading trails and excerpts ────────────────────────────────────────────────────────────────────────────────

describe('sectionTitles(doc): the heading trail above every block', () => {
  const doc = plan('p', '某区科技创新方案', {
    blocks: [
      titleBlock('notice-title', '关于印发某区科技创新方案的通知'),
      para('pn-1', '各单位：'),
      titleBlock('title', '某区科技创新方案'),
      para('p0-1', '为贯彻落实……制定本方案。'),
      heading('s1', 1, '一、', '总体要求'),
      heading('s1-1', 2, '（一）', '指导思想'),
      para('p1-1-1', '坚持……'),
      heading('s2', 1, '二、', '重点任务'),
      heading('s2-1', 2, '（一）', '增强能力'),
      heading('s2-1-1', 3, '1.', '提高能力'),
      para('p2-1-1-1', '提升……'),
      heading('s2-2', 2, '（二）', '提升效能'),
      para('p2-2-1', '依据……'),
    ],
  });
  const titles = sectionTitles(doc);

  test('the covering notice is 印发通知, and the text before the first heading is under the plan title', () => {
    expect(titles.get('notice-title')).toBe('印发通知');
    expect(titles.get('pn-1')).toBe('印发通知');
    expect(titles.get('title')).toBe('某区科技创新方案');
    expect(titles.get('p0-1')).toBe('某区科技创新方案');
  });

  test('a block is under every heading above it, each written with its number', () => {
    expect(titles.get('s1')).toBe('一、总体要求');
    expect(titles.get('p1-1-1')).toBe('一、总体要求 › （一）指导思想');
    expect(titles.get('p2-1-1-1')).toBe('二、重点任务 › （一）增强能力 › 1.提高能力');
  });

  test('a heading closes the headings of its level and below: a new 一、 drops the old （一）, a new （二） drops 1.', () => {
    expect(titles.get('s2')).toBe('二、重点任务');
    expect(titles.get('p2-2-1')).toBe('二、重点任务 › （二）提升效能');
  });

  test('every block has a trail', () => {
    expect([...titles.keys()]).toEqual(doc.blocks.map((b) => b.id));
  });

  test('real seed: a task of the Beichen plan (000, line 45) is under 二、 › (一) › 1. as the text numbers them', () => {
    const t = sectionTitles(bySlug('beichen-2020-2022'));
    // Lines 41, 43, 45 of seeds/000: 二、重点任务 / (一)增强科技创新策源能力 / 1.提高科技创新能力。…
    expect(t.get('p2-1-1-1')).toBe('二、重点任务 › (一)增强科技创新策源能力 › 1.提高科技创新能力');
  });
});

describe('excerpt(text, start, end, width)', () => {
  test('a short text is given whole, without ellipses', () => {
    expect(excerpt('提升科技创新能力', 2, 4)).toBe('提升科技创新能力');
  });
  test('a long text is cut to the width around the span, with … where it was cut', () => {
    // Width 4 around "ef" (offsets 4–6): one character either side.
    expect(excerpt('abcdefghij', 4, 6, 4)).toBe('…defg…');
    // At the start: nothing cut before.
    expect(excerpt('abcdefghij', 0, 0, 4)).toBe('ab…');
    // At the end: nothing cut after.
    expect(excerpt('abcdefghij', 10, 10, 4)).toBe('…ij');
  });
});

// ── Departments ────────────────────────────────────────────────────────────────────────────────────────────────

describe('departmentViews(plans, departments) and departmentMatrix(plans, views)', () => {
  // Two plans of one district. Plan a: one task led by A with C (unregistered) supporting, under 二、 › （一）.
  // Plan b: one task shared by A and B′ (B as written with a typo). D is registered and named nowhere.
  const r = region('prov-d', '990102', '某区', 'district', [P]);
  const a = plan('a', '甲方案', {
    region: r,
    blocks: [
      heading('s1', 1, '二、', '重点任务'),
      heading('s1-1', 2, '（一）', '强化主体'),
      para('p1-1-1', '培育高新技术企业。（区科技局牵头，区商务局按职责分工负责）'),
    ],
    responsibilities: [resp('resp1', 'p1-1-1', '（区科技局牵头，区商务局按职责分工负责）', { lead: [dep('prov-d-kejiju', '区科技局')], support: [dep('prov-d-shangwuju', '区商务局')] })],
  });
  const b = plan('b', '乙方案', {
    region: r,
    blocks: [heading('s1', 1, '一、', '任务'), para('p1-1', '建设孵化载体。(责任单位:区科技局、区区工信局)')],
    responsibilities: [resp('resp1', 'p1-1', '(责任单位:区科技局、区区工信局)', { shared: [dep('prov-d-kejiju', '区科技局'), dep('prov-d-gongxinju', '区工信局', '区区工信局')] })],
  });
  const noTasks = plan('c', '丙方案', { region: r, blocks: [para('p0-1', '正文。')] });
  const registry = [department('prov-d-kejiju', 'prov-d', '区科技局', '某区科学技术局'), department('prov-d-gongxinju', 'prov-d', '区工信局'), department('prov-d-jiaoyuju', 'prov-d', '区教育局')];
  const views = departmentViews([a, noTasks, b], registry);
  const view = (id: string) => views.find((v) => v.id === id)!;

  test('registered departments come first in registry order, then departments found only in the plans', () => {
    expect(views.map((v) => [v.id, v.registered])).toEqual([
      ['prov-d-kejiju', true],
      ['prov-d-gongxinju', true],
      ['prov-d-jiaoyuju', true],
      ['prov-d-shangwuju', false],
    ]);
  });

  test('a department has a task in each plan that names it, with its role, the clause, and the heading trail', () => {
    expect(view('prov-d-kejiju').tasks.map(({ slug, planTitle, blockId, sectionTitle, role, clause, nameAsWritten }) => ({ slug, planTitle, blockId, sectionTitle, role, clause, nameAsWritten }))).toEqual([
      { slug: 'a', planTitle: '甲方案', blockId: 'p1-1-1', sectionTitle: '二、重点任务 › （一）强化主体', role: 'lead', clause: '（区科技局牵头，区商务局按职责分工负责）', nameAsWritten: '区科技局' },
      { slug: 'b', planTitle: '乙方案', blockId: 'p1-1', sectionTitle: '一、任务', role: 'shared', clause: '(责任单位:区科技局、区区工信局)', nameAsWritten: '区科技局' },
    ]);
    // The excerpt shows the task (the text is short enough to be given whole).
    expect(view('prov-d-kejiju').tasks[0]!.excerpt).toBe('培育高新技术企业。（区科技局牵头，区商务局按职责分工负责）');
  });

  test('the name as written keeps the typo; the page name is the registry name', () => {
    expect(view('prov-d-gongxinju')).toMatchObject({ name: '区工信局', registered: true });
    expect(view('prov-d-gongxinju').tasks.map((t) => [t.slug, t.role, t.nameAsWritten])).toEqual([['b', 'shared', '区区工信局']]);
  });

  test('registry details are kept; an unregistered department has its name from the plan and the region of the plan', () => {
    expect(view('prov-d-kejiju')).toMatchObject({ name: '区科技局', fullName: '某区科学技术局', nameEn: '区科技局 (en)', region: 'prov-d' });
    expect(view('prov-d-shangwuju')).toMatchObject({ name: '区商务局', fullName: null, nameEn: null, region: 'prov-d', registered: false });
    expect(view('prov-d-shangwuju').tasks.map((t) => [t.slug, t.role])).toEqual([['a', 'support']]);
  });

  test('a registered department named in no plan is listed with no tasks', () => {
    expect(view('prov-d-jiaoyuju').tasks).toEqual([]);
  });

  test('the matrix has a column per plan with tasks and a row per department with tasks, counting each role', () => {
    const m = departmentMatrix([a, noTasks, b], views);
    expect(m.plans).toEqual([
      { slug: 'a', title: '甲方案' },
      { slug: 'b', title: '乙方案' },
    ]);
    expect(m.rows.map((row) => [row.department.id, row.cells])).toEqual([
      [
        'prov-d-kejiju',
        [
          { lead: 1, support: 0, shared: 0 },
          { lead: 0, support: 0, shared: 1 },
        ],
      ],
      [
        'prov-d-gongxinju',
        [
          { lead: 0, support: 0, shared: 0 },
          { lead: 0, support: 0, shared: 1 },
        ],
      ],
      [
        'prov-d-shangwuju',
        [
          { lead: 0, support: 1, shared: 0 },
          { lead: 0, support: 0, shared: 0 },
        ],
      ],
    ]);
  });

  describe('real seeds', () => {
    const realViews = departmentViews(real, reg.departments);
    const realView = (id: string) => {
      const v = realViews.find((x) => x.id === id);
      if (!v) throw new Error(`no department ${id}`);
      return v;
    };

    test('Beichen’s 区科技局 is in all 18 (责任单位:…) clauses of seeds/000 (lines 37–85), always as a shared responsibility', () => {
      const tasks = realView('tianjin-beichen-qu-kejiju').tasks;
      expect(tasks).toHaveLength(18);
      expect(new Set(tasks.map((t) => `${t.slug} ${t.role}`))).toEqual(new Set(['beichen-2020-2022 shared']));
      // Line 45: 1.提高科技创新能力。… (责任单位:区科技局、区发改委、区委网信办、区工信局、有关镇、开发区)
      expect(tasks[2]).toMatchObject({
        sectionTitle: '二、重点任务 › (一)增强科技创新策源能力 › 1.提高科技创新能力',
        clause: '(责任单位:区科技局、区发改委、区委网信办、区工信局、有关镇、开发区)',
      });
      // The first task (line 37) starts with its goal: 科技创新能力明显增强。
      expect(tasks[0]!.excerpt.startsWith('科技创新能力明显增强')).toBe(true);
    });

    test('Hongqiao’s 区科技局 is another body: it leads the four tasks of seeds/002 (lines 24, 27, 30, 33), one per （一）–（四）', () => {
      const tasks = realView('tianjin-hongqiao-qu-kejiju').tasks;
      expect(tasks.map((t) => [t.slug, t.role])).toEqual(Array(4).fill(['hongqiao-2020-2022', 'lead']));
      // The scrape lost the 二、 of 重点任务 (line 21); the outline stage restores it.
      expect(tasks.map((t) => t.sectionTitle)).toEqual([
        '二、重点任务 › （一）强化企业创新主体地位',
        '二、重点任务 › （二）加快创新产业载体建设',
        '二、重点任务 › （三）加快培育创新生态',
        '二、重点任务 › （四）优化人才发展环境',
      ]);
    });

    test('a name written with a typo links to the right department and keeps the typo as written (seeds/002 line 24)', () => {
      expect(realView('tianjin-hongqiao-qu-shangwuju').tasks.map((t) => t.nameAsWritten)).toEqual(['区区商务局', '区商务局', '区商务局']);
      expect(realView('tianjin-hongqiao-qu-zhengfu-hezuo-jiaoliuban').tasks.map((t) => [t.role, t.nameAsWritten])).toEqual([
        ['support', '区政府区政府合作交流办'],
        ['support', '区政府合作交流办'],
      ]);
    });

    test('区人社局 of each district has the tasks of its own plan only: 5 shared in 000, 2 supporting in 002', () => {
      expect(realView('tianjin-beichen-qu-rensheju').tasks.map((t) => `${t.slug} ${t.role}`)).toEqual(Array(5).fill('beichen-2020-2022 shared'));
      expect(realView('tianjin-hongqiao-qu-rensheju').tasks.map((t) => `${t.slug} ${t.role}`)).toEqual(Array(2).fill('hongqiao-2020-2022 support'));
    });

    test('the matrix has the two plans with responsibility clauses as columns', () => {
      const m = departmentMatrix(real, realViews);
      expect(m.plans.map((p) => p.slug)).toEqual(['beichen-2020-2022', 'hongqiao-2020-2022']);
      const row = m.rows.find((r) => r.department.id === 'tianjin-hongqiao-qu-kejiju')!;
      expect(row.cells).toEqual([
        { lead: 0, support: 0, shared: 0 },
        { lead: 4, support: 0, shared: 0 },
      ]);
    });
  });
});

// ── Cited documents ────────────────────────────────────────────────────────────────────────────────────────────

describe('citedDocumentViews(plans, registry) and documentSlug(key, registry)', () => {
  const registry: CitedDocument[] = [{ id: 'law-x', title: '中华人民共和国某法', aliases: ['某法'], docNumber: null, issuer: null, year: null, kind: 'law', planSlug: null }];
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

    test('an unregistered document of the Xinji plan (004 line 16) gets a k- page under the title as written', () => {
      const v = realViews.find((w) => w.title === '关于加快推进创新创业若干政策措施')!;
      expect(v).toMatchObject({ entry: null, slug: expect.stringMatching(/^k-[0-9a-f]{10}$/u) });
      expect(v.byPlan.map((g) => g.slug)).toEqual(['xinji-14th-five-year']);
    });
  });
});

// ── Glossary ───────────────────────────────────────────────────────────────────────────────────────────────────

describe('termViews(plans, glossary)', () => {
  const tm = (termId: string, start: number, end: number): Mark => ({ kind: 'term', start, end, termId });
  // Plan a: 高企 in p1 and again in p2 (first mention counts), 孵化器 in a table cell. Plan b: 高企 once.
  const a = plan('a', '甲方案', {
    blocks: [
      heading('s1', 1, '一、', '目标'),
      para('p1', '培育高企。', [tm('gaoqi', 2, 4)]),
      para('p2', '再培育高企。', [tm('gaoqi', 3, 5)]),
      { kind: 'table', id: 't1', lines: [1], caption: null, captionLine: null, head: [[cell('指标')]], rows: [[cell('孵化器数量', [tm('fuhuaqi', 0, 3)])]], rowHeader: null, notes: [] },
    ],
  });
  const b = plan('b', '乙方案', { blocks: [para('p0-1', '高企达到100家。', [tm('gaoqi', 0, 2)])] });
  const glossary = [term('fuhuaqi', '孵化器'), term('gaoqi', '高新技术企业'), term('unused', '未用术语')];
  const views = termViews([a, b], glossary);

  test('every term in glossary order, each with its first use in each plan that uses it', () => {
    expect(views.map((v) => [v.term.id, v.uses.map((u) => [u.slug, u.blockId, u.sectionTitle])])).toEqual([
      ['fuhuaqi', [['a', 't1', '一、目标']]],
      [
        'gaoqi',
        [
          ['a', 'p1', '一、目标'],
          ['b', 'p0-1', '乙方案'],
        ],
      ],
      ['unused', []],
    ]);
  });

  test('the excerpt is taken from the paragraph or the table cell that uses the term', () => {
    expect(views[0]!.uses[0]!.excerpt).toBe('孵化器数量');
    expect(views[1]!.uses[0]!.excerpt).toBe('培育高企。');
  });

  test('real seeds: 海河英才 is used by the Beichen (000 line 75) and Hongqiao (002 line 33) plans only', () => {
    const v = termViews(real, reg.glossary).find((x) => x.term.id === 'haihe-yingcai')!;
    expect(v.uses.map((u) => [u.slug, u.sectionTitle])).toEqual([
      ['beichen-2020-2022', '二、重点任务 › (五)加大创新人才引育力度 › 1.加快科技创新人才聚集'],
      ['hongqiao-2020-2022', '二、重点任务 › （四）优化人才发展环境'],
    ]);
    expect(v.uses[0]!.excerpt).toContain('“海河英才”行动计划');
  });
});

// ── Regions ────────────────────────────────────────────────────────────────────────────────────────────────────

describe('regionPlaces, regionTree, plansUnder, flattenRegions', () => {
  // A province with a plan of its own, a district with two plans, a county under a city, and a plan without a region.
  // The district's id sorts before the city's, its code after: children go by code (GB/T 2260 order).
  const district = region('prov-anqu', '990102', '安区', 'district', [P]);
  const county = region('prov-city-x', '990181', '某县', 'county', [P, C]);
  const plans = [
    plan('d1', '区方案一', { region: district }),
    plan('p', '省方案', { region: region('prov', '990000', '某省', 'province') }),
    plan('x', '县方案', { region: county }),
    plan('d2', '区方案二', { region: district }),
    plan('none', '无地区方案'),
  ];

  test('every region the plans name, and every ancestor of one, with its full name and parents', () => {
    const places = regionPlaces(plans);
    expect([...places.keys()].sort()).toEqual(['prov', 'prov-anqu', 'prov-city', 'prov-city-x']);
    expect(places.get('prov-city-x')).toEqual({ id: 'prov-city-x', code: '990181', name: '某县', level: 'county', fullName: '某省某市某县', parents: [P, C] });
    // An ancestor no plan is of is still a place (the city).
    expect(places.get('prov-city')).toEqual({ ...C, fullName: '某省某市', parents: [P] });
  });

  test('the tree runs province › city › county; children by code; each node has the plans of exactly that region', () => {
    const tree = regionTree(plans);
    const shape = (nodes: ReturnType<typeof regionTree>): unknown[] => nodes.map((n) => [n.region.id, n.plans.map((p) => p.slug), shape(n.children)]);
    expect(shape(tree)).toEqual([
      [
        'prov',
        ['p'],
        [
          ['prov-city', [], [['prov-city-x', ['x'], []]]],
          ['prov-anqu', ['d1', 'd2'], []],
        ],
      ],
    ]);
    expect(plansUnder(tree[0]!).map((p) => p.slug)).toEqual(['p', 'x', 'd1', 'd2']);
    expect(flattenRegions(tree).map((n) => n.region.id)).toEqual(['prov', 'prov-city', 'prov-city-x', 'prov-anqu']);
  });

  test('real seeds: Tianjin with its own plan and three districts by code; Xinji’s plan is under Hebei', () => {
    const tree = regionTree(real);
    expect(tree.map((n) => n.region.id)).toEqual(['tianjin', 'hebei']);
    const tianjin = tree[0]!;
    expect(tianjin.plans.map((p) => p.slug)).toEqual(['tianjin-2014-work-conference']);
    // 红桥区 120106, 北辰区 120113, 宝坻区 120115.
    expect(tianjin.children.map((n) => [n.region.name, n.plans.map((p) => p.slug)])).toEqual([
      ['红桥区', ['hongqiao-2020-2022']],
      ['北辰区', ['beichen-2020-2022']],
      ['宝坻区', ['baodi-14th-five-year']],
    ]);
    expect(plansUnder(tianjin)).toHaveLength(4);
    // 辛集市 is a county-level city administered directly by Hebei; whichever node it hangs from, it is under Hebei.
    expect(plansUnder(tree[1]!).map((p) => p.slug)).toEqual(['xinji-14th-five-year']);
    expect(flattenRegions(tree).find((n) => n.region.id === 'hebei-xinji')!.region.fullName.startsWith('河北省')).toBe(true);
  });
});

// ── Related sections on a theme ────────────────────────────────────────────────────────────────────────────────

describe('relatedSections(plans, themes, limit) and themeSections(plans, themeId)', () => {
  const themes = [theme('talent', '人才'), theme('finance', '金融')];
  // Sections and their themes (best first):
  //   a: s1 [talent], s2 [finance, talent]       b: s1 [finance, talent], s2 [talent]
  //   c: s1 [talent]                              d: s1 [] (themed by nothing)
  const a = plan('a', '甲', { outline: [node('s1', '一、', '人才'), node('s2', '二、', '金融')], sectionThemes: [{ sectionId: 's1', themeIds: ['talent'] }, { sectionId: 's2', themeIds: ['finance', 'talent'] }] });
  const b = plan('b', '乙', { outline: [node('s1', '一、', '融资'), node('s2', '二、', '引才', [node('s2-1', '（一）', '育才')])], sectionThemes: [{ sectionId: 's1', themeIds: ['finance', 'talent'] }, { sectionId: 's2-1', themeIds: ['talent'] }] });
  const c = plan('c', '丙', { outline: [node('s1', '一、', '队伍')], sectionThemes: [{ sectionId: 's1', themeIds: ['talent'] }] });
  const d = plan('d', '丁', { outline: [node('s1', '一、', '其他')], sectionThemes: [{ sectionId: 's1', themeIds: [] }] });
  const plans = [a, b, c, d];

  test('a section gets one section per other plan on its first theme, those with the theme first before the others', () => {
    const related = relatedSections(plans, themes);
    // a#s1 (talent): b's best talent section is s2-1 (talent first), not s1 (talent second); c's is s1.
    expect(related.get('a#s1')).toEqual([
      { slug: 'b', planTitle: '乙', sectionId: 's2-1', title: '（一）育才', themeId: 'talent', themeName: '人才' },
      { slug: 'c', planTitle: '丙', sectionId: 's1', title: '一、队伍', themeId: 'talent', themeName: '人才' },
    ]);
    // a#s2 (finance): only b has a finance section.
    expect(related.get('a#s2')!.map((r) => `${r.slug}#${r.sectionId}`)).toEqual(['b#s1']);
    // c#s1 (talent): a's s1 and b's s2-1, never c's own.
    expect(related.get('c#s1')!.map((r) => `${r.slug}#${r.sectionId}`)).toEqual(['a#s1', 'b#s2-1']);
    // A section with no theme has no entry.
    expect(related.has('d#s1')).toBe(false);
  });

  test('at most `limit` plans', () => {
    expect(relatedSections(plans, themes, 1).get('c#s1')!.map((r) => r.slug)).toEqual(['a']);
  });

  test('the result is computed once per plan list: the same call gives the same map, a new list a new one', () => {
    // Module-level cache keyed by the array (documented: do not change the list after the call).
    const first = relatedSections(plans, themes);
    expect(relatedSections(plans, themes)).toBe(first);
    const fewer = relatedSections([a, b], themes);
    expect(fewer).not.toBe(first);
    expect(fewer.get('a#s1')!.map((r) => r.slug)).toEqual(['b']);
  });

  test('themeSections lists every section that has the theme at all, in plan order', () => {
    expect(themeSections(plans, 'talent').map((s) => `${s.slug}#${s.sectionId} ${s.title}`)).toEqual(['a#s1 一、人才', 'a#s2 二、金融', 'b#s1 一、融资', 'b#s2-1 （一）育才', 'c#s1 一、队伍']);
    expect(themeSections(plans, 'finance').map((s) => `${s.slug}#${s.sectionId}`)).toEqual(['a#s2', 'b#s1']);
    expect(themeSections(plans, 'nothing')).toEqual([]);
  });
});
