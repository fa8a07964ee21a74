/**
 * Schema of `content/instruments.yaml`: the policy instruments (政策工具) the plans name — vouchers, tax deductions,
 * incubators, risk compensation, talent programmes … `scripts/pipeline/instruments.ts` finds the sentences that name
 * one; pages show an instruments × plans matrix and, per instrument, its definition and passages.
 *
 * Provenance follows issue 13: a definition is either quoted or summarised from a document (`source`, `checked`,
 * `against`) or the editors' own wording (`editors: true`, shown as 编者释义); an English name says whose it is.
 */
import { z } from 'astro/zod';
import { chineseText } from './chinese-text.ts';
import { ClaimTextSchema, checkNameEn, nameEnFields } from './sourced.ts';
import { RegExpSource } from './registry.ts';
import { checkNotIn, checkUnique } from './unique.ts';

const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'use kebab-case: a-z, 0-9 and single hyphens');

/**
 * Groups of instruments, a plain grouping by what the instrument works through (not the supply/demand/environment
 * classification of the literature, whose assignment of each instrument would be the editors' own judgement).
 */
export const INSTRUMENT_CATEGORIES = {
  fiscal: '财政与税收',
  finance: '科技金融',
  carrier: '载体与共享',
  talent: '人才',
  market: '项目组织与技术市场',
} as const;
export type InstrumentCategory = keyof typeof INSTRUMENT_CATEGORIES;

/** One policy instrument. */
export const InstrumentSchema = z
  .strictObject({
    /** Stable id and URL segment (`/instruments/chuangxin-quan/`), kebab-case pinyin. */
    id: kebab,
    /** Chinese name as the pages head it (`创新券`). */
    name: chineseText(),
    /**
     * The words that name the instrument in a text, matched exactly in the simplified, half-width form of the text
     * (so `創新券` and `（` are found too), leftmost-longest across all instruments. The name itself is matched only
     * when listed here. A form belongs to one instrument only.
     */
    forms: z.array(z.string().min(1)).min(1),
    /**
     * For names with a variable middle (`杰出人才培养计划`, `天津市人才发展特殊支持计划`): regular expressions tested
     * on the same simplified form of each sentence. Keep them narrow: every match is a mention.
     */
    patterns: z.array(RegExpSource).default([]),
    /** Longer words containing a form that do not name the instrument (`人力资源开发孵化基地`). */
    notIn: z.array(z.string().min(1)).default([]),
    category: z.enum(Object.keys(INSTRUMENT_CATEGORIES) as [InstrumentCategory, ...InstrumentCategory[]]),
    /** What the instrument is, for a reader of the plans; one or two sentences, sourced or the editors' own (src/schemas/sourced.ts). */
    definition: ClaimTextSchema,
    /** English name; Chinese pages show it marked `lang="en"`. */
    nameEn: z.string().min(1),
    /** `editors` (the editors' translation, shown as 编者译名) or, in Chinese, where the English name is published, with `nameEnChecked`. */
    ...nameEnFields,
    /** Glossary term ids (`content/glossary.yaml`) that explain words of this instrument. */
    glossary: z.array(kebab).default([]),
  })
  .superRefine(checkNameEn);
export type Instrument = z.infer<typeof InstrumentSchema>;

/** `content/instruments.yaml`: ids unique, no form shared by two instruments, every `notIn` holds a form. */
export const InstrumentsSchema = z.array(InstrumentSchema).superRefine((list, ctx) => {
  checkUnique(list, ctx, { words: (r) => r.forms, path: (j) => ['forms', j], message: (form, other) => `${form} is already a form of ${other}`, owner: (r) => r.id });
  checkNotIn(list, ctx, { forms: (r) => r.forms, notIn: (r) => r.notIn, name: (r) => r.name });
});
