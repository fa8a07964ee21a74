import { describe, expect, test } from 'vitest';
import { docNumberApart, findDocNumber, isDocNumberLine } from './docnumbers.ts';

describe('findDocNumber', () => {
  test.each([
    '北辰政发〔2021〕5号',
    '京政發〔2016〕44號',
    '魯政字〔2022〕225號',
    '闽政办〔2021〕58号',
    '渝高新发〔2023〕8号',
    '辛政办字〔2022〕22号',
    '津科规〔2021〕3号',
    '宁党发〔2022〕4号',
    '豫政〔2021〕41号',
    '津政发[2020]23号',
    '冀政办字【2021】141号',
    '佛府办(2011)53号',
    '闵府发（2021）19号',
    '淄政字［2022］38号',
  ])('%s is read whole, as printed', (s) => {
    expect(findDocNumber(s)).toEqual({ text: s, index: 0, raw: s });
  });
  test('the inner text of a bracketed line', () => {
    expect(findDocNumber('(梧政发〔2012〕3号)')).toEqual({ text: '梧政发〔2012〕3号', index: 1, raw: '梧政发〔2012〕3号' });
  });
  test('inside a sentence, after a 》 or a label', () => {
    expect(findDocNumber('见》(宁党发〔2022〕4号)和银川')).toEqual({ text: '宁党发〔2022〕4号', index: 3, raw: '宁党发〔2022〕4号' });
    expect(findDocNumber('  号 驻政〔2022〕11号')).toEqual({ text: '驻政〔2022〕11号', index: 4, raw: '驻政〔2022〕11号' });
  });
  test('inner whitespace dropped from text, kept in raw', () => {
    expect(findDocNumber('北辰政发〔2021〕 5 号')).toEqual({ text: '北辰政发〔2021〕5号', index: 0, raw: '北辰政发〔2021〕 5 号' });
  });
  test('full-width digits: the number with its digits folded and its brackets as printed, raw as printed', () => {
    expect(findDocNumber('某政发〔２０２２〕１２号')).toEqual({ text: '某政发〔2022〕12号', index: 0, raw: '某政发〔２０２２〕１２号' });
    expect(findDocNumber('（京政发（２０１６）４４号）')).toEqual({ text: '京政发（2016）44号', index: 1, raw: '京政发（２０１６）４４号' });
    expect(isDocNumberLine('某政发〔２０２２〕１２号')).toBe(true);
  });
  test('a damaged number without its closing bracket is not read', () => {
    expect(findDocNumber('《天津市科技创新三年行动计划(20202022年)》(津政发〔202023号)')).toBeNull();
    expect(findDocNumber('北方网:科委将实施科技支撑美丽天津建设工程')).toBeNull();
  });
});

describe('isDocNumberLine', () => {
  test('a line that is only a document number, bare or in brackets', () => {
    expect(isDocNumberLine('北辰政发〔2021〕5号')).toBe(true);
    expect(isDocNumberLine('(梧政发〔2012〕3号)')).toBe(true);
    expect(isDocNumberLine('（梧政发〔2012〕3号）')).toBe(true);
    expect(isDocNumberLine('  京政發〔2016〕44號  ')).toBe(true);
  });
  test('a line with more than the number', () => {
    expect(isDocNumberLine('| 渝高新发〔2023〕8号 |')).toBe(false);
    expect(isDocNumberLine('见》(宁党发〔2022〕4号)和银川')).toBe(false);
    expect(isDocNumberLine('(津政发〔202023号)')).toBe(false);
  });
});

describe('docNumberApart', () => {
  test('a number set off by whitespace at a line’s end or start: the whitespace', () => {
    const apart = (line: string) => {
      const r = docNumberApart(line);
      return r && [r.at, line.slice(0, r.space[0]), line.slice(r.space[1])];
    };
    expect(apart('某市人民政府关于印发某方案的通知 某政发〔2021〕5号')).toEqual(['end', '某市人民政府关于印发某方案的通知', '某政发〔2021〕5号']);
    expect(apart('某市人民政府关于印发某方案的通知　（某政发〔2021〕5号）')).toEqual(['end', '某市人民政府关于印发某方案的通知', '（某政发〔2021〕5号）']);
    expect(apart('某政发［２０２１］５号　某市人民政府关于印发某方案的通知')).toEqual(['start', '某政发［２０２１］５号', '某市人民政府关于印发某方案的通知']);
    // A line that is only a number, or a number inside a sentence, is not one apart.
    expect(['某政发〔2021〕5号', '根据某政发〔2021〕5号', '按照某政发〔2021〕5号文件执行'].map(docNumberApart)).toEqual([null, null, null]);
  });
});
