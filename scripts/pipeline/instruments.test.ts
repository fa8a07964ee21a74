import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { Block } from '../../src/schemas/plan.ts';
import { PlanDocumentSchema } from '../../src/schemas/plan.ts';
import type { Instrument } from '../../src/schemas/instruments.ts';
import { findInstrumentMentions, findInstruments, instrumentMatcher, parseInstruments, splitSentences } from './instruments.ts';

const instrument = (id: string, forms: string[], extra: Partial<Instrument> = {}): Instrument => ({
  id,
  name: forms[0]!,
  forms,
  patterns: [],
  notIn: [],
  category: 'carrier',
  definition: { text: '编者的释义。', textEn: 'A definition.', editors: true },
  nameEn: id,
  nameEnSource: 'editors',
  glossary: [],
  ...extra,
});
const REGISTRY = [
  instrument('fuhua', ['孵化器', '众创空间'], { notIn: ['人力资源开发孵化基地'] }),
  instrument('quan', ['创新券', '科技创新券']),
  instrument('rencai', ['海河英才'], { patterns: ['(?:人才|企业家)[\\p{Script=Han}]{0,8}(?:计划|工程)'], notIn: [] }),
  instrument('jinrong', ['科技金融', '科技信贷']),
  instrument('buchang', ['风险补偿']),
];
const M = instrumentMatcher(REGISTRY);
const ids = (s: string) => findInstruments(s, M).map((h) => `${h.instrumentId}:${h.forms.join('|')}`);

