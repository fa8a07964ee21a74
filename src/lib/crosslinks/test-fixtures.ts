/**
 * Inputs of the crosslinks tests (`*.test.ts` beside this file). Two kinds: small hand-built documents, where every
 * expectation follows from the few lines a test writes, and the real seeds read by the ingest runner
 * (scripts/ingest.ts), where the expectations come from reading seeds/*.txt (line numbers quoted in the tests).
 */
import { ingest } from '../../../scripts/ingest.ts';
import { loadRegistries } from '../../../scripts/registries.ts';
import type { Department } from '../../schemas/departments.ts';
import type { Term } from '../../schemas/glossary.ts';
import type { Block, BlockPart, Citation, DepartmentRef, Mark, PlanDocument, RegionParent, RegionRef, Responsibility, SectionThemes } from '../../schemas/plan.ts';
import type { Theme } from '../../schemas/themes.ts';

// ── Hand-built documents ──────────────────────────────────────────────────────────────────────────────────────

const prov = { from: 'text' as const, line: 1, raw: null, note: null, noteEn: null };

interface PlanParts {
  region?: RegionRef | null;
  blocks?: Block[];
  responsibilities?: Responsibility[];
  citations?: Citation[];
  sectionThemes?: SectionThemes[];
}

/** A plan with only what crosslinks reads filled in; everything else empty. */
export function plan(slug: string, title: string, parts: PlanParts = {}): PlanDocument {
  return {
    schemaVersion: 1,
    slug,
    source: { file: `${slug}.txt`, sha256: '0'.repeat(64), bytes: 0, encoding: 'utf-8', lineCount: 1, lineWrap: null, runIn: null, joined: null },
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
    outline: [],
    removed: [],
    repairs: [],
    citations: parts.citations ?? [],
    responsibilities: parts.responsibilities ?? [],
    targets: [],
    incentives: [],
    sectionThemes: parts.sectionThemes ?? [],
    instruments: [],
    matchText: null,
    stats: { headings: [0, 0, 0, 0, 0, 0], paragraphs: 0, tables: 0, repairs: 0, removed: 0, citations: 0, targets: 0, unmappedTargets: 0, responsibilities: 0 },
  };
}

export const heading = (id: string, level: number, number: string, title: string): Block => ({ kind: 'heading', id, lines: [1], part: 'body', level, ordinal: 1, number, title, text: `${number}${title}`, marks: [] });
export const para = (id: string, text: string, marks: Mark[] = [], part: BlockPart = 'body'): Block => ({ kind: 'paragraph', id, lines: [1], part, role: 'body', text, marks });
/** The notice's title is in the front, the plan's title begins the body (as the structure stage reads them). */
export const titleBlock = (role: 'notice' | 'plan', id: string, text: string): Block => ({ kind: 'title', id, lines: [1], part: role === 'notice' ? 'front' : 'body', role, text, marks: [] });
export const cell = (text: string, marks: Mark[] = []) => ({ text, marks, note: null, noteEn: null });
export const dep = (departmentId: string, name: string, raw = name): DepartmentRef => ({ raw, name, departmentId });
export const resp = (id: string, blockId: string, raw: string, roles: Partial<Pick<Responsibility, 'lead' | 'support' | 'shared'>>): Responsibility => ({
  id,
  blockId,
  sectionId: null,
  raw,
  line: 1,
  lead: roles.lead ?? [],
  support: roles.support ?? [],
  shared: roles.shared ?? [],
});
export const department = (id: string, region: string, name: string, fullName: string | null = null): Department => ({ id, region, name, fullName, nameEn: `${name} (en)`, nameEnSource: 'editors', kind: 'government', generic: 'x', aliases: [] });
export const term = (id: string, t: string): Term => ({ id, term: t, aliases: [], nameEn: t, nameEnSource: 'editors', definition: { text: `${t}的定义。`, textEn: 'A definition.', editors: true }, byRegion: [], see: [], notIn: [] });
export const theme = (id: string, name: string): Theme => ({ id, name, nameEn: id, keywords: [name] });

/**
 * A plan with a covering notice, text before the first heading, three levels of headings, a 1. straight under a
 * 三、 (the text skipped the （一） level) and a table.
 */
export const sectionedPlan = plan('p', '某区科技创新方案', {
  blocks: [
    titleBlock('notice', 'notice-title', '关于印发某区科技创新方案的通知'),
    para('pn-1', '各单位：', [], 'front'),
    titleBlock('plan', 'title', '某区科技创新方案'),
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
    heading('s3', 1, '三、', '保障措施'),
    heading('s3-0-1', 3, '1.', '加强领导'),
    heading('s3-1', 2, '（一）', '完善机制'),
    { kind: 'table', id: 't1', lines: [1], part: 'body', caption: null, captionLine: null, head: [[cell('指标')]], rows: [[cell('数量')]], rowHeader: null, notes: [], notesEn: [] },
  ],
});

/** A region with its ancestors (top-down), as a plan carries it. */
export function region(id: string, code: string | null, name: string, level: RegionRef['level'], parents: RegionParent[] = []): RegionRef {
  return { id, code, name, shortName: name.slice(0, 2), fullName: [...parents.map((p) => p.name), name].join(''), level, parents };
}
export const P: RegionParent = { id: 'prov', code: '990000', name: '某省', level: 'province' };
export const C: RegionParent = { id: 'prov-city', code: '990100', name: '某市', level: 'city' };

// ── Real seeds ────────────────────────────────────────────────────────────────────────────────────────────────

/** The registries and the plans as the ingest runner makes them (validated, slugs made unique), in seed order. */
export function realSeeds() {
  const reg = loadRegistries('seeds', 'content');
  const run = ingest({ seedsDir: 'seeds', outDir: 'unused', contentDir: 'content', check: true, strict: true, log: () => {} });
  const plans = run.plans;
  const bySlug = (slug: string): PlanDocument => {
    const doc = plans.find((p) => p.slug === slug);
    if (!doc) throw new Error(`no plan ${slug} among ${plans.map((p) => p.slug).join(', ')}`);
    return doc;
  };
  return { reg, run, plans, bySlug };
}
