/**
 * Schema of `content/glossary.yaml`: terms of Chinese S&T policy the plans use without explaining them
 * (雏鹰企业, 高新技术企业, 众创空间, 研发投入强度 …). `scripts/pipeline/terms.ts` marks the first mention of each
 * term in each section; pages link the mark to the glossary entry.
 */
import { z } from 'astro/zod';
import { ClaimTextSchema, RegionalClaimTextSchema, nameEnFields, nameEnIssues } from './sourced.ts';
import { checkNotIn } from './unique.ts';

const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'use kebab-case: a-z, 0-9 and single hyphens');

/** One glossary term. */
export const TermSchema = z.strictObject({
  /** Stable id and URL fragment (`/glossary/#gaoxin-jishu-qiye`), kebab-case pinyin or English. */
  id: kebab,
  /** The term as a heading shows it (`高新技术企业`). */
  term: z.string().min(1),
  /**
   * Other forms the texts use, matched exactly (full-/half-width brackets and colons are folded): short forms
   * (`高企`), quoted forms (`“雏鹰”企业`), qualified forms (`科技领军(培育)企业`). A form belongs to one term only.
   */
  aliases: z.array(z.string().min(1)).default([]),
  /** English rendering (`High and New Technology Enterprise (HNTE)`). */
  nameEn: z.string().min(1),
  /**
   * Whose English `nameEn` is: `editors` when no official or published use was found and the name is the
   * editors' own translation (pages mark it 编者译名); otherwise, in Chinese, where the name is published
   * (`《中国日报》英文版的写法`), with `nameEnChecked`.
   */
  ...nameEnFields,
  /**
   * The definition that holds wherever the term is used: sourced (`source`, `checked`, `against`; wording quoted
   * from the document in “”) or the editors' own wording (`editors: true`, shown as 编者释义). Absent when the term
   * is defined only region by region (`byRegion`).
   */
  definition: ClaimTextSchema.optional(),
  /**
   * Definitions that hold in one region only (雏鹰企业 is defined by Tianjin's 津科规〔2021〕3号, and 辛集 in Hebei uses
   * the word for Hebei's programme): `region` is a region id (`tianjin`, from GB/T 2260 via `content/regions.yaml`)
   * and covers the plans of that region and of every region under it. A plan elsewhere gets `definition`, or is
   * told that no definition for its region is recorded.
   */
  byRegion: z.array(RegionalClaimTextSchema).default([]),
  /** Related term ids (`瞪羚企业` → `雏鹰企业`, `科技领军企业`), shown as “see also”. */
  see: z.array(kebab).default([]),
  /**
   * Longer words that contain a form of this term but mean something else: a match inside one of them is not a
   * mention (`提高企业` contains `高企`; `雏鹰贷` is a loan product, not a 雏鹰 enterprise).
   */
  notIn: z.array(z.string().min(1)).default([]),
});
export type Term = z.infer<typeof TermSchema>;
export type RegionalDefinition = Term['byRegion'][number];

/** `content/glossary.yaml`: ids unique, `see` ids exist, no form shared by two terms, every `notIn` holds a form. */
export const GlossarySchema = z.array(TermSchema).superRefine((terms, ctx) => {
  const ids = new Map<string, number>();
  terms.forEach((t, i) => {
    if (ids.has(t.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id (also entry ${ids.get(t.id)})` });
    ids.set(t.id, i);
  });
  const forms = new Map<string, string>();
  terms.forEach((t, i) => {
    for (const issue of nameEnIssues(t)) ctx.addIssue({ code: 'custom', path: [i, ...issue.path], message: issue.message });
    if (!t.definition && t.byRegion.length === 0) ctx.addIssue({ code: 'custom', path: [i, 'term'], message: 'a term needs a definition, or definitions byRegion' });
    const regions = new Set<string>();
    t.byRegion.forEach((d, j) => {
      if (regions.has(d.region)) ctx.addIssue({ code: 'custom', path: [i, 'byRegion', j, 'region'], message: `${d.region} has a definition already` });
      regions.add(d.region);
    });
    t.see.forEach((id, j) => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: [i, 'see', j], message: `no term has id ${id}` });
      else if (id === t.id) ctx.addIssue({ code: 'custom', path: [i, 'see', j], message: 'a term cannot refer to itself' });
    });
    [t.term, ...t.aliases].forEach((form, j) => {
      const other = forms.get(form);
      if (other !== undefined && other !== t.id) {
        ctx.addIssue({ code: 'custom', path: j === 0 ? [i, 'term'] : [i, 'aliases', j - 1], message: `${form} is already a form of ${other}` });
      }
      forms.set(form, t.id);
    });
  });
  checkNotIn(terms, ctx, { forms: (t) => [t.term, ...t.aliases], notIn: (t) => t.notIn, name: (t) => t.term });
});
