/**
 * Texts readers of the Chinese site see (notes, caveats, labels) are written in Chinese; an English version, where a
 * registry keeps one, lives in a field ending in `En`. A text without a single Han character is English (or empty
 * of meaning) and is refused when the registry is read, so it can never reach a Chinese page.
 */
import { z } from 'astro/zod';

/** At least one Han character: what makes a text Chinese for this check. */
const HAN = /\p{Script=Han}/u;

/** Whether `text` holds a Han character. */
export const hasHan = (text: string): boolean => HAN.test(text);

/**
 * A non-empty text shown on Chinese pages. `englishField`, when the registry has one, is named in the error
 * message as the place for the English (`comparabilityEn`).
 */
export const chineseText = (englishField?: string) =>
  z
    .string()
    .min(1)
    .refine(hasHan, `write this in Chinese (it has no Chinese character)${englishField ? `; the English text belongs in ${englishField}` : ''}`);

/** Latin letters against Han characters: what makes a text English for this check (a document number or a term in Chinese may stand in it). */
const LATIN = /\p{Script=Latin}/gu;
const HAN_ALL = /\p{Script=Han}/gu;

/**
 * A non-empty text shown on English pages, beside a Chinese one (`chineseField`): more Latin letters than Han
 * characters, so that Chinese pasted into the English field is refused. The Chinese it keeps (a document number, a
 * term) is marked `lang="zh-CN"` where it is shown.
 */
export const englishText = (chineseField: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `missing: write here the English of ${chineseField}, for the English edition` : undefined) })
    .min(1)
    .refine(
      (text) => (text.match(LATIN)?.length ?? 0) > (text.match(HAN_ALL)?.length ?? 0),
      `write this in English (it is mostly Chinese); the Chinese text belongs in ${chineseField}`,
    );
