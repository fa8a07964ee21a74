/**
 * Schema of `content/themes.yaml`: the curated themes a plan section can be about (talent, finance, enterprises …).
 * `scripts/pipeline/themes.ts` scores each level-1 and level-2 section by keyword hits and keeps the clear ones;
 * pages show them as section labels and use them to compare what plans say on one theme.
 */
import { z } from 'astro/zod';

/** One theme. */
export const ThemeSchema = z.strictObject({
  /** Stable id and URL segment (`/themes/talent/`), kebab-case English. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'use kebab-case: a-z, 0-9 and single hyphens'),
  /** Chinese label (`人才`). */
  name: z.string().min(1),
  /** English label (`Talent`). */
  nameEn: z.string().min(1),
  /**
   * Chinese words whose presence says a passage is about the theme, matched exactly, leftmost-longest across
   * all themes (so `农业科技园区` counts for agriculture, not `科技园` for platforms). Prefer specific words:
   * a word that fits every section (`创新`, `发展`) adds noise, not signal. A keyword belongs to one theme only.
   */
  keywords: z.array(z.string().min(1)).min(1),
  /** One sentence saying what the theme covers, for the theme page. */
  description: z.string().min(1).optional(),
});
export type Theme = z.infer<typeof ThemeSchema>;

/** `content/themes.yaml`: ids unique, no keyword in two themes. */
export const ThemesSchema = z.array(ThemeSchema).superRefine((themes, ctx) => {
  const ids = new Map<string, number>();
  const words = new Map<string, string>();
  themes.forEach((t, i) => {
    if (ids.has(t.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id (also entry ${ids.get(t.id)})` });
    ids.set(t.id, i);
    t.keywords.forEach((w, j) => {
      const other = words.get(w);
      if (other !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'keywords', j], message: `${w} is already a keyword of ${other}` });
      words.set(w, t.id);
    });
  });
});
