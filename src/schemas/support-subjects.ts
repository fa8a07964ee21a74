/**
 * Schema of `content/support-subjects.yaml`: what a measure's support standards reward (支持对象: a newly certified
 * high-tech enterprise, an enterprise's R&D spending, an incubator, a technology contract …), so that the amounts of
 * different cities for the same thing stand side by side (`/incentives/`). The grouping is the editors' (编者归类):
 * each standard is put under the subject its own words name, and the page quotes those words beside the amount.
 */
import { z } from 'astro/zod';
import { chineseText } from './chinese-text.ts';
import { checkNameEn, nameEnFields } from './sourced.ts';
import { checkNotIn, checkUnique } from './unique.ts';

/** The page of the standards no subject names (`/incentives/other/`): no subject may have this id. */
export const UNGROUPED_SUBJECT = 'other';

/** One subject of support standards. */
export const SupportSubjectSchema = z
  .strictObject({
    /** Stable id and URL segment (`/incentives/high-tech-enterprises/`), kebab-case English. */
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'use kebab-case: a-z, 0-9 and single hyphens')
      .refine((id) => id !== UNGROUPED_SUBJECT, `${UNGROUPED_SUBJECT} is the page of the standards no subject names (/incentives/${UNGROUPED_SUBJECT}/)`),
    /** Chinese name as the page heads it (`高新技术企业认定`). */
    name: chineseText(),
    /**
     * The words that put a standard under this subject, matched exactly in the simplified, half-width form of whom it
     * is for (`对…`), else of its clause, else of its sentence; leftmost-longest across all subjects. A form belongs
     * to one subject only.
     */
    forms: z.array(z.string().min(1)).min(1),
    /** Longer words containing a form that name something else (`高新技术企业协会`). */
    notIn: z.array(z.string().min(1)).default([]),
    /**
     * Whether what it rewards comes at administrative levels (国家级、省级、市级重点实验室; a talent programme, an award):
     * each standard's level is read (`Incentive.level`) and the subject's page stands them by level. Not where a level
     * word is part of a name (`国家高新技术企业`: the certification is national). Default: no.
     */
    levels: z.boolean().default(false),
    /** What the subject covers, one sentence in Chinese (the editors' wording). */
    scope: chineseText(),
    /** The same in English, for the English edition. */
    scopeEn: z.string().min(1),
    /** English name; Chinese pages show it marked `lang="en"`. */
    nameEn: z.string().min(1),
    ...nameEnFields,
  })
  .superRefine(checkNameEn);
export type SupportSubject = z.infer<typeof SupportSubjectSchema>;

/** `content/support-subjects.yaml`: ids unique, no form in two subjects, every `notIn` holds a form. */
export const SupportSubjectsSchema = z.array(SupportSubjectSchema).superRefine((list, ctx) => {
  checkUnique(list, ctx, { words: (r) => r.forms, path: (j) => ['forms', j], message: (form, other) => `${form} is already a form of ${other}`, owner: (r) => r.id });
  checkNotIn(list, ctx, { forms: (r) => r.forms, notIn: (r) => r.notIn, name: (r) => r.name });
});
