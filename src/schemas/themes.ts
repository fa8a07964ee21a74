/**
 * Schema of `content/themes.yaml`: the curated themes a plan section can be about (talent, finance, enterprises …).
 * `scripts/pipeline/themes.ts` scores each level-1 and level-2 section by keyword hits and keeps the clear ones;
 * pages show them as section labels and use them to compare what plans say on one theme.
 */
import { z } from 'astro/zod';
import { checkUnique } from './unique.ts';

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
export const ThemesSchema = z.array(ThemeSchema).superRefine((themes, ctx) =>
  checkUnique(themes, ctx, { words: (t) => t.keywords, path: (j) => ['keywords', j], message: (w, other) => `${w} is already a keyword of ${other}`, owner: (t) => t.id }),
);
