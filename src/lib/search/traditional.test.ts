import { describe, expect, test } from 'vitest';
import { decodeTraditionalBits, holdsTraditional, simplifier, traditionalBits } from './traditional.ts';
import { traditionalForms } from '../../../scripts/pipeline/lexicon/fold.ts';

// A hand-written table: 創→创, 發→发, 強→强, and a compatibility ideograph (U+F900 豈 → 岂).
const table = { traditional: '創發強\uf900', simplified: '创发强岂' };

describe('the bits of the traditional characters (what the search page embeds)', () => {
  const bits = decodeTraditionalBits(traditionalBits(table.traditional));
  test('mark exactly the table’s characters', () => {
    expect(holdsTraditional('科技創新', bits)).toBe(true);
    expect(holdsTraditional('豈', bits)).toBe(false); // U+8C48, the unified form: not in this table
    expect(holdsTraditional('\uf900', bits)).toBe(true);
    expect(holdsTraditional('科技创新发展', bits)).toBe(false);
    expect(holdsTraditional('R&D 3.2% 𠀀', bits)).toBe(false);
  });
  test('refuse a character they cannot hold', () => {
    expect(() => traditionalBits('A')).toThrow(/U\+41 is outside/u);
  });
  test('of the real table: the characters of a query typed in Taiwan, none of the same query in simplified', () => {
    const real = decodeTraditionalBits(traditionalBits(traditionalForms().traditional));
    expect(holdsTraditional('研發投入強度', real)).toBe(true);
    expect(holdsTraditional('研发投入强度', real)).toBe(false);
  });
});

describe('simplifier(table)', () => {
  test('folds the table’s characters, keeps every other', () => {
    expect(simplifier(table)('科技創新發展，強\uf900 R&D 𠀀')).toBe('科技创新发展，强岂 R&D 𠀀');
  });
});
