/**
 * Text reuse on small hand-made plans: every expectation below is counted by hand from the strings the test
 * writes (characters counted are letters and digits; punctuation and spaces never count).
 */
import { describe, expect, it } from 'vitest';
import { findTextReuse, matchText, type ReuseInput } from './text-reuse.ts';
import { simplify } from '../../../scripts/pipeline/lexicon/fold.ts';

const plan = (slug: string, ...texts: string[]): ReuseInput => ({
  slug,
  units: texts.map((text, i) => ({ blockId: `p${i + 1}`, cell: null, offset: 0, text })),
});

const BOILERPLATE = '以习近平新时代中国特色社会主义思想为指导'; // 20 characters
const SPECIFIC = '推动高新技术企业培育库与企业登记信息库、知识产权数据库等多库联动'; // 31 without the 、

// A: the formula, then its own text (10). B: 坚持 + formula + specific text. C: specific text + 成效显著 + formula.
const A = plan('a', `${BOILERPLATE}，全面贯彻落实本区规划。`);
const B = plan('b', `坚持${BOILERPLATE}，${SPECIFIC}。`);
const C = plan('c', `${SPECIFIC}，成效显著。${BOILERPLATE}`);

describe('findTextReuse', () => {
  const reuse = findTextReuse([A, B, C]);

  it('finds the formula three plans share and the sentence two share, as separate passages', () => {
    expect(reuse.passages.map((p) => [p.key, p.plans])).toEqual([
      [BOILERPLATE, ['a', 'b', 'c']],
      ['推动高新技术企业培育库与企业登记信息库知识产权数据库等多库联动', ['b', 'c']],
    ]);
    expect(reuse.passages.map((p) => p.rank)).toEqual([1, 2]);
  });

  it('gives each plan the share of its letters and digits that other plans also print', () => {
    const shares = [...reuse.plans.values()].map((p) => [p.slug, p.chars, p.sharedChars, p.repeatedChars]);
    expect(shares).toEqual([
      ['a', 30, 20, 0],
      ['b', 53, 51, 0],
      ['c', 55, 51, 0],
    ]);
    expect(reuse.plans.get('a')!.share).toBeCloseTo(20 / 30, 10);
  });

  it('maps each occurrence back to its block, with offsets in the text as printed', () => {
    const specific = reuse.passages[1]!;
    // In B the sentence starts after 坚持 + formula + ， (2 + 20 + 1) and runs 32 code units (its 、 included).
    expect(specific.occurrences.map((o) => [o.slug, o.segments])).toEqual([
      ['b', [{ blockId: 'p1', cell: null, start: 23, end: 55 }]],
      ['c', [{ blockId: 'p1', cell: null, start: 0, end: 32 }]],
    ]);
    expect(specific.text).toEqual([SPECIFIC]);
    // Each plan lists its occurrences in reading order: C has the sentence first, then the formula.
    expect(reuse.plans.get('c')!.occurrences.map((o) => o.passage.rank)).toEqual([2, 1]);
  });

  it('ignores punctuation, spaces, width and traditional characters, and reads a plan as one stream over its blocks', () => {
    // The formula in traditional characters, split over two blocks, with full-width letters, spaces and other stops.
    const A2 = plan('a', '以習近平新時代中國 特色社會', '主義思想為指導.全面貫徹落實本區規劃');
    const B2 = plan('b', `坚持 ${BOILERPLATE}; `, '推动高新技术企业培育库与企业登记信息库,知识产权数据库等多库联动.');
    const again = findTextReuse([A2, B2, C]);
    expect([...again.plans.values()].map((p) => [p.slug, p.chars, p.sharedChars])).toEqual([
      ['a', 30, 20],
      ['b', 53, 51],
      ['c', 55, 51],
    ]);
    // The formula spans A2's two blocks: 13 characters and a space from the first (14 units), 7 from the second.
    const formula = again.passages[0]!.occurrences[0]!;
    expect(formula.segments).toEqual([
      { blockId: 'p1', cell: null, start: 0, end: 14 },
      { blockId: 'p2', cell: null, start: 0, end: 7 },
    ]);
    expect(again.passages[0]!.text).toEqual(['以習近平新時代中國 特色社會', '主義思想為指導']);
  });

  it('finds a passage of 12 characters and none of 11', () => {
    expect(findTextReuse([plan('x', '甲：一二三四五六七八九十百千'), plan('y', '一二三四五六七八九十百千：乙')]).passages.map((p) => p.key)).toEqual(['一二三四五六七八九十百千']);
    expect(findTextReuse([plan('x', '甲：一二三四五六七八九十百'), plan('y', '一二三四五六七八九十百：乙')]).passages).toEqual([]);
  });

  it('counts text a plan repeats within itself apart, never as shared', () => {
    // 加快构建现代化产业经济体系 (13) twice in D, nowhere else; D counts 13 + 打造新格局 (5) + 要 (1) + 13 = 32.
    const D = plan('d', '加快构建现代化产业经济体系，打造新格局。', '要加快构建现代化产业经济体系。');
    const r = findTextReuse([A, D]).plans.get('d')!;
    expect([r.chars, r.sharedChars, r.repeatedChars, r.occurrences]).toEqual([32, 0, 26, []]);
  });

  it('counts both places when a plan repeats a passage that another plan prints once', () => {
    const E = plan('e', `${BOILERPLATE}。`, `再次：${BOILERPLATE}。`);
    const r = findTextReuse([E, A]);
    expect(r.passages.map((p) => [p.key, p.plans, p.occurrences.map((o) => `${o.slug}:${o.segments[0]!.blockId}`)])).toEqual([
      [BOILERPLATE, ['e', 'a'], ['e:p1', 'e:p2', 'a:p1']],
    ]);
    // E: 20 + 再次 (2) + 20 = 42, the two formulas shared.
    expect([r.plans.get('e')!.chars, r.plans.get('e')!.sharedChars, r.plans.get('e')!.repeatedChars]).toEqual([42, 40, 0]);
  });

  it('handles plans with no text or less than one passage of text', () => {
    const r = findTextReuse([plan('empty'), plan('short', '科技创新'), A]);
    expect([...r.plans.values()].map((p) => [p.slug, p.chars, p.share])).toEqual([
      ['empty', 0, 0],
      ['short', 4, 0],
      ['a', 30, 0],
    ]);
    expect(r.passages).toEqual([]);
  });

  it('keeps a heading number out and table cells apart, with offsets in the block text', () => {
    const withNumber: ReuseInput = {
      slug: 'h',
      units: [
        { blockId: 's1', cell: null, offset: 3, text: '指导思想' }, // block text （一）指导思想
        { blockId: 't1', cell: 2, offset: 0, text: BOILERPLATE },
      ],
    };
    const r = findTextReuse([withNumber, plan('a', `指导思想。${BOILERPLATE}`)]);
    expect(r.passages[0]!.occurrences[0]!.segments).toEqual([
      { blockId: 's1', cell: null, start: 3, end: 7 },
      { blockId: 't1', cell: 2, start: 0, end: 20 },
    ]);
  });
});

