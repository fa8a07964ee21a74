import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Block, Mark, PlanDocument } from '../../src/schemas/plan.ts';
import type { Department } from '../../src/schemas/departments.ts';
import { DataError } from '../../src/schemas/friendly-errors.ts';
import { loadRegistries } from '../registries.ts';
import { buildPlanDocument } from './document.ts';
import {
  cleanDepartmentName,
  derivedDepartmentId,
  extractResponsibilities,
  findClauses,
  type FoundClause,
  parseDepartments,
  resolveDepartment,
} from './responsibilities.ts';

const ROOT = join(import.meta.dirname, '..', '..');

const heading = (id: string, level: number, title: string): Block => ({ kind: 'heading', id, lines: [1], part: 'body', level, ordinal: 1, number: '', title, text: title, marks: [] });
const para = (id: string, text: string, marks: Mark[] = [], line = 2): Block => ({ kind: 'paragraph', id, lines: [line], part: 'body', role: 'body', text, marks });

const dept = (region: string, local: string, name: string, aliases: string[] = []): Department => ({
  id: `${region}-${local}`,
  region,
  name,
  fullName: null,
  nameEn: name,
  nameEnSource: 'editors',
  kind: 'government',
  generic: local,
  aliases,
});
const DEPARTMENTS: Department[] = [
  dept('tianjin-beichen', 'qu-kejiju', '区科技局'),
  dept('tianjin-beichen', 'qu-gongxinju', '区工信局'),
  dept('tianjin-beichen', 'qu-fagaiwei', '区发改委', ['区发展改革委']),
  dept('tianjin-hongqiao', 'qu-kejiju', '区科技局'),
  dept('tianjin-hongqiao', 'qu-shangwuju', '区商务局', ['区区商务局']),
  dept('tianjin-hongqiao', 'qu-zhengfu-hezuo-jiaoliuban', '区政府合作交流办', ['区政府区政府合作交流办']),
];
const BEICHEN = { departments: DEPARTMENTS, region: 'tianjin-beichen' };
const HONGQIAO = { departments: DEPARTMENTS, region: 'tianjin-hongqiao' };

// Short real excerpts.
const T000 = '落实科技评价激励制度。(责任单位:区科技局、区工信局)';
const T002 = '发挥企业家在科技创新中的重要作用。（区科技局牵头，区区商务局、区政府区政府合作交流办按职责分工负责）';

