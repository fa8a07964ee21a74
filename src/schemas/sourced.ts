/**
 * Provenance of the facts the curated registries state beyond the plan texts (issue 13). A definition quoted or
 * summarised from a document, a document number, an issuer, a date, a full name or an English name is either
 * sourced (`source`, `checked`, `against`) or the editors' own wording (`editors: true`, shown as 编者释义 /
 * 编者译名), so that a reader can tell what a document says from what the site's editors say.
 */
import { z } from 'astro/zod';
import { chineseText, englishText } from './chinese-text.ts';

/**
 * A day, `YYYY-MM-DD`. YAML 1.1 readers (Astro's `file()` loader) turn an unquoted date into a `Date`, the
 * pipeline's YAML 1.2 reader keeps a string: both are accepted, and both become the same string.
 */
export const CheckedDateSchema = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'write the day the source was checked as YYYY-MM-DD'),
);

/**
 * What the claim was checked against: `official` the issuer's own publication (a government portal, the official
 * gazette, the plan text on this site); `reprint` a third party's copy of the official text; `secondary` an
 * account by others (an article, a news report). Pages say which, because a reprint is not the official text.
 */
export const CheckedAgainstSchema = z.enum(['official', 'reprint', 'secondary']);
export type CheckedAgainst = z.infer<typeof CheckedAgainstSchema>;

/** Chinese labels for `against`, as pages show them after the date. */
export const CHECKED_AGAINST_LABELS: Record<CheckedAgainst, string> = {
  official: '据官方发布的文本核对',
  reprint: '据转载的文本核对，未见官方发布的文本',
  secondary: '据他人的记述核对',
};

/** Where a stated fact comes from: a document number, or a title and a URL, with the day it was checked. */
export interface Provenance {
  source: string;
  checked: string;
  against: CheckedAgainst;
}

/** The fields a sourced claim carries, for entries that hold them beside other fields. */
export const provenanceFields = {
  /** Document number, or title and URL, of what states the fact (in Chinese, as readers see it). */
  source: z.string().min(1).optional(),
  /** The day the source was checked (`2026-12-01`). */
  checked: CheckedDateSchema.optional(),
  /** What it was checked against: `official`, `reprint` or `secondary`. */
  against: CheckedAgainstSchema.optional(),
};

const MISSING = 'a stated fact needs source, checked and against';

/** The issue when a record states facts but does not carry all of `source`, `checked`, `against`: one, naming what is missing. */
export function provenanceIssues(
  r: { source?: string | undefined; checked?: string | undefined; against?: CheckedAgainst | undefined },
  what: string,
): { path: string[]; message: string }[] {
  const missing = (['source', 'checked', 'against'] as const).filter((k) => r[k] === undefined);
  return missing.length === 0 ? [] : [{ path: [missing[0]!], message: `${MISSING}: ${missing.join(', ')} missing (${what})` }];
}

/** `source` in English, for the English edition: the same addresses and document numbers, the words around them English. */
export const sourceEnField = { sourceEn: z.string().min(1).optional() };

/** The issues of the `source` / `sourceEn` pair: each needs the other. */
export function sourceEnIssues(r: { source?: string | undefined; sourceEn?: string | undefined }): { path: string[]; message: string }[] {
  if (r.sourceEn !== undefined && r.source === undefined) return [{ path: ['sourceEn'], message: 'sourceEn translates source: write source first' }];
  if (r.source !== undefined && r.sourceEn === undefined) return [{ path: ['source'], message: 'write the source in English too (sourceEn), for the English edition' }];
  return [];
}

/** The fields of a text with its provenance. */
const claimShape = {
  /** The text, in Chinese; wording quoted from the source stands in “”. */
  text: chineseText('textEn'),
  /**
   * The same in English, for the English edition: the editors' translation of `text`, adding and dropping nothing
   * (a quotation stays in “”; a document number may stay in Chinese).
   */
  textEn: englishText('text'),
  ...provenanceFields,
  ...sourceEnField,
  /** The editors' own wording, not a document's: shown as 编者释义. */
  editors: z.literal(true).optional(),
};

