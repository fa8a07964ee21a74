/**
 * Schema of `content/synonyms.yaml`: the abbreviations and synonyms site search expands a query with
 * (高企 ↔ 高新技术企业, 双创 ↔ 创新创业, R&D ↔ 研发, 河工大 ↔ 河北工业大学 …). Validated whole with
 * `parseYamlWithFriendlyErrors`, then loaded as the `synonyms` content collection (`src/lib/search/load-synonyms.ts`)
 * and embedded in the search page as JSON.
 * Type-only imports of this module from browser code keep zod out of the bundle.
 */
import { z } from 'astro/zod';

const form = z.string().trim().min(1);

/** One group of interchangeable forms. */
export const SynonymGroupSchema = z.strictObject({
  /**
   * Forms that mean the same; a query containing any of them also searches for the others (the form is
   * replaced inside longer queries too: `R&D经费` also searches `研发经费`). The first form is the one shown.
   */
  forms: z.array(form).min(2),
  /**
   * Narrower terms found by a search for this group but not the other way round: 孵化载体 finds 孵化器 and
   * 众创空间, a search for 孵化器 does not find every 孵化载体.
   */
  narrower: z.array(form).default([]),
  /**
   * Longer words containing a form that mean something else: a match inside one of them is not a match
   * (`提高企业` contains `高企`; `东北大学` contains `北大`).
   */
  notIn: z.array(form).default([]),
  /** Why the forms are equivalent, and what they are not (for editors). */
  note: z.string().optional(),
});
export type SynonymGroup = z.infer<typeof SynonymGroupSchema>;

/** `content/synonyms.yaml`: no form twice in a group or in two groups; every `notIn` word holds one of its forms. */
export const SynonymsSchema = z.array(SynonymGroupSchema).superRefine((groups, ctx) => {
  const owner = new Map<string, number>();
  groups.forEach((g, i) => {
    g.forms.forEach((f, j) => {
      const other = owner.get(f);
      if (other === i) ctx.addIssue({ code: 'custom', path: [i, 'forms', j], message: `${f} is listed twice` });
      else if (other !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'forms', j], message: `${f} is already a form of group ${other} (${groups[other]!.forms[0]})` });
      owner.set(f, i);
    });
    g.narrower.forEach((n, j) => {
      if (g.forms.includes(n)) ctx.addIssue({ code: 'custom', path: [i, 'narrower', j], message: `${n} is a form of this group, not a narrower term` });
    });
    g.notIn.forEach((w, j) => {
      if (!g.forms.some((f) => w.includes(f) && w !== f)) {
        ctx.addIssue({ code: 'custom', path: [i, 'notIn', j], message: `${w} contains no form of this group, or is one` });
      }
    });
  });
});
export type Synonyms = z.infer<typeof SynonymsSchema>;

/** A group as an entry of the `synonyms` content collection: keyed by its first form, with its place in the file. */
export const SynonymEntrySchema = SynonymGroupSchema.extend({ id: z.string(), position: z.number().int().nonnegative() });
export type SynonymEntry = z.infer<typeof SynonymEntrySchema>;