describe('findClauses(text)', () => {
  test('reads a 责任单位 list as shared responsibility, with the offsets of each name', () => {
    const [c] = findClauses(T000);
    expect(c!.raw).toBe('(责任单位:区科技局、区工信局)');
    expect(c!.lead).toEqual([]);
    expect(c!.shared.map((n) => [n.raw, T000.slice(n.start, n.end)])).toEqual([
      ['区科技局', '区科技局'],
      ['区工信局', '区工信局'],
    ]);
  });
  test('reads a 牵头 clause as lead and support', () => {
    const [c] = findClauses(T002);
    expect(c!.lead.map((n) => n.raw)).toEqual(['区科技局']);
    expect(c!.support.map((n) => n.raw)).toEqual(['区区商务局', '区政府区政府合作交流办']);
    for (const n of [...c!.lead, ...c!.support]) expect(T002.slice(n.start, n.end)).toBe(n.raw);
  });
  test('accepts full-width colon and brackets in a 责任单位 list', () => {
    expect(findClauses('（责任单位：区科技局）')[0]!.shared.map((n) => n.raw)).toEqual(['区科技局']);
  });
  test('reads a 牵头 clause without supporting bodies', () => {
    const [c] = findClauses('（区科技局牵头负责）');
    expect(c!.lead.map((n) => n.raw)).toEqual(['区科技局']);
    expect(c!.support).toEqual([]);
  });
  test('leaves 由 out of the lead name', () => {
    const text = '（由区科技局牵头，区工信局配合）';
    const [c] = findClauses(text);
    expect(c!.lead.map((n) => text.slice(n.start, n.end))).toEqual(['区科技局']);
    expect(c!.support.map((n) => n.raw)).toEqual(['区工信局']);
  });
  test('leaves 等 out of the last name of a list', () => {
    expect(findClauses('(责任单位:区科技局、区工信局等)')[0]!.shared.map((n) => n.raw)).toEqual(['区科技局', '区工信局']);
  });
  test('ignores other bracketed text', () => {
    expect(findClauses('力争新建1家市级以上大学科技园。科技领军(培育)企业(此件主动公开)')).toEqual([]);
    expect(findClauses('（由政府引导，龙头企业牵头组建）')).toEqual([]);
  });
  // The labelled forms of other portals' measures and work points (made-up text in their shape).
  test('reads a labelled list closing a paragraph, and lead and support by their labels, in brackets or not', () => {
    const roles = (c: FoundClause) => [c.lead.map((n) => n.raw), c.support.map((n) => n.raw), c.shared.map((n) => n.raw)];
    const text = '对研发投入增长的企业给予奖励。责任单位：市科技局，市财政局';
    const [closing] = findClauses(text);
    expect(roles(closing!)).toEqual([[], [], ['市科技局', '市财政局']]);
    expect(closing!.raw).toBe('责任单位：市科技局，市财政局');
    for (const n of closing!.shared) expect(text.slice(n.start, n.end)).toBe(n.raw);
    expect(findClauses('加强人才引进。牵头单位：市人社局；配合单位：市科技局、市教育局').map(roles)).toEqual([[['市人社局'], ['市科技局', '市教育局'], []]]);
    expect(findClauses('加强人才引进（牵头部门：市人社局；配合部门：市科技局）。').map(roles)).toEqual([[['市人社局'], ['市科技局'], []]]);
  });
  test('more labels, other brackets, and bodies that share a task without a lead', () => {
    const roles = (c: FoundClause) => [c.lead.map((n) => n.raw), c.support.map((n) => n.raw), c.shared.map((n) => n.raw)];
    expect(findClauses('加强知识产权保护。（主要责任单位：区市场监管局；参与单位：区科技局）').map(roles)).toEqual([[['区市场监管局'], ['区科技局'], []]]);
    expect(findClauses('建设技术转移机构。【责任单位：区科技局、区财政局】').map(roles)).toEqual([[[], [], ['区科技局', '区财政局']]]);
    const text = '开展科普活动。（区科协、区科技局按职责分工负责）';
    const [c] = findClauses(text);
    expect(roles(c!)).toEqual([[], [], ['区科协', '区科技局']]);
    for (const n of c!.shared) expect(text.slice(n.start, n.end)).toBe(n.raw);
    // Not words that are no bodies' names, nor a sentence: 负责 ends many a bracket.
    expect(findClauses('（各有关方面按职责分工负责）（由区政府统一负责）（企业、高校共同负责）')).toEqual([]);
    // A document number's brackets are no clause.
    expect(findClauses('按照津政发〔2021〕5号文件执行。')).toEqual([]);
  });
  test('a label inside a sentence, or followed by prose, is no clause', () => {
    expect(findClauses('各责任单位：要按时报送进展情况。')).toEqual([]);
    expect(findClauses('明确责任单位：由市科技局会同有关部门研究制定具体办法并组织实施，确保各项措施落地见效')).toEqual([]);
    expect(findClauses('责任单位：市科技局。下一步将继续推进。')).toEqual([]);
  });
});

describe('cleanDepartmentName(raw)', () => {
  test('collapses a doubled administrative prefix', () => {
    expect(cleanDepartmentName('区区商务局')).toBe('区商务局');
    expect(cleanDepartmentName('区政府区政府合作交流办')).toBe('区政府合作交流办');
  });
  test('leaves ordinary names alone', () => {
    expect(cleanDepartmentName('区委网信办')).toBe('区委网信办');
    expect(cleanDepartmentName('公安北辰分局')).toBe('公安北辰分局');
  });
});

