import { describe, expect, test } from 'vitest';
import { simplify, squash, toMatchForm, traditionalForms } from './fold.ts';

describe('simplify', () => {
  test.each([
    { rule: 'converter damage dropped, traditional folded', text: '為深入貫徹落實習(xí)近平總書記關(guān)於科技創(chuàng)新', simplified: '为深入贯彻落实习近平总书记关于科技创新' },
    { rule: 'document numbers keep 〔〕', text: '魯政字〔2022〕225號', simplified: '鲁政字〔2022〕225号' },
    { rule: 'document numbers keep 〔〕', text: '京政發〔2016〕44號', simplified: '京政发〔2016〕44号' },
    { rule: 'a traditional title', text: '北京市“十三五”時期加強全國科技創新中心建設規劃', simplified: '北京市“十三五”时期加强全国科技创新中心建设规划' },
    { rule: 'single characters and words from the corpus', text: '發區號規劃創新廣西監利産業', simplified: '发区号规划创新广西监利产业' },
    { rule: 'simplified text is left alone (著 stays 著)', text: '显著提升科技创新能力、坚持创新在现代化建设全局中的核心地位。', simplified: '显著提升科技创新能力、坚持创新在现代化建设全局中的核心地位。' },
    { rule: 'the full-width comma folds', text: '能力，坚持', simplified: '能力,坚持' },
    { rule: 'full-width ASCII, NBSP and U+3000', text: '（２）目标：\u00a0到２０２５年\u3000', simplified: '(2)目标: 到2025年 ' },
    { rule: '【】, “”, 、 and 。 stay', text: '【2021】“十四五”、。', simplified: '【2021】“十四五”、。' },
    { rule: 'damage split over a line break', text: '實施科教強魯人才興魯戰略、創(\nchuàng)新驅(qū)動發(f\nā)展戰(zhàn)略', simplified: '实施科教强鲁人才兴鲁战略、创新驱动发展战略' },
    { rule: 'damage in full-width brackets', text: '各縣(市、區(qū))人民政府', simplified: '各县(市、区)人民政府' },
    { rule: 'parentheses that are not damage stay', text: '国内生产总值(GDP)', simplified: '国内生产总值(GDP)' },
    { rule: 'parentheses that are not damage stay', text: '研发(R&D)经费', simplified: '研发(R&D)经费' },
    { rule: 'parentheses that are not damage stay', text: '科技领军(培育)企业', simplified: '科技领军(培育)企业' },
    { rule: 'parentheses that are not damage stay', text: '版本(v2)和应用(app)', simplified: '版本(v2)和应用(app)' },
    { rule: 'pinyin with no character before it stays', text: '(fā)', simplified: '(fā)' },
  ])('$rule: $text → $simplified', ({ text, simplified }) => {
    expect(simplify(text)).toBe(simplified);
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

describe('traditionalForms: the traditional characters the search folds, as the pipeline folds them', () => {
  const { traditional, simplified } = traditionalForms();
  const pairs = new Map([...traditional].map((t, i) => [t, simplified[i]!]));
  test('character for character, each as simplify folds it', () => {
    expect(traditional.length).toBe(simplified.length);
    expect([...traditional]).toHaveLength(traditional.length); // one UTF-16 unit each: the basic plane only
    for (const [t, s] of pairs) expect(simplify(t), t).toBe(s);
  });
  test('hand-read pairs in, simplified and shared characters out', () => {
    // 創新 發展 後 體系 於 製造 國 (traditional, as Taiwan and Hong Kong portals print them).
    expect(Object.fromEntries(['創', '發', '後', '體', '於', '製', '國'].map((t) => [t, pairs.get(t)]))).toEqual({ 創: '创', 發: '发', 後: '后', 體: '体', 於: '于', 製: '制', 國: '国' });
    // Already simplified, or the same in both scripts: never folded. 著 stays (OpenCC `t`, not `tw`: 显著).
    for (const c of ['创', '发', '科', '技', '著', '新']) expect(pairs.has(c), c).toBe(false);
  });
  test('thousands of them (the OpenCC character table), not a handful', () => {
    expect(pairs.size).toBeGreaterThan(2500);
  });
});
