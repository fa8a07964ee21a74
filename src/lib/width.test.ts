import { describe, expect, test } from 'vitest';
import { foldWidth as pipelineFold, simplify } from '../../scripts/pipeline/lexicon/fold.ts';
import { foldWidth as termsFold } from '../../scripts/pipeline/terms.ts';
import { normalize } from './search/normalize.ts';

/** Every BMP code point but the surrogates, as a string. */
const BMP = Array.from({ length: 0x10000 }, (_, cp) => cp)
  .filter((cp) => cp < 0xd800 || cp > 0xdfff)
  .map((cp) => String.fromCodePoint(cp));

describe('one width rule for the build and the browser', () => {
  test('full-width forms, U+3000 and NBSP, as written by hand', () => {
    expect(pipelineFold('（２）目标：Ｒ＆Ｄ\u3000３．２％\u00a0')).toBe('(2)目标:R&D 3.2% ');
  });

  test('the search page folds every character the build folds, to the same character', () => {
    expect(BMP.length).toBeGreaterThan(60_000);
    const disagree: string[] = [];
    for (const ch of BMP) {
      const browser = normalize(ch);
      // The search ignores some characters altogether (spaces, quotes, brackets, dashes); the rest must agree.
      if (browser !== '' && browser !== pipelineFold(ch).toLowerCase()) disagree.push(`U+${ch.codePointAt(0)!.toString(16)}: ${browser} ≠ ${pipelineFold(ch)}`);
      if (termsFold(ch) !== pipelineFold(ch)) disagree.push(`U+${ch.codePointAt(0)!.toString(16)}: terms ${termsFold(ch)} ≠ lexicon ${pipelineFold(ch)}`);
    }
    expect(disagree).toEqual([]);
  });

  test('a simplified text folds the same in the build (simplify) and the search page (normalize)', () => {
    const text = '全区高新技术企业总量突破５３０家，Ｒ＆Ｄ经费投入强度达到３．２％以上';
    expect(normalize(simplify(text))).toBe(normalize(text));
    expect(normalize(text)).toBe('全区高新技术企业总量突破530家,r&d经费投入强度达到3.2%以上');
  });
});
