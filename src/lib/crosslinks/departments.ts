/** Departments and their tasks across plans: the department pages and the departments × plans matrix. */
import type { Department } from '../../schemas/departments.ts';
import type { PlanDocument, Responsibility } from '../../schemas/plan.ts';
import { planTitle } from '../plan-view.ts';
import { planPlaces, type PlanPlace } from './places.ts';

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
    views.set(d.id, { id: d.id, name: d.name, fullName: d.fullName ?? null, nameEn: d.nameEn ?? null, fullNameSource, nameEnEditors: d.nameEnSource === 'editors', region: d.region ?? null, registered: true, tasks: [] });
  }
  for (const doc of plans) {
    const places = planPlaces(doc);
    for (const r of doc.responsibilities) {
      const at = places.text(r.blockId).indexOf(r.raw);
      for (const [role, ref] of rolesOf(r)) {
        let view = views.get(ref.departmentId);
        if (!view) {
          view = { id: ref.departmentId, name: ref.name, fullName: null, nameEn: null, fullNameSource: null, nameEnEditors: false, region: doc.meta.region?.value.id ?? null, registered: false, tasks: [] };
          views.set(ref.departmentId, view);
        }
        // The excerpt shows the start of the task, the part that says what is to be done.
        view.tasks.push({ ...places.at(r.blockId, 0, Math.min(60, at === -1 ? 60 : at)), role, clause: r.raw, nameAsWritten: ref.raw });
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
