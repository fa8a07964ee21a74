import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RemovedLine } from '../../src/schemas/plan.ts';
import { removeChrome } from './chrome.ts';
import { loadRegistries } from '../registries.ts';
import { decodeSeed } from './decode.ts';
import { splitLines } from './lines.ts';
import { readPortalFields } from './portal-fields.ts';

// The registries as ingest reads them: chrome.yaml's field rules name the labels of content/portal-fields.yaml.
const { chrome: rules, portalFields } = loadRegistries('seeds', 'content');
const body = '各有关单位：现将方案印发给你们，请认真贯彻执行。';
/** The chrome stage on `head` lines followed by a body line, then the fields. */
const fieldsOf = (...head: string[]) => {
  const fields = readPortalFields(removeChrome(splitLines([...head, body].join('\n')), rules).removed, portalFields);
  return Object.fromEntries([...fields].map(([k, v]) => [k, v.value]));
};

describe('readPortalFields(removed)', () => {
  test('a date line with the source after it: the date is the publication date', () => {
    expect(fieldsOf('2023-05-01 10:20:30 来源：某市科技局')).toEqual({ 发布日期: '2023-05-01 10:20:30', 来源: '某市科技局' });
  });
  test('labels in brackets, and the labels of 政府信息公开 catalogues', () => {
    expect(fieldsOf('【发布单位】某市科学技术局 【发布日期】2021-09-30', '【文号】某科〔2021〕12号')).toEqual({ 发布机构: '某市科学技术局', 发布日期: '2021-09-30', 发文字号: '某科〔2021〕12号' });
    expect(fieldsOf('信息索引号：11440600007/2021-00123', '生成日期：2021-09-28', '公开方式：主动公开', '公开范围：面向社会', '文件编号：某科〔2021〕12号', '信息分类：科技')).toEqual({
      索引号: '11440600007/2021-00123',
      成文日期: '2021-09-28',
      发文字号: '某科〔2021〕12号',
      主题: '科技',
    });
    // None of them stays in the text.
    const { kept } = removeChrome(splitLines(['【发布单位】某市科学技术局 【发布日期】2021-09-30', '公开范围：面向社会', body].join('\n')), rules);
    expect(kept.map((l) => l.text)).toEqual([body]);
  });
  test('a field table whose cells the scrape put a line each: each label alone, its value on the next line', () => {
    expect(
      fieldsOf('索引号：', '11440600007XXXXXXX/2021-00123', '分类：', '科技', '发布机构：', '某市科学技术局', '成文日期：', '2021-09-28', '文号：', '某科〔2021〕12号', '发布日期：', '2021-09-30', '主题词：', '科技 创新'),
    ).toEqual({ 索引号: '11440600007XXXXXXX/2021-00123', 主题: '科技', 发布机构: '某市科学技术局', 成文日期: '2021-09-28', 发文字号: '某科〔2021〕12号', 发布日期: '2021-09-30' });
    // Each value left the text with its label (主题词 names no field the card shows, but its value is no text either).
    const { kept } = removeChrome(splitLines(['主题词：', '科技 创新', '文号：', '某科〔2021〕12号', body].join('\n')), rules);
    expect(kept.map((l) => l.text)).toEqual([body]);
  });
  test('colon fields with spread labels, several to a line, run together, empty values absent', () => {
    expect(
      fieldsOf(
        '名    称 :某区人民政府关于印发某方案的通知',
        '索   引  号 :1112011300018871XP/2021-00011 发 布 机 构 :某区人民政府',
        '发 文 字 号 : 〔某政发〔2021〕5号 〕 主    题 :科技',
        '成 文 日 期 :2021年04月19日发 文 日 期 :2021年04月19日',
        '有   效  性 :有效',
        '废 止 依 据 :',
      ),
    ).toEqual({
      名称: '某区人民政府关于印发某方案的通知',
      索引号: '1112011300018871XP/2021-00011',
      发布机构: '某区人民政府',
      发文字号: '〔某政发〔2021〕5号 〕',
      主题: '科技',
      成文日期: '2021年04月19日',
      发布日期: '2021年04月19日',
      有效性: '有效',
    });
  });

  test('bracket-pipe tables, printed twice: first occurrence wins, empty cells absent', () => {
    expect(
      fieldsOf(
        '[ 索引号 ] | 11500107/2023-01698 | [ 发文字号 ] | 渝高新发〔2023〕8号 |',
        '[ 主题分类 ] | 其他 | [ 体裁分类 ] | 公文 |',
        '[ 发布机构 ] | 高新区改革发展局 | [ 有效性 ] | |',
        '[ 成文日期 ] | 2023-04-26 | [ 发布日期 ] | 2023-05-05 |',
        '[ 发布机构 ] | 另一个机构 |',
      ),
    ).toEqual({ 索引号: '11500107/2023-01698', 发文字号: '渝高新发〔2023〕8号', 主题: '其他', 体裁: '公文', 发布机构: '高新区改革发展局', 成文日期: '2023-04-26', 发布日期: '2023-05-05' });
  });

  test('label and value without colons (文  号, 主题分类, 公文时效)', () => {
    expect(fieldsOf('索 引 号 0594-2024-00919 主题分类 组织机构 \\ 其他', '发布机构 市政府办公室 文  号 驻政〔2022〕11号', '成文日期 2022-02-17 公文时效 有效')).toEqual({
      索引号: '0594-2024-00919',
      主题: '组织机构 \\ 其他',
      发布机构: '市政府办公室',
      发文字号: '驻政〔2022〕11号',
      成文日期: '2022-02-17',
      有效性: '有效',
    });
  });

  test('a label alone with its value on the next line; the value line is the field line', () => {
    const removed = removeChrome(splitLines(['发布时间:', '', '2022-03-09 10:38', '信息来源:', '市政府办', '分享到:', body].join('\n')), rules).removed;
    const f = readPortalFields(removed, portalFields);
    expect(f.get('发布日期')).toEqual({ value: '2022-03-09 10:38', line: 3, raw: '发布时间: 2022-03-09 10:38' });
    expect(f.get('来源')).toEqual({ value: '市政府办', line: 5, raw: '信息来源: 市政府办' });
  });

  test('date and source lines, widgets cut off, empty 来源 absent, 作者 without 【转载】', () => {
    expect(fieldsOf('日期:2024-03-28 17:32    来源:区科委')).toEqual({ 发布日期: '2024-03-28 17:32', 来源: '区科委' });
    expect(fieldsOf('来源: 时间:2011-06-07')).toEqual({ 发布日期: '2011-06-07' });
    expect(fieldsOf('来源:上海市闵行区人民政府  发布时间:2021年7月26日')).toEqual({ 来源: '上海市闵行区人民政府', 发布日期: '2021年7月26日' });
    expect(fieldsOf('时间:2023-04-11 【字体:')).toEqual({ 发布日期: '2023-04-11' });
    // A WeChat article's time stamp, with the place it was posted from.
    expect(fieldsOf('2024年3月8日 10:30 河南')).toEqual({ 发布日期: '2024年3月8日 10:30 河南' });
    expect(fieldsOf('被閱讀1817次,日期:2017-03-08 09:59:11')).toEqual({ 发布日期: '2017-03-08 09:59:11' });
    expect(fieldsOf('作者:大连沙河口区政府【转载】')).toEqual({ 作者: '大连沙河口区政府' });
    expect(fieldsOf('索引号: kjj-2023-00020 发布机构: 中共环县委办公室 环县人民政府办公室', '生效日期: 2023-04-11 废止日期:', '文 号: 所属主题: 部门文件')).toEqual({
      索引号: 'kjj-2023-00020',
      发布机构: '中共环县委办公室 环县人民政府办公室',
      生效日期: '2023-04-11',
      主题: '部门文件',
    });
  });

  test('traditional-character labels read as simplified; values stay as printed', () => {
    expect(fieldsOf('發佈時間：2017-03-08　來源：縣科協')).toEqual({ 发布日期: '2017-03-08', 来源: '縣科協' });
  });

  test('a bare date line is the 发布日期 only when no label gives one', () => {
    expect(fieldsOf('( 2014-02-14 )')).toEqual({ 发布日期: '2014-02-14' });
    expect(fieldsOf('2022年07月16日 字体:[ 大 中 小]')).toEqual({ 发布日期: '2022年07月16日' });
    expect(fieldsOf('-2023- 11/08 08:20')).toEqual({ 发布日期: '-2023- 11/08 08:20' });
    expect(fieldsOf('-2023- 11/08 08:20', '发布日期:2023-11-09')).toEqual({ 发布日期: '2023-11-09' });
  });

  test('reads only metadata lines', () => {
    const removed: RemovedLine[] = [{ line: 1, text: '来源:某网', kind: 'chrome', rule: 'x', label: '某元素' }];
    expect(readPortalFields(removed, portalFields).size).toBe(0);
  });
});

/** The fields agree with the corpus gold where it states a publication date or a document number from portal metadata. */
describe('readPortalFields on the corpus', () => {
  const gold = JSON.parse(readFileSync('tests/fixtures/corpus/gold.json', 'utf8')) as { file: string; date_published: string | null }[];
  const ymd = (s: string) => {
    const m = /(\d{4})\D{1,3}(\d{1,2})\D{1,2}(\d{1,2})/u.exec(s);
    return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
  };
  test('the gold states a publication date for 8 excerpts (one test each below)', () => {
    expect(gold.filter((g) => g.date_published)).toHaveLength(8);
  });
  test.each(gold.filter((g) => g.date_published).map((g) => [g.file, g.date_published!] as const))('%s: 发布日期 = %s', (file, want) => {
    const { text } = decodeSeed(new Uint8Array(readFileSync(join('tests/fixtures/corpus', file))), file);
    const f = readPortalFields(removeChrome(splitLines(text), rules).removed, portalFields);
    expect(ymd(f.get('发布日期')?.value ?? '')).toBe(want);
  });
});
