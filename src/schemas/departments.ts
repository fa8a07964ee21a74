/**
 * Schema of `content/departments.yaml`: the government bodies named in responsibility clauses
 * (`(责任单位:区科技局、区工信局)`, `（区科技局牵头，区商务局按职责分工负责）`).
 *
 * **Why every department is scoped to one region.** `区科技局` in a 北辰区 plan and `区科技局` in a 红桥区 plan
 * are two different bodies (天津市北辰区科学技术局, 天津市红桥区科学技术局) with the same short name. A
 * department page lists the tasks of one body, so one entry = one body = one region, and its `id` carries the
 * region id as a prefix (`tianjin-beichen-qu-kejiju`). That makes the id globally unique by construction, a
 * single URL segment (`/departments/tianjin-beichen-qu-kejiju/`), and safe to group by without also grouping by
 * region (grouping by a bare `qu-kejiju` would silently merge the two bureaus). Equivalent bodies of different
 * regions share `generic` (`kejiju`), which is what a cross-region comparison groups by.
 *
 * Names are matched within the plan's region only, against `name` and `aliases`.
 */
import { z } from 'astro/zod';
import { chineseText, englishText } from './chinese-text.ts';
import { nameEnFields, nameEnIssues, provenanceFields, provenanceIssues } from './sourced.ts';

/** Kebab-case id segment: lower-case ASCII letters and digits separated by single hyphens. */
const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'use kebab-case: a-z, 0-9 and single hyphens');

/**
 * What sort of body an entry is, for grouping and labels:
 * `government` a department of the local government (局、委、办); `party` an organ of the local Party committee
 * (区委组织部, 区委网信办, 区人才办); `people-org` a people's organisation (科协); `branch` a district branch of a
 * municipal body (公安北辰分局, 规划资源红桥分局); `zone` a development-zone administration (开发区);
 * `localities` a collective of towns and sub-districts named as one (各镇街, 有关镇), not a single body.
 */
export const DepartmentKindSchema = z.enum(['government', 'party', 'people-org', 'branch', 'zone', 'localities']);
export type DepartmentKind = z.infer<typeof DepartmentKindSchema>;

/** One body (`content/departments.yaml`). */
export const DepartmentSchema = z
  .strictObject({
    /**
     * Globally unique id and URL segment: `<region id>-<kebab pinyin of the short name>`
     * (`tianjin-beichen-qu-kejiju` for 北辰区's 区科技局). Must start with `region` + `-`.
     */
    id: kebab,
    /** Region id in `content/regions.yaml` whose body this is (`tianjin-beichen`). */
    region: kebab,
    /** Short name as the plans write it, typos removed (`区科技局`); shown on pages. */
    name: z.string().min(1),
    /** Full official name (`天津市北辰区科学技术局`), or `null` when not established with confidence. */
    fullName: z.string().min(1).nullable().default(null),
    /**
     * Where `fullName` comes from (the body's own site, a government notice), the day it was checked and against
     * what; required with a full name.
     */
    ...provenanceFields,
    /**
     * The full name is the editors' reading of the short name by the usual naming of such bodies, not found in a
     * source: pages say so (编者推定). Either this or `source`, `checked`, `against` comes with a full name.
     */
    fullNameEditors: z.literal(true).optional(),
    /** English name without the region (`Science and Technology Bureau`); the page adds the region. */
    nameEn: z.string().min(1),
    /** Whose `nameEn` is: `editors` (the editors' translation, shown as 编者译名) or where it is published, with `nameEnChecked`. */
    ...nameEnFields,
    kind: DepartmentKindSchema,
    /**
     * Id shared by the equivalent bodies of different regions (`kejiju` for every district's 区科技局), so the
     * site can compare, e.g., what the S&T bureaus lead in each district. Not a URL of its own.
     */
    generic: kebab,
    /**
     * Other spellings found in texts, matched exactly: abbreviations (`区发展改革委` for `区发改委`) and the typo
     * forms of the seeds (`区区商务局`, `区政府区政府合作交流办`). The page shows the raw form beside the name.
     */
    aliases: z.array(z.string().min(1)).default([]),
    /** Editorial note: why two spellings are (or are not) the same body, what a collective name covers; in Chinese. */
    note: chineseText('noteEn').optional(),
    /** The note in English, for the English edition; required with `note`. */
    noteEn: englishText('note').optional(),
  })
  .refine((d) => d.id.startsWith(`${d.region}-`), { path: ['id'], message: 'id must start with the region id and a hyphen' })
  .superRefine((d, ctx) => {
    for (const issue of nameEnIssues(d)) ctx.addIssue({ code: 'custom', ...issue });
    if ((d.note === undefined) !== (d.noteEn === undefined)) ctx.addIssue({ code: 'custom', path: [d.note === undefined ? 'noteEn' : 'note'], message: 'write the note in Chinese (note) and in English (noteEn), or neither' });
    if (d.fullName === null) {
      if (d.fullNameEditors) ctx.addIssue({ code: 'custom', path: ['fullNameEditors'], message: 'there is no full name to mark' });
      if (d.source !== undefined) ctx.addIssue({ code: 'custom', path: ['source'], message: 'a source is for the full name, and there is none' });
    } else if (d.fullNameEditors) {
      if (d.source !== undefined) ctx.addIssue({ code: 'custom', path: ['fullNameEditors'], message: 'a sourced full name is not the editors’ reading: drop fullNameEditors' });
    } else {
      const why = 'a full name is a stated fact; mark it fullNameEditors: true (the editors’ reading) or set it to null';
      for (const issue of provenanceIssues(d, why)) ctx.addIssue({ code: 'custom', ...issue });
    }
  });
export type Department = z.infer<typeof DepartmentSchema>;

/** `content/departments.yaml`: a list; ids unique, and no spelling claimed by two bodies of the same region. */
export const DepartmentsSchema = z.array(DepartmentSchema).superRefine((list, ctx) => {
  const ids = new Map<string, number>();
  const forms = new Map<string, number>();
  list.forEach((d, i) => {
    const seen = ids.get(d.id);
    if (seen !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id (also entry ${seen})` });
    ids.set(d.id, i);
    [d.name, ...d.aliases].forEach((form, j) => {
      const key = `${d.region}\u0000${form}`;
      const other = forms.get(key);
      if (other !== undefined && other !== i) {
        ctx.addIssue({ code: 'custom', path: j === 0 ? [i, 'name'] : [i, 'aliases', j - 1], message: `${form} is already a spelling of entry ${other} in ${d.region}` });
      }
      forms.set(key, i);
    });
  });
});
