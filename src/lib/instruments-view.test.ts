import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PlanDocumentSchema, type InstrumentMention, type PlanDocument } from '../schemas/plan.ts';
import type { Instrument } from '../schemas/instruments.ts';
import { instrumentMatrix, instrumentPassages, instrumentsCsv, markedRuns, planInstruments } from './instruments-view.ts';

const base = PlanDocumentSchema.parse(JSON.parse(readFileSync('tests/fixtures/golden/beichen-head.json', 'utf8')));
const mention = (instrumentId: string, blockId: string, sentence: string): InstrumentMention => ({ instrumentId, blockId, cell: null, line: 1, sentence, forms: [sentence.slice(0, 2)] });
const plan = (slug: string, title: string, instruments: InstrumentMention[]): PlanDocument => ({
  ...base,
  slug,
  meta: { ...base.meta, title: { ...base.meta.title!, value: title } },
  instruments,
});
const instrument = (id: string, category: Instrument['category']): Instrument => ({
  id,
  name: id,
  forms: [id],
  patterns: [],
  notIn: [],
  category,
  definition: { text: '释义。', textEn: 'A definition.', editors: true },
  nameEn: id,
  nameEnSource: 'editors',
  glossary: [],
});

const REGISTRY = [instrument('quan', 'fiscal'), instrument('fuhua', 'carrier'), instrument('baoxian', 'finance'), instrument('tiexi', 'fiscal')];
const PLANS = [
  plan('a', '甲规划', [mention('fuhua', 'p1', '孵化器一。'), mention('quan', 'p2', '创新券。'), mention('fuhua', 'p3', '孵化器二。')]),
  plan('b', '乙规划', []),
  plan('c', '丙规划', [mention('baoxian', 'p9', '保险。')]),
];

describe('instrumentMatrix(plans, instruments)', () => {
  const m = instrumentMatrix(PLANS, REGISTRY);
  test('columns are the plans naming an instrument; the others are listed apart', () => {
    expect(m.plans.map((p) => p.slug)).toEqual(['a', 'c']);
    expect(m.plansWithout).toEqual([{ slug: 'b', title: '乙规划' }]);
  });
  test('rows by category in the fixed order (财政与税收, 科技金融, 载体与共享 …), registry order inside; cells count sentences', () => {
    expect(m.groups.map((g) => [g.label, g.rows.map((r) => `${r.instrument.id}:${r.cells.join(',')}`)])).toEqual([
      ['财政与税收', ['quan:1,0', 'tiexi:0,0']],
      ['科技金融', ['baoxian:0,1']],
      ['载体与共享', ['fuhua:2,0']],
    ]);
    expect(m.filled).toBe(3);
  });
});

describe('instrumentPassages and planInstruments', () => {
  test('an instrument’s sentences by plan, plans without any left out', () => {
    expect(instrumentPassages(PLANS, 'fuhua').map((g) => [g.slug, g.mentions.map((x) => x.blockId)])).toEqual([['a', ['p1', 'p3']]]);
    expect(instrumentPassages(PLANS, 'tiexi')).toEqual([]);
  });
  test('a plan’s instruments in registry order, each with its sentences', () => {
    expect(planInstruments(PLANS[0]!, REGISTRY).map((x) => [x.instrument.id, x.mentions.length])).toEqual([
      ['quan', 1],
      ['fuhua', 2],
    ]);
    expect(planInstruments(PLANS[1]!, REGISTRY)).toEqual([]);
  });
});

describe('markedRuns(sentence, forms)', () => {
  test('marks every occurrence of every form, longest first, and keeps the text whole', () => {
    const runs = markedRuns('支持众创空间、孵化器和科技企业孵化器。', ['孵化器', '众创空间']);
    expect(runs).toEqual([
      { text: '支持', marked: false },
      { text: '众创空间', marked: true },
      { text: '、', marked: false },
      { text: '孵化器', marked: true },
      { text: '和科技企业', marked: false },
      { text: '孵化器', marked: true },
      { text: '。', marked: false },
    ]);
    expect(markedRuns('a+b(c)', ['+b(']).map((r) => r.text).join('')).toBe('a+b(c)');
  });
});

describe('instrumentsCsv(plans, instruments, urlOf)', () => {
  test('one row per mention, with a BOM, CRLF and quoted fields where needed', () => {
    const plans = [plan('a', '甲', [mention('quan', 'p2', '创新券，"试点"。')])];
    expect(instrumentsCsv(plans, REGISTRY, (s, b) => `https://x.org/plans/${s}/#${b}`)).toBe(
      '\ufeffplan,instrument,instrument_name,block,line,sentence,url\r\na,quan,quan,p2,1,"创新券，""试点""。",https://x.org/plans/a/#p2\r\n',
    );
  });
});