describe('splitSentences', () => {
  test('ends a sentence at 。；！？ (either width) and at the end, trimmed, blank runs dropped', () => {
    expect(splitSentences('一、总体要求。 加强孵化器建设；支持众创空间！完善体系? 未完').map((s) => s.text)).toEqual(['一、总体要求。', '加强孵化器建设；', '支持众创空间！', '完善体系?', '未完']);
    expect(splitSentences('。。')).toEqual([{ start: 0, end: 1, text: '。' }, { start: 1, end: 2, text: '。' }]);
    expect(splitSentences('   ')).toEqual([]);
  });
  test('offsets point into the text', () => {
    const text = '甲。 乙；';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('findInstruments', () => {
  test('one hit per instrument, with every form as written, in order of first mention', () => {
    expect(ids('支持众创空间、孵化器和科技创新券')).toEqual(['fuhua:众创空间|孵化器', 'quan:科技创新券']);
  });
  test('longest form first: 科技创新券 is one form, not 创新券 inside it', () => {
    expect(ids('落实科技创新券')).toEqual(['quan:科技创新券']);
  });
  test('a text in traditional characters is read in its simplified form and quoted as written', () => {
    expect(ids('推動科技信貸風險補償')).toEqual(['jinrong:科技信貸', 'buchang:風險補償']);
  });
  test('a form inside one of its notIn words is no mention', () => {
    expect(ids('建立京津冀人力资源开发孵化基地')).toEqual([]);
  });
  test('patterns find names with a variable middle, but not where a form already matched', () => {
    expect(ids('深入实施杰出人才培养计划')).toEqual(['rencai:人才培养计划']);
    expect(ids('实施“海河英才”行动计划')).toEqual(['rencai:海河英才']);
    expect(ids('实施企业家素质提升工程')).toEqual(['rencai:企业家素质提升工程']);
  });
});

describe('findInstrumentMentions', () => {
  const para = (id: string, text: string, lines: number[]): Block => ({ kind: 'paragraph', id, lines, part: 'body', role: 'body', text, marks: [] });
  test('a mention per instrument and sentence, with the block, the line holding the sentence, and the sentence', () => {
    const blocks = [para('p1', '加强孵化器建设。支持创新券；再建孵化器和众创空间。', [3, 4])];
    const lines = new Map([
      [3, '加强孵化器建设。支持创新券；'],
      [4, '再建孵化器和众创空间。'],
    ]);
    expect(findInstrumentMentions(blocks, REGISTRY, lines)).toEqual([
      { instrumentId: 'fuhua', blockId: 'p1', cell: null, line: 3, sentence: '加强孵化器建设。', forms: ['孵化器'] },
      { instrumentId: 'quan', blockId: 'p1', cell: null, line: 3, sentence: '支持创新券；', forms: ['创新券'] },
      { instrumentId: 'fuhua', blockId: 'p1', cell: null, line: 4, sentence: '再建孵化器和众创空间。', forms: ['孵化器', '众创空间'] },
    ]);
  });
  test('a table cell is a sentence of its own, with its cell and its line', () => {
    const cell = (text: string) => ({ text, marks: [], note: null, noteEn: null });
    const table: Block = { kind: 'table', id: 't1', lines: [10, 11, 12], part: 'body', caption: null, captionLine: null, head: [[cell('工作目标'), cell('2022年')]], rows: [[cell('孵化载体数量（家）'), cell('5')]], rowHeader: 0, notes: [], notesEn: [] };
    const lines = new Map([
      [10, '工作目标'],
      [11, '2022年'],
      [12, '	孵化载体数量（家）'],
    ]);
    expect(findInstrumentMentions([table], [instrument('fuhua', ['孵化载体'])], lines)).toEqual([
      { instrumentId: 'fuhua', blockId: 't1', cell: { part: 'rows', row: 0, col: 0 }, line: 12, sentence: '孵化载体数量（家）', forms: ['孵化载体'] },
    ]);
  });
});

describe('content/instruments.yaml and its schema', () => {
  test('the registry parses, and every glossary id it names exists', () => {
    const list = parseInstruments(readFileSync('content/instruments.yaml', 'utf8'), 'content/instruments.yaml');
    expect(list.length).toBeGreaterThan(10);
    const glossary = new Set([...readFileSync('content/glossary.yaml', 'utf8').matchAll(/^- id: (\S+)/gmu)].map((m) => m[1]));
    const missing = list.flatMap((r) => r.glossary.filter((id) => !glossary.has(id)).map((id) => `${r.id} → ${id}`));
    expect(missing).toEqual([]);
  });
  test('an instrument and the glossary term of the same Chinese name have one English name (a plural aside)', () => {
    const list = parseInstruments(readFileSync('content/instruments.yaml', 'utf8'), 'content/instruments.yaml');
    const terms = parse(readFileSync('content/glossary.yaml', 'utf8')) as { id: string; term: string; nameEn: string }[];
    const singular = (s: string) => s.toLowerCase().replace(/s$/u, '');
    const differ = list.flatMap((r) => terms.filter((t) => t.term === r.name && singular(t.nameEn) !== singular(r.nameEn)).map((t) => `${r.name}: instrument “${r.nameEn}”, glossary “${t.nameEn}”`));
    expect(differ).toEqual([]);
  });
  test('errors name the file and line: a form in two instruments, an unsourced definition, English in a Chinese field', () => {
    const yaml = [
      '- id: a',
      '  name: 甲',
      '  forms: [孵化器]',
      '  category: carrier',
      '  definition: { text: 定义。, textEn: A definition., editors: true }',
      '  nameEn: A',
      '  nameEnSource: editors',
      '- id: b',
      '  name: Incubator',
      '  forms: [孵化器]',
      '  category: carrier',
      '  definition: { text: 某文件所说的定义。, textEn: A document’s definition., source: 某文件 }',
      '  nameEn: B',
      '  nameEnSource: editors',
    ].join('\n');
    let message = '';
    try {
      parseInstruments(yaml, 'x.yaml');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/x\.yaml:9 › 1\.name: write this in Chinese/u);
    expect(message).toMatch(/x\.yaml:10 › 1\.forms\.0: 孵化器 is already a form of a/u);
    expect(message).toMatch(/x\.yaml:12 › 1\.definition\.checked: a stated fact needs source, checked and against: checked, against missing/u);
  });
  test('a plan written before instruments existed still parses, with none', () => {
    const doc = JSON.parse(readFileSync('tests/fixtures/golden/beichen-head.json', 'utf8')) as Record<string, unknown>;
    delete doc.instruments;
    expect(PlanDocumentSchema.parse(doc).instruments).toEqual([]);
  });
});
