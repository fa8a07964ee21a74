import { describe, expect, test } from 'vitest';
import { exclusionsOf, isExcluded } from './not-in.ts';

describe('the notIn rule', () => {
  // content/synonyms.yaml: 高企 is not a match inside 提高企业.
  const ex = exclusionsOf('高企', ['提高企业']);
  test('a form inside its notIn word is excluded, elsewhere it matches', () => {
    expect(isExcluded('要提高企业创新能力', 2, ex)).toBe(true);
    expect(isExcluded('培育高企十家', 2, ex)).toBe(false);
    // At the text's start the word cannot begin before it.
    expect(isExcluded('高企业', 0, ex)).toBe(false);
  });
  test('a form standing twice in a word is excluded at both places', () => {
    const twice = exclusionsOf('科技', ['科技兴科技']);
    expect(isExcluded('推动科技兴科技发展', 2, twice)).toBe(true);
    expect(isExcluded('推动科技兴科技发展', 5, twice)).toBe(true);
    expect(isExcluded('推动科技发展', 2, twice)).toBe(false);
  });
  test('a word without the form excludes nothing', () => {
    expect(exclusionsOf('高企', ['企业'])).toEqual([]);
  });
});