describe('resolveDepartment(raw, ctx)', () => {
  test('finds a typo form through the registry aliases and keeps the raw form', () => {
    expect(resolveDepartment('区区商务局', HONGQIAO)).toEqual({
      ref: { raw: '区区商务局', name: '区商务局', departmentId: 'tianjin-hongqiao-qu-shangwuju' },
      known: true,
    });
  });
  test('scopes names to the plan region: 区科技局 of 北辰区 and of 红桥区 are different bodies', () => {
    expect(resolveDepartment('区科技局', BEICHEN).ref.departmentId).toBe('tianjin-beichen-qu-kejiju');
    expect(resolveDepartment('区科技局', HONGQIAO).ref.departmentId).toBe('tianjin-hongqiao-qu-kejiju');
  });
  test('matches an abbreviation listed as an alias', () => {
    expect(resolveDepartment('区发展改革委', BEICHEN).ref).toEqual({ raw: '区发展改革委', name: '区发改委', departmentId: 'tianjin-beichen-qu-fagaiwei' });
  });
  test('gives an unknown name a stable, URL-safe derived id, cleaned of a doubled prefix', () => {
    const { ref, known } = resolveDepartment('区区统计局', BEICHEN);
    expect(known).toBe(false);
    expect(ref.name).toBe('区统计局');
    expect(ref.departmentId).toBe(derivedDepartmentId('区统计局', 'tianjin-beichen'));
    expect(ref.departmentId).toMatch(/^tianjin-beichen-unregistered-[0-9a-f]{8}$/u);
  });
  test('registers nothing when the plan region is unknown', () => {
    expect(resolveDepartment('区科技局', { departments: DEPARTMENTS, region: null })).toMatchObject({ known: false, ref: { departmentId: expect.stringMatching(/^unscoped-unregistered-/u) } });
  });
});

describe('extractResponsibilities(blocks, ctx)', () => {
  test('records a 责任单位 clause with all departments shared and the nearest heading as section', () => {
    const { responsibilities } = extractResponsibilities([heading('s2-6', 2, '持续优化科技创新生态'), heading('s2-6-1', 3, '强化科技宏观统筹'), para('p2-6-1-1', T000, [], 81)], BEICHEN);
    expect(responsibilities).toEqual([
      {
        id: 'resp1',
        blockId: 'p2-6-1-1',
        sectionId: 's2-6-1',
        raw: '(责任单位:区科技局、区工信局)',
        line: 81,
        lead: [],
        support: [],
        shared: [
          { raw: '区科技局', name: '区科技局', departmentId: 'tianjin-beichen-qu-kejiju' },
          { raw: '区工信局', name: '区工信局', departmentId: 'tianjin-beichen-qu-gongxinju' },
        ],
      },
    ]);
  });
  test('records lead and support of a 牵头 clause, cleaning typo forms via the registry', () => {
    const [r] = extractResponsibilities([heading('s2-3', 2, '加快培育创新生态'), para('p2-3-1', T002)], HONGQIAO).responsibilities;
    expect(r!.lead.map((d) => d.departmentId)).toEqual(['tianjin-hongqiao-qu-kejiju']);
    expect(r!.support).toEqual([
      { raw: '区区商务局', name: '区商务局', departmentId: 'tianjin-hongqiao-qu-shangwuju' },
      { raw: '区政府区政府合作交流办', name: '区政府合作交流办', departmentId: 'tianjin-hongqiao-qu-zhengfu-hezuo-jiaoliuban' },
    ]);
  });
  test('marks each department name as written, with offsets in the block text', () => {
    const { marks } = extractResponsibilities([para('p2-3-1', T002)], HONGQIAO);
    expect(marks.map(({ blockId, mark }) => [blockId, T002.slice(mark.start, mark.end), mark.kind === 'department' && mark.departmentId])).toEqual([
      ['p2-3-1', '区科技局', 'tianjin-hongqiao-qu-kejiju'],
      ['p2-3-1', '区区商务局', 'tianjin-hongqiao-qu-shangwuju'],
      ['p2-3-1', '区政府区政府合作交流办', 'tianjin-hongqiao-qu-zhengfu-hezuo-jiaoliuban'],
    ]);
  });
  test('reports an unknown department and still records it', () => {
    const { responsibilities, unknown, marks } = extractResponsibilities([para('p1', '(责任单位:区科技局、区统计局)', [], 9)], BEICHEN);
    expect(responsibilities[0]!.shared.map((d) => d.name)).toEqual(['区科技局', '区统计局']);
    expect(unknown).toEqual([{ raw: '区统计局', name: '区统计局', departmentId: derivedDepartmentId('区统计局', 'tianjin-beichen'), blockId: 'p1', line: 9 }]);
    expect(marks).toHaveLength(2);
  });
  test('numbers responsibilities in reading order and gives text before any heading a null section', () => {
    const { responsibilities } = extractResponsibilities([para('p0-1', T000), heading('s1', 1, '总体要求'), para('p1-1', T000)], BEICHEN);
    expect(responsibilities.map((r) => [r.id, r.sectionId])).toEqual([
      ['resp1', null],
      ['resp2', 's1'],
    ]);
  });
  test('leaves out a department mark that would cross an existing mark, keeping the ref', () => {
    const at = T000.indexOf('区工信局');
    const repair: Mark = { kind: 'repair', start: at + 2, end: at + 6, repairId: 'r1' };
    const { marks, responsibilities } = extractResponsibilities([para('p1', T000, [repair])], BEICHEN);
    expect(marks.map((m) => m.mark.start)).toEqual([T000.indexOf('区科技局')]);
    expect(responsibilities[0]!.shared).toHaveLength(2);
  });
});