describe('matchText', () => {
  // Written out by hand: traditional → simplified, full-width → ASCII, ASCII in lower case, punctuation, spaces and
  // marks dropped, converter damage dropped, letters and digits of any script kept (Greek stays upper case).
  const cases: [string, string][] = [
    ['發展與創新', '发展与创新'],
    ['（二）加強ＧＤＰ核算，ＲＤ投入２．５％', '二加强gdp核算rd投入25'],
    ['發(fā)展和創(chuàng)新', '发展和创新'],
    ['科技\u3000创新\u00a0引领', '科技创新引领'],
    ['①Ⅻ ΑΒΓ', '①ⅫΑΒΓ'],
    ['𠀀𡘙研发', '𠀀𡘙研发'],
    ['e\u0301x', 'ex'],
    ['研\ud800发\udc00', '研发'],
    ['', ''],
  ];
  it.each(cases)('%s → %s', (text, form) => expect(matchText(text)).toBe(form));

  it('is the text folded by the lexicon, letters and digits kept, ASCII lowered (the definition it speeds up)', () => {
    const definition = (t: string) => simplify(t).replace(/[^\p{L}\p{N}]+/gu, '').replace(/[A-Z]+/gu, (m) => m.toLowerCase());
    const texts = [...cases.map(([t]) => t), '壹贰叁ABCxyz（ａｂｃ）', '臺灣與澳門、香港', `${'國'.repeat(3000)}Ａ`];
    for (const t of texts) expect(matchText(t)).toBe(definition(t));
  });
});
