/** Departments and their tasks across plans: the department pages and the departments × plans matrix. */
import type { Department } from '../../schemas/departments.ts';
import type { PlanDocument, Responsibility } from '../../schemas/plan.ts';
import { excerpt, planPlaces, type PlanPlace } from './places.ts';

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
  /** Where the full name comes from, with the day it was checked; `null` when it is the editors' reading (or there is none). */
  fullNameSource: string | null;
  /** The English name is the editors' translation (编者译名). */
  nameEnEditors: boolean;
  region: string | null;
  registered: boolean;
  /** The editors' note on the entry, in both languages (`null`: none, or not in the register). */
  note: { zh: string; en: string } | null;
  tasks: DepartmentTask[];
}

function rolesOf(r: Responsibility): [Role, Responsibility['lead'][number]][] {
  return [...r.lead.map((d) => ['lead', d] as [Role, typeof d]), ...r.support.map((d) => ['support', d] as [Role, typeof d]), ...r.shared.map((d) => ['shared', d] as [Role, typeof d])];
}

/** Every department named in any plan, with its tasks across all plans, registry order first. */
export function departmentViews(plans: PlanDocument[], departments: Department[]): DepartmentView[] {
  const views = new Map<string, DepartmentView>();
  for (const d of departments) {
    const fullNameSource = d.fullName !== null && d.source ? `${d.source}，${d.checked}核对` : null;
    views.set(d.id, { id: d.id, name: d.name, fullName: d.fullName ?? null, nameEn: d.nameEn ?? null, fullNameSource, nameEnEditors: d.nameEnSource === 'editors', region: d.region ?? null, registered: true, note: d.note && d.noteEn ? { zh: d.note, en: d.noteEn } : null, tasks: [] });
  }
  for (const doc of plans) {
    const places = planPlaces(doc);
    for (const r of doc.responsibilities) {
      const at = places.text(r.blockId).indexOf(r.raw);
      for (const [role, ref] of rolesOf(r)) {
        let view = views.get(ref.departmentId);
        if (!view) {
          view = { id: ref.departmentId, name: ref.name, fullName: null, nameEn: null, fullNameSource: null, nameEnEditors: false, region: doc.meta.region?.value.id ?? null, registered: false, note: null, tasks: [] };
          views.set(ref.departmentId, view);
        }
        // The excerpt shows the start of the task, the part that says what is to be done: in a task-division table,
        // the row's cells before its bodies, less a row number.
        const place = r.cell ? { ...places.at(r.blockId), excerpt: excerpt(places.row(r.blockId, r.cell.row).slice(0, r.cell.col).filter((c) => !/^\s*\d+\s*$/u.test(c)).join(' '), 0, 0) } : places.at(r.blockId, 0, Math.min(60, at === -1 ? 60 : at));
        view.tasks.push({ ...place, role, clause: r.raw, nameAsWritten: ref.raw });
      }
    }
  }
  return [...views.values()].filter((v) => v.tasks.length > 0 || v.registered);
}

/** Departments × plans: how many tasks each department leads, supports or shares in each plan. */
export interface DepartmentMatrix {
  /** The plans with tasks, in the order given: the columns. */
  plans: PlanDocument[];
  rows: { department: DepartmentView; cells: Record<Role, number>[] }[];
}

export function departmentMatrix(plans: PlanDocument[], views: DepartmentView[]): DepartmentMatrix {
  const withTasks = plans.filter((p) => p.responsibilities.length > 0);
  return {
    plans: withTasks,
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

/** A page of one region's departments that do not have a page of their own (`departmentPages`). */
export interface SharedDepartmentPage {
  region: string;
  /** 1-based page of the region's list. */
  n: number;
  /** Of all the region's pages. */
  of: number;
  departments: DepartmentView[];
}

/** Where each department is shown: on a page of its own, or in its region's list; and the link to it. */
export interface DepartmentPages {
  own: DepartmentView[];
  shared: SharedDepartmentPage[];
  /** Site-relative path of each department's place (`departments/<id>/`, `departments/region/<region>/2/#<id>`). */
  href: Map<string, string>;
}

/**
 * Which departments have a page of their own. A registered department has (its registry entry is worth a page), and so
 * has one whose tasks fill more than a page (`perPage`) or whose plans name no region. The others — names read from
 * the plans and not yet curated, mostly with a task or two — are listed together, region by region
 * (`departments/region/<region>/`), whole departments `perPage` tasks a page at most, each under an anchor of its
 * id. Why: at scale these are most departments (10,900 of 11,000 at 3,000 synthetic plans), and a page each was a
 * quarter of the build for pages of one task; a reader of a county's plans finds its departments side by side.
 */
export function departmentPages(views: readonly DepartmentView[], perPage: number): DepartmentPages {
  const own: DepartmentView[] = [];
  const byRegion = new Map<string, DepartmentView[]>();
  for (const v of views) {
    if (v.registered || v.region === null || v.tasks.length > perPage) own.push(v);
    else if (byRegion.has(v.region)) byRegion.get(v.region)!.push(v);
    else byRegion.set(v.region, [v]);
  }
  const href = new Map(own.map((v) => [v.id, `departments/${v.id}/`]));
  const shared: SharedDepartmentPage[] = [];
  for (const [region, list] of byRegion) {
    const pages: DepartmentView[][] = [[]];
    let tasks = 0;
    for (const v of list) {
      if (tasks + v.tasks.length > perPage && pages.at(-1)!.length > 0) {
        pages.push([]);
        tasks = 0;
      }
      pages.at(-1)!.push(v);
      tasks += v.tasks.length;
    }
    pages.forEach((departments, i) => {
      shared.push({ region, n: i + 1, of: pages.length, departments });
      for (const v of departments) href.set(v.id, `${sharedDepartmentsPath(region, i + 1)}#${v.id}`);
    });
  }
  return { own, shared, href };
}

/** The path of page `n` of a region's shared list of departments. */
export function sharedDepartmentsPath(region: string, n = 1): string {
  return `departments/region/${region}/${n === 1 ? '' : `${n}/`}`;
}