describe('parseDepartments(yamlText, file)', () => {
  test('rejects an id that does not carry its region, naming the line', () => {
    const yaml = '- { id: qu-kejiju, region: tianjin-beichen, name: 区科技局, nameEn: S&T Bureau, nameEnSource: editors, kind: government, generic: kejiju }\n';
    expect(() => parseDepartments(yaml, 'departments.yaml')).toThrow(DataError);
    expect(() => parseDepartments(yaml, 'departments.yaml')).toThrow(/departments\.yaml:1 › 0\.id: id must start with the region id/u);
  });
  test('rejects a spelling claimed by two bodies of one region', () => {
    const yaml = [
      '- { id: r-a, region: r, name: 区科技局, nameEn: a, nameEnSource: editors, kind: government, generic: a }',
      '- { id: r-b, region: r, name: 区科委, nameEn: b, nameEnSource: editors, kind: government, generic: b, aliases: [区科技局] }',
    ].join('\n');
    expect(() => parseDepartments(yaml, 'd.yaml')).toThrow(/d\.yaml:2 › 1\.aliases\.0: 区科技局 is already a spelling of entry 0 in r/u);
  });
});

describe('extractResponsibilities on the real seeds', () => {
  const reg = loadRegistries(join(ROOT, 'seeds'), join(ROOT, 'content'), ROOT);
  const departments = parseDepartments(readFileSync(join(ROOT, 'content', 'departments.yaml'), 'utf8'), 'content/departments.yaml');
  const docs = new Map<string, PlanDocument>();
  for (const name of Object.keys(reg.catalog)) {
    docs.set(name, buildPlanDocument({ name, path: `seeds/${name}`, bytes: readFileSync(join(ROOT, 'seeds', name)) }, reg));
  }
  const run = (name: string) => {
    const doc = docs.get(name)!;
    return { doc, seed: readFileSync(join(ROOT, 'seeds', name), 'utf8'), ...extractResponsibilities(doc.blocks, { departments, region: doc.meta.region?.value.id ?? null }) };
  };

  test('every department of the registry belongs to a region of content/regions.yaml', () => {
    const regions = new Set(reg.regions.regions.map((r) => r.id));
    expect(departments.filter((d) => !regions.has(d.region)).map((d) => d.id)).toEqual([]);
  });
  test('every (责任单位:…) clause of 000 yields a shared responsibility', () => {
    const { seed, responsibilities } = run('000_df8e3af4caff0a08.txt');
    const clauses = seed.match(/[(（]责任单位[:：][^)）]*[)）]/gu)!;
    expect(clauses).toHaveLength(18);
    expect(responsibilities.map((r) => r.raw)).toEqual(clauses);
    expect(responsibilities.every((r) => r.lead.length === 0 && r.support.length === 0 && r.shared.length > 0)).toBe(true);
  });
  test('every …牵头…负责） clause of 002 yields a lead and supporting departments', () => {
    const { seed, responsibilities } = run('002_3b22102abfde4f0c.txt');
    const clauses = seed.match(/[(（][^()（）]*牵头[^()（）]*负责[)）]/gu)!;
    expect(clauses).toHaveLength(4);
    expect(responsibilities.map((r) => r.raw)).toEqual(clauses);
    expect(responsibilities.every((r) => r.lead.length === 1 && r.support.length >= 2 && r.shared.length === 0)).toBe(true);
  });
  test('every department named in 000 and 002 is in the registry, for the plan region', () => {
    for (const name of ['000_df8e3af4caff0a08.txt', '002_3b22102abfde4f0c.txt']) {
      const { doc, unknown, responsibilities } = run(name);
      expect(unknown).toEqual([]);
      const ids = new Map(departments.map((d) => [d.id, d]));
      expect(responsibilities.length).toBeGreaterThan(0);
      for (const r of responsibilities) {
        for (const ref of [...r.lead, ...r.support, ...r.shared]) expect(ids.get(ref.departmentId)?.region).toBe(doc.meta.region?.value.id);
      }
    }
  });
  test('the typo forms of 002 are kept raw and shown cleaned', () => {
    const refs = run('002_3b22102abfde4f0c.txt').responsibilities.flatMap((r) => r.support).filter((d) => d.raw !== d.name);
    expect(refs.map((d) => `${d.raw} → ${d.name}`)).toEqual(['区政府区政府合作交流办 → 区政府合作交流办', '区区商务局 → 区商务局']);
  });
  test('every mark covers a name exactly as written, inside its clause', () => {
    for (const name of ['000_df8e3af4caff0a08.txt', '002_3b22102abfde4f0c.txt']) {
      const { doc, marks, responsibilities } = run(name);
      const refs = responsibilities.flatMap((r) => [...r.lead, ...r.support, ...r.shared]);
      expect(refs.length).toBeGreaterThan(0);
      expect(marks).toHaveLength(refs.length);
      marks.forEach(({ blockId, mark }, i) => {
        const block = doc.blocks.find((b) => b.id === blockId)!;
        expect(block.kind === 'paragraph' && block.text.slice(mark.start, mark.end)).toBe(refs[i]!.raw);
      });
    }
  });
  test('the texts without responsibility clauses (001, 003, 004) yield none', () => {
    for (const name of ['001_b19521e93b2b759c.txt', '003_9c4896c03185b26c.txt', '004_d6d163db2a424736.txt']) expect(run(name).responsibilities).toEqual([]);
  });
});

