/** Departments and their tasks (departments.ts). Inputs: test-fixtures.ts. */
import { describe, expect, test } from 'vitest';
import { departmentMatrix, departmentPages, departmentViews, type DepartmentTask, type DepartmentView } from './departments.ts';
import { cell, department, dep, heading, P, para, plan, realSeeds, region, resp } from './test-fixtures.ts';

const { reg, plans: real } = realSeeds();

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
    expect(m.plans.map((p) => p.slug)).toEqual(['a', 'b']);
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

describe('a task in a row of a task-division table (重点任务分工表)', () => {
  const r = region('prov-d', '990102', '某区', 'district', [P]);
  const table = {
    kind: 'table' as const, id: 't1', lines: [1, 2, 3], part: 'body' as const, caption: { text: '重点任务分工表', marks: [] }, captionLine: 1,
    head: [[cell('序号'), cell('重点任务'), cell('牵头单位'), cell('配合单位')]],
    rows: [
      [cell('1'), cell('实施高新技术企业倍增计划'), cell('区科技局'), cell('区财政局')],
      [cell('2'), cell('建设区级重点实验室'), cell('区科技局'), cell('—')],
    ],
    rowHeader: 1, notes: [], notesEn: [],
  };
  const rowTask = (id: string, row: number, raw: string, roles: Parameters<typeof resp>[3]) => ({ ...resp(id, 't1', raw, roles), cell: { row, col: 2 } });
  const a = plan('a', '甲方案', {
    region: r,
    blocks: [heading('sa1', 1, '', '附件'), table],
    responsibilities: [
      rowTask('resp1', 0, '牵头单位：区科技局；配合单位：区财政局', { lead: [dep('prov-d-kejiju', '区科技局')], support: [dep('prov-d-caizhengju', '区财政局')] }),
      rowTask('resp2', 1, '牵头单位：区科技局', { lead: [dep('prov-d-kejiju', '区科技局')] }),
    ],
  });
  const views = departmentViews([a], [department('prov-d-kejiju', 'prov-d', '区科技局')]);

  test('the excerpt is the row’s task, not the table’s first cells or the row number', () => {
    expect(views.find((v) => v.id === 'prov-d-kejiju')!.tasks.map((t) => [t.blockId, t.role, t.excerpt, t.clause])).toEqual([
      ['t1', 'lead', '实施高新技术企业倍增计划', '牵头单位：区科技局；配合单位：区财政局'],
      ['t1', 'lead', '建设区级重点实验室', '牵头单位：区科技局'],
    ]);
    expect(views.find((v) => v.id === 'prov-d-caizhengju')!.tasks.map((t) => [t.role, t.excerpt])).toEqual([['support', '实施高新技术企业倍增计划']]);
  });
});

describe('departmentPages(views, perPage): which departments have a page of their own, and where the others are listed', () => {
  // A department with `n` tasks; what a task says does not matter here.
  const v = (id: string, region: string | null, registered: boolean, n: number): DepartmentView => ({
    id, name: id, fullName: null, nameEn: null, fullNameSource: null, nameEnEditors: false, region, registered, note: null,
    tasks: Array.from({ length: n }, () => ({ role: 'lead' }) as DepartmentTask),
  });
  // Page size 4. Region x: u1 (2 tasks), u2 (2), u3 (1), big (5: more than a page); region y: u4 (1); r1 registered
  // with 1 task; n1 unregistered of no region.
  const views = [v('r1', 'x', true, 1), v('u1', 'x', false, 2), v('u2', 'x', false, 2), v('u4', 'y', false, 1), v('u3', 'x', false, 1), v('big', 'x', false, 5), v('n1', null, false, 1)];
  const { own, shared, href } = departmentPages(views, 4);

  test('registered departments, those of no region and those with more tasks than a page have their own page', () => {
    expect(own.map((d) => d.id)).toEqual(['r1', 'big', 'n1']);
    expect(href.get('r1')).toBe('departments/r1/');
    expect(href.get('big')).toBe('departments/big/');
    expect(href.get('n1')).toBe('departments/n1/');
  });

  test('the others are listed by region, whole departments at most a page of tasks each, in the order given', () => {
    expect(shared.map((p) => [p.region, p.n, p.of, p.departments.map((d) => d.id)])).toEqual([
      ['x', 1, 2, ['u1', 'u2']],
      ['x', 2, 2, ['u3']],
      ['y', 1, 1, ['u4']],
    ]);
  });

  test('each is linked to its anchor on its page of its region’s list', () => {
    expect(href.get('u1')).toBe('departments/region/x/#u1');
    expect(href.get('u3')).toBe('departments/region/x/2/#u3');
    expect(href.get('u4')).toBe('departments/region/y/#u4');
    expect(href.size).toBe(views.length);
  });
});
