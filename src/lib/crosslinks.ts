/**
 * Cross-links between plans: departments and their tasks, cited documents and where they are cited, glossary
 * terms and the plans that use them, regions, and related sections on the same theme. Pure functions over the
 * document models and registries; pages only render what these return (tested in crosslinks.test.ts).
 */
import { planTitle } from './plan-view.ts';
import { createHash } from 'node:crypto';
import type { Block, OutlineNode, PlanDocument, RegionLevel, RegionParent, Responsibility } from '../schemas/plan.ts';
import type { Department } from '../schemas/departments.ts';
import type { CitedDocument } from '../schemas/documents.ts';
import type { Term } from '../schemas/glossary.ts';
import type { Theme } from '../schemas/themes.ts';

/** A place in a plan: plan, block, and the title of the section it is in. */
export interface PlanPlace {
  slug: string;
  planTitle: string;
  /** Anchor of the block (`p2-1-1`). */
  blockId: string;
  /** `二、重点任务 › (一)增强科技创新策源能力 › 1.提高科技创新能力`, or the plan title outside sections. */
  sectionTitle: string;
  /** A short piece of the text around the place. */
  excerpt: string;
}

/** Heading titles above every block, computed once per plan. */
export function sectionTitles(doc: PlanDocument): Map<string, string> {
  const titles = new Map<string, string>();
  const stack: { level: number; label: string }[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') {
      while (stack.length > 0 && stack.at(-1)!.level >= b.level) stack.pop();
      stack.push({ level: b.level, label: `${b.number}${b.title}` });
    }
    titles.set(b.id, stack.length > 0 ? stack.map((s) => s.label).join(' › ') : b.id === 'notice-title' || b.id.startsWith('pn-') ? '印发通知' : planTitle(doc));
  }
  return titles;
}

const blockText = (b: Block): string => (b.kind === 'table' ? [b.caption?.text ?? '', ...b.rows.flat().map((c) => c.text)].join(' ') : b.text);