/** What the editors' own wording must not state: a digit (a number, a year), a document number, a document's title. */
const STATED_FACT = /[0-9０-９〔〕《》]/u;

const NOT_AN_OBJECT = 'write it as { text, textEn, source, sourceEn, checked, against } (a document states it) or { text, textEn, editors: true } (the editors’ own wording)';

/** Either sourced or the editors' own wording: never both, never neither. */
function checkClaim(
  d: { text: string; textEn: string; editors?: true | undefined; source?: string | undefined; sourceEn?: string | undefined; checked?: string | undefined; against?: CheckedAgainst | undefined },
  ctx: z.RefinementCtx,
): void {
  for (const issue of sourceEnIssues(d)) ctx.addIssue({ code: 'custom', ...issue });
  if (d.editors) {
    for (const k of ['text', 'textEn'] as const) {
      if (STATED_FACT.test(d[k])) ctx.addIssue({ code: 'custom', path: [k], message: 'the editors’ own wording states no numbers, dates, document numbers or 《titles》: give the source, or reword it' });
    }
    for (const k of ['source', 'checked', 'against'] as const) {
      if (d[k] !== undefined) ctx.addIssue({ code: 'custom', path: [k], message: `the editors' own wording has no ${k}: drop editors: true if a document states it` });
    }
    return;
  }
  for (const issue of provenanceIssues(d, 'or mark the text editors: true if it is the editors’ own wording, with no stated facts')) ctx.addIssue({ code: 'custom', ...issue });
}

/**
 * A text shown to readers that either states facts from a document (`source`, `checked`, `against`) or is the
 * editors' own short wording (`editors: true`: no numbers, dates or quotations presented as a document's; pages
 * mark it 编者释义). Never both, never neither.
 */
export const ClaimTextSchema = z
  .strictObject(claimShape, { error: (iss) => (iss.code === 'invalid_type' ? NOT_AN_OBJECT : undefined) })
  .superRefine(checkClaim);

/** A claim that holds in one region: `region` is a region id (`tianjin`), covering the regions under it. */
export const RegionalClaimTextSchema = z
  .strictObject(
    { region: z.string().regex(/^[a-z][a-z0-9-]*$/u, 'a region id such as tianjin'), ...claimShape },
    { error: (iss) => (iss.code === 'invalid_type' ? `${NOT_AN_OBJECT}, with region` : undefined) },
  )
  .superRefine(checkClaim);
export type ClaimText = z.infer<typeof ClaimTextSchema>;

/**
 * Whose an English name is: `editors` (the editors' translation: no official or published use was found; pages
 * mark it 编者译名) or, in Chinese, where it is official or published. A published one needs `nameEnChecked`.
 */
export const nameEnFields = {
  nameEnSource: z.union([z.literal('editors'), chineseText()], {
    error: 'say whose the English name is: nameEnSource: editors (the editors’ own translation) or, in Chinese, where it is published',
  }),
  /** The day the published use of the English name was checked; only for a published name. */
  nameEnChecked: CheckedDateSchema.optional(),
};

/** Issues of the English-name pair: a published name needs its date, the editors' translation has none. */
export function nameEnIssues(r: { nameEnSource: string; nameEnChecked?: string | undefined }): { path: string[]; message: string }[] {
  if (r.nameEnSource === 'editors') {
    return r.nameEnChecked === undefined ? [] : [{ path: ['nameEnChecked'], message: 'the editors’ translation has no checked date (it is not a published name)' }];
  }
  return r.nameEnChecked === undefined ? [{ path: ['nameEnChecked'], message: 'a published English name needs nameEnChecked, the day its use was checked' }] : [];
}

/** The refinement of an entry with an English name: adds the issues of its pair (`nameEnIssues`). */
export function checkNameEn(r: { nameEnSource: string; nameEnChecked?: string | undefined }, ctx: z.RefinementCtx): void {
  for (const issue of nameEnIssues(r)) ctx.addIssue({ code: 'custom', ...issue });
}