describe('a task-division table (重点任务分工表)', () => {
  // Written for the test, in the shape Word saves a table as text (cells between tabs): a row per task, its bodies in
  // columns headed 牵头单位 and 配合单位; one cell says the roles itself, one says 无 (no one).
  const text = [
    '某区科技创新三年行动方案（2023—2025年）',
    '附件',
    '重点任务分工表',
    '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
    '1\t实施高新技术企业倍增计划\t区科技局\t区财政局、区工信局\t2025年底',
    '2\t建设区级重点实验室\t区科技局\t无\t2024年底',
    '3\t完善科技金融服务\t区金融局牵头，区科技局配合\t\t持续推进',
    '4\t举办创新创业大赛\t\t\t每年',
  ].join('\n');
  const doc = buildPlanDocument({ name: 'x.txt', path: 'x.txt', bytes: Buffer.from(text) }, loadRegistries('seeds', 'content'));

  test('each row that names bodies is a responsibility, with its row, line and roles by column', () => {
    expect(doc.responsibilities.map((r) => ({ raw: r.raw, line: r.line, cell: r.cell, lead: r.lead.map((d) => d.raw), support: r.support.map((d) => d.raw), shared: r.shared.map((d) => d.raw) }))).toEqual([
      { raw: '牵头单位：区科技局；配合单位：区财政局、区工信局', line: 5, cell: { row: 0, col: 2 }, lead: ['区科技局'], support: ['区财政局', '区工信局'], shared: [] },
      { raw: '牵头单位：区科技局', line: 6, cell: { row: 1, col: 2 }, lead: ['区科技局'], support: [], shared: [] },
      { raw: '牵头单位：区金融局牵头，区科技局配合', line: 7, cell: { row: 2, col: 2 }, lead: ['区金融局'], support: ['区科技局'], shared: [] },
    ]);
  });

  test('each name is marked in its cell', () => {
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((row) => row.flatMap((c) => c.marks.filter((m) => m.kind === 'department').map((m) => c.text.slice(m.start, m.end))))).toEqual([
      ['区科技局', '区财政局', '区工信局'],
      ['区科技局'],
      ['区金融局', '区科技局'],
      [],
    ]);
  });

  test('a table without a column of bodies names no one', () => {
    const plain = ['某区方案', '表1 主要指标', '序号\t指标名称\t2025年', '1\t高新技术企业（家）\t100', '2\t科技型中小企业（家）\t300'].join('\n');
    expect(buildPlanDocument({ name: 'y.txt', path: 'y.txt', bytes: Buffer.from(plain) }, loadRegistries('seeds', 'content')).responsibilities).toEqual([]);
  });
});
