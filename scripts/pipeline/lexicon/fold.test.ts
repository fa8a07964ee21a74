import { describe, expect, test } from 'vitest';
import { simplify, squash, toMatchForm } from './fold.ts';

describe('simplify', () => {
  test('converter damage dropped, traditional folded', () => {
    expect(simplify('為深入貫徹落實習(xí)近平總書記關(guān)於科技創(chuàng)新')).toBe('为深入贯彻落实习近平总书记关于科技创新');
  });
  test('document numbers keep 〔〕', () => {
    expect(simplify('魯政字〔2022〕225號')).toBe('鲁政字〔2022〕225号');
    expect(simplify('京政發〔2016〕44號')).toBe('京政发〔2016〕44号');
  });
  test('a traditional title', () => {
    expect(simplify('北京市“十三五”時期加強全國科技創新中心建設規劃')).toBe('北京市“十三五”时期加强全国科技创新中心建设规划');
  });
  test('single characters and words from the corpus', () => {
    expect(simplify('發區號規劃創新廣西監利産業')).toBe('发区号规划创新广西监利产业');
  });
  test('simplified text is left alone (著 stays 著)', () => {
    const s = '显著提升科技创新能力、坚持创新在现代化建设全局中的核心地位。';
    expect(simplify(s)).toBe(s);
    expect(simplify('能力，坚持')).toBe('能力,坚持');
  });
  test('full-width ASCII, NBSP and U+3000', () => {
    expect(simplify('（２）目标：\u00a0到２０２５年\u3000')).toBe('(2)目标: 到2025年 ');
    expect(simplify('【2021】“十四五”、。')).toBe('【2021】“十四五”、。');
  });
  test('damage split over a line break, and full-width brackets', () => {
    expect(simplify('實施科教強魯人才興魯戰略、創(\nchuàng)新驅(qū)動發(f\nā)展戰(zhàn)略')).toBe('实施科教强鲁人才兴鲁战略、创新驱动发展战略');
    expect(simplify('各縣(市、區(qū))人民政府')).toBe('各县(市、区)人民政府');
  });
  test('parentheses that are not damage stay', () => {
    expect(simplify('国内生产总值(GDP)')).toBe('国内生产总值(GDP)');
    expect(simplify('研发(R&D)经费')).toBe('研发(R&D)经费');
    expect(simplify('科技领军(培育)企业')).toBe('科技领军(培育)企业');
    expect(simplify('版本(v2)和应用(app)')).toBe('版本(v2)和应用(app)');
    expect(simplify('(fā)')).toBe('(fā)'); // no character before it
  });
});

describe('squash', () => {
  test('folded, whitespace removed', () => {
    expect(squash('北辰政发〔2021〕 5 号')).toBe('北辰政发〔2021〕5号');
    expect(squash('關 於 印 發\u3000通 知')).toBe('关于印发通知');
  });
});

describe('toMatchForm: offsets back to the source', () => {
  const src = '為深入貫徹落實習(xí)近平總書記關(guān)於科技創(chuàng)新';
  const form = toMatchForm(src);
  test('the offset of 近 maps to the 近 in the source', () => {
    const at = form.text.indexOf('近');
    expect(at).toBe(8);
    expect(form.toSource(at)).toBe(12);
    expect(src[form.toSource(at)]).toBe('近');
  });
  test('a match on the folded text marks the verbatim text', () => {
    const from = form.text.indexOf('关于科技创新');
    const to = from + '关于科技创新'.length;
    expect(src.slice(form.toSource(from), form.toSourceEnd(to))).toBe('關(guān)於科技創(chuàng)新');
    const xi = form.text.indexOf('习');
    expect(src.slice(form.toSource(xi), form.toSourceEnd(xi + 1))).toBe('習');
  });
  test('end of text and unchanged text', () => {
    expect(form.toSource(form.text.length)).toBe(src.length);
    const plain = toMatchForm('到2025年');
    expect([0, 1, 5, 6].map(plain.toSource)).toEqual([0, 1, 5, 6]);
  });
  test('astral characters keep their offsets', () => {
    const f = toMatchForm('𠀀發展');
    expect(f.text).toBe('𠀀发展');
    expect(f.toSource(2)).toBe(2);
  });
});