/** Up to `width` characters of `text` around [start, end). */
export function excerpt(text: string, start = 0, end = start, width = 60): string {
  const room = Math.max(0, width - (end - start));
  const from = Math.max(0, start - Math.floor(room / 2));
  const to = Math.min(text.length, end + Math.ceil(room / 2));
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

function place(doc: PlanDocument, titles: Map<string, string>, blockId: string, start?: number, end?: number): PlanPlace {
  const block = doc.blocks.find((b) => b.id === blockId);
  const text = block ? blockText(block) : '';
  return { slug: doc.slug, planTitle: planTitle(doc), blockId, sectionTitle: titles.get(blockId) ?? '', excerpt: excerpt(text, start ?? 0, end ?? start ?? 0) };
}

// ── Departments ────────────────────────────────────────────────────────────────────────────────────────────

export type Role = 'lead' | 'support' | 'shared';
export const ROLE_LABELS: Record<Role, string> = { lead: '牵头', support: '配合（按职责分工负责）', shared: '责任单位（共同负责）' };

/** A task of a department: the responsibility clause's paragraph, and the role the department has in it. */
export interface DepartmentTask extends PlanPlace {
  role: Role;
  /** The clause as written. */
  clause: string;
  /** The department's name as written in the clause (may carry a typo). */
  nameAsWritten: string;
}

/** A department page: the registry entry (or, for an unregistered name, what is known) and its tasks. */
export interface DepartmentView {
  id: string;
  name: string;
  fullName: string | null;
  nameEn: string | null;
  region: string | null;
  registered: boolean;
  tasks: DepartmentTask[];
}

function rolesOf(r: Responsibility): [Role, Responsibility['lead'][number]][] {
  return [...r.lead.map((d) => ['lead', d] as [Role, typeof d]), ...r.support.map((d) => ['support', d] as [Role, typeof d]), ...r.shared.map((d) => ['shared', d] as [Role, typeof d])];
}

/** Every department named in any plan, with its tasks across all plans, registry order first. */
export function departmentViews(plans: PlanDocument[], departments: Department[]): DepartmentView[] {
  const views = new Map<string, DepartmentView>();
  for (const d of departments) views.set(d.id, { id: d.id, name: d.name, fullName: d.fullName ?? null, nameEn: d.nameEn ?? null, region: d.region ?? null, registered: true, tasks: [] });
  for (const doc of plans) {
    const titles = sectionTitles(doc);
    for (const r of doc.responsibilities) {
      const block = doc.blocks.find((b) => b.id === r.blockId);
      const text = block ? blockText(block) : '';
      const at = text.indexOf(r.raw);
      for (const [role, ref] of rolesOf(r)) {
        let view = views.get(ref.departmentId);
        if (!view) {
          view = { id: ref.departmentId, name: ref.name, fullName: null, nameEn: null, region: doc.meta.region?.value.id ?? null, registered: false, tasks: [] };
          views.set(ref.departmentId, view);
        }
        // The excerpt shows the start of the task, the part that says what is to be done.
        view.tasks.push({ ...place(doc, titles, r.blockId, 0, Math.min(60, at === -1 ? 60 : at)), role, clause: r.raw, nameAsWritten: ref.raw });
      }
    }
  }
  return [...views.values()].filter((v) => v.tasks.length > 0 || v.registered);
}

/** Departments × plans: how many tasks each department leads, supports or shares in each plan. */
export interface DepartmentMatrix {
  plans: { slug: string; title: string }[];
  rows: { department: DepartmentView; cells: Record<Role, number>[] }[];
}

export function departmentMatrix(plans: PlanDocument[], views: DepartmentView[]): DepartmentMatrix {
  const withTasks = plans.filter((p) => p.responsibilities.length > 0);
  return {
    plans: withTasks.map((p) => ({ slug: p.slug, title: planTitle(p) })),
    rows: views
      .filter((v) => v.tasks.length > 0)
      .map((department) => ({
        department,
        cells: withTasks.map((p) => {
          const cell: Record<Role, number> = { lead: 0, support: 0, shared: 0 };
          for (const t of department.tasks) if (t.slug === p.slug) cell[t.role]++;
          return cell;
        }),
      })),
  };
}

// ── Cited documents ────────────────────────────────────────────────────────────────────────────────────────

/** A cited document and every place that cites it. */
export interface CitedDocumentView {
  /** URL segment: the registry id, or `k-<hash>` of the normalised title for an unregistered document. */
  slug: string;
  key: string;
  title: string;
  entry: CitedDocument | null;
  /** Citing places, grouped by plan (plans in collection order). */
  byPlan: { slug: string; planTitle: string; places: PlanPlace[] }[];
}

export function documentSlug(key: string, registry: CitedDocument[]): string {
  return registry.some((d) => d.id === key) ? key : `k-${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
}

export function citedDocumentViews(plans: PlanDocument[], registry: CitedDocument[]): CitedDocumentView[] {
  const views = new Map<string, CitedDocumentView>();
  for (const doc of plans) {
    const titles = sectionTitles(doc);
    for (const c of doc.citations) {
      const entry = registry.find((d) => d.id === c.documentKey) ?? null;
      let view = views.get(c.documentKey);
      if (!view) {
        view = { slug: documentSlug(c.documentKey, registry), key: c.documentKey, title: entry?.title ?? c.title, entry, byPlan: [] };
        views.set(c.documentKey, view);
      }
      let group = view.byPlan.find((g) => g.slug === doc.slug);
      if (!group) {
        group = { slug: doc.slug, planTitle: planTitle(doc), places: [] };
        view.byPlan.push(group);
      }
      const block = doc.blocks.find((b) => b.id === c.blockId);
      const text = block ? blockText(block) : '';
      const at = text.indexOf(`《${c.title}》`);
      group.places.push(place(doc, titles, c.blockId, Math.max(0, at), Math.max(0, at) + c.title.length + 2));
    }
  }
  // Most-cited first, then by title.
  return [...views.values()].sort((a, b) => b.byPlan.length - a.byPlan.length || a.title.localeCompare(b.title, 'zh'));
}

// ── Glossary ───────────────────────────────────────────────────────────────────────────────────────────────

/** A glossary term and its first mention in each plan that uses it. */
export interface TermView {
  term: Term;
  uses: PlanPlace[];
}

export function termViews(plans: PlanDocument[], glossary: Term[]): TermView[] {
  const uses = new Map<string, PlanPlace[]>(glossary.map((t) => [t.id, []]));
  for (const doc of plans) {
    const titles = sectionTitles(doc);
    const seen = new Set<string>();
    for (const b of doc.blocks) {
      const riches = b.kind === 'table' ? [...b.head.flat(), ...b.rows.flat()] : [b];
      for (const rich of riches) {
        for (const m of rich.marks) {
          if (m.kind !== 'term' || seen.has(m.termId)) continue;
          seen.add(m.termId);
          uses.get(m.termId)?.push({ ...place(doc, titles, b.id), excerpt: excerpt(rich.text, m.start, m.end) });
        }
      }
    }
  }
  return glossary.map((term) => ({ term, uses: uses.get(term.id) ?? [] }));
}

// ── Regions ────────────────────────────────────────────────────────────────────────────────────────────────

/** A region as the region pages show it: from a plan's `meta.region` (the region itself or one of its ancestors). */
export interface RegionPlace {
  id: string;
  code: string | null;
  name: string;
  /** With its ancestors (`天津市北辰区`). */
  fullName: string;
  level: RegionLevel;
  /** Ancestors, top-down. */
  parents: RegionParent[];
}

/** A region with the plans of it and of the regions under it. */
export interface RegionNode {
  region: RegionPlace;
  /** Plans whose region is exactly this one. */
  plans: PlanDocument[];
  children: RegionNode[];
}

/** Every region the plans name, with the ancestors of each, by id (no registry: plans carry their regions). */
export function regionPlaces(plans: PlanDocument[]): Map<string, RegionPlace> {
  const places = new Map<string, RegionPlace>();
  for (const p of plans) {
    const ref = p.meta.region?.value;
    if (!ref) continue;
    const chain = [...ref.parents, { id: ref.id, code: ref.code, name: ref.name, level: ref.level }];
    chain.forEach((r, i) => {
      if (!places.has(r.id)) places.set(r.id, { ...r, fullName: chain.slice(0, i + 1).map((x) => x.name).join(''), parents: chain.slice(0, i) });
    });
  }
  return places;
}

/** The regions that have plans, with their ancestors, as a tree from the top (province › city › district/county). */
export function regionTree(plans: PlanDocument[]): RegionNode[] {
  const places = [...regionPlaces(plans).values()];
  const build = (parent: string | null): RegionNode[] =>
    places
      .filter((r) => (r.parents.at(-1)?.id ?? null) === parent)
      .sort((a, b) => (a.code ?? '999999').localeCompare(b.code ?? '999999') || a.id.localeCompare(b.id))
      .map((region) => ({ region, plans: plans.filter((p) => p.meta.region?.value.id === region.id), children: build(region.id) }));
  return build(null);
}

/** Every plan of a region node and its descendants. */
export function plansUnder(node: RegionNode): PlanDocument[] {
  return [...node.plans, ...node.children.flatMap(plansUnder)];
}

/** All nodes of a tree, depth first. */
export function flattenRegions(nodes: RegionNode[]): RegionNode[] {
  return nodes.flatMap((n) => [n, ...flattenRegions(n.children)]);
}

// ── Related sections ───────────────────────────────────────────────────────────────────────────────────────

/** A section of another plan on the same theme. */
export interface RelatedSection {
  slug: string;
  planTitle: string;
  sectionId: string;
  title: string;
  themeId: string;
  themeName: string;
}

function outlineTitles(nodes: OutlineNode[], out = new Map<string, string>()): Map<string, string> {
  for (const n of nodes) {
    out.set(n.id, `${n.number}${n.title}`);
    outlineTitles(n.children, out);
  }
  return out;
}

type Candidate = { doc: PlanDocument; sectionId: string; themeIds: string[]; title: string };

// Every plan page asks for the related sections of the same (cached) plan list: computing them once per list keeps
// the build linear in the number of plans instead of pages × sections² (bench/results.md, "Scaling").
const relatedCache = new WeakMap<readonly PlanDocument[], { key: string; result: Map<string, RelatedSection[]> }>();

/**
 * For each themed section of each plan (key `<slug>#<sectionId>`), sections of other plans that share its first
 * theme, best first (sections whose first theme is the same before those that only list it), at most `limit`.
 * The result is computed once per `plans` array (and themes and limit) and shared: do not change either after.
 */
export function relatedSections(plans: readonly PlanDocument[], themes: Theme[], limit = 4): Map<string, RelatedSection[]> {
  const key = `${limit}\u0000${themes.map((t) => `${t.id}\u0001${t.name}`).join('\u0000')}`;
  const cached = relatedCache.get(plans);
  if (cached?.key === key) return cached.result;
  const candidates: Candidate[] = plans.flatMap((doc) => {
    const titles = outlineTitles(doc.outline);
    return doc.sectionThemes.map((s) => ({ doc, sectionId: s.sectionId, themeIds: s.themeIds, title: titles.get(s.sectionId) ?? s.sectionId }));
  });
  // Sections by theme, best first: those that list the theme earlier, then in plan order (a stable sort).
  const byTheme = new Map<string, Candidate[]>();
  for (const c of candidates) {
    for (const t of new Set(c.themeIds)) {
      const list = byTheme.get(t);
      if (list) list.push(c);
      else byTheme.set(t, [c]);
    }
  }
  for (const [t, list] of byTheme) list.sort((a, b) => a.themeIds.indexOf(t) - b.themeIds.indexOf(t));
  const themeNames = new Map<string, string>();
  for (const t of themes) if (!themeNames.has(t.id)) themeNames.set(t.id, t.name);
  const related = new Map<string, RelatedSection[]>();
  for (const c of candidates) {
    const theme = c.themeIds[0];
    if (!theme) continue;
    const themeName = themeNames.get(theme) ?? theme;
    // One section per other plan: the best one.
    const perPlan = new Map<string, Candidate>();
    for (const m of byTheme.get(theme) ?? []) {
      if (perPlan.size >= limit) break;
      if (m.doc.slug !== c.doc.slug && !perPlan.has(m.doc.slug)) perPlan.set(m.doc.slug, m);
    }
    related.set(
      `${c.doc.slug}#${c.sectionId}`,
      [...perPlan.values()].map((m) => ({ slug: m.doc.slug, planTitle: planTitle(m.doc), sectionId: m.sectionId, title: m.title, themeId: theme, themeName })),
    );
  }
  relatedCache.set(plans, { key, result: related });
  return related;
}

/** Sections of every plan on a theme. */
export function themeSections(plans: PlanDocument[], themeId: string): RelatedSection[] {
  return plans.flatMap((doc) => {
    const titles = outlineTitles(doc.outline);
    return doc.sectionThemes
      .filter((s) => s.themeIds.includes(themeId))
      .map((s) => ({ slug: doc.slug, planTitle: planTitle(doc), sectionId: s.sectionId, title: titles.get(s.sectionId) ?? s.sectionId, themeId, themeName: '' }));
  });
}
