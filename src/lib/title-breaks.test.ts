import { expect, test } from 'vitest';
import { titleHtml, titlePieces } from './title-breaks.ts';

// The seeds' titles, cut where a reader of Chinese would let a heading break (hand-read): never inside a word, a
// place name or the period.
test.each([
  ['红桥区科技创新三年行动工作方案（2020-2022年）', ['红桥区科技', '创新', '三年', '行动', '工作', '方案', '（2020-2022年）']],
  ['北辰区科技创新三年行动计划实施方案(2020-2022年)', ['北辰区科技', '创新', '三年', '行动', '计划', '实施', '方案', '(2020-2022年)']],
  ['辛集市科技创新“十四五”规划', ['辛集市科技', '创新', '“十四五”', '规划']],
  ['宝坻区科技创新“十四五”发展规划', ['宝坻区科技', '创新', '“十四五”', '发展', '规划']],
  ['科委将实施科技支撑美丽天津建设工程', ['科委将实施', '科技', '支撑', '美丽', '天津', '建设', '工程']],
  // A corpus title (tests/fixtures/corpus, 02_beijing): pauses written with ASCII commas.
  ['把握新定位,适应新常态,为全国科技创新中心建设作出新贡献', ['把握新定位,', '适应新常态,', '为全国', '科技', '创新', '中心', '建设', '作出新贡献']],
])('%s', (title, pieces) => {
  expect(titlePieces(title)).toEqual(pieces);
  expect(titlePieces(title).join('')).toBe(title);
});

test('a title with no Chinese, or one word, is one piece; the HTML escapes the text', () => {
  expect(titlePieces('Plan 2021-2025')).toEqual(['Plan 2021-2025']);
  expect(titlePieces('规划')).toEqual(['规划']);
  expect(titleHtml('科技创新<规划>')).toBe('科技<wbr>创新&lt;规划&gt;');
});
