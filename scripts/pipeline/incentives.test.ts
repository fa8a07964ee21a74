import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadRegistries } from '../registries.ts';
import { buildPlanDocument } from './document.ts';

const reg = loadRegistries('seeds', 'content');
const build = (name: string, text: string | Buffer) => buildPlanDocument({ name, path: name, bytes: Buffer.isBuffer(text) ? text : Buffer.from(text) }, reg);
/** Each incentive as `block valueText yuan cap | clause`. */
const read = (text: string) => build('m.txt', text).incentives.map((i) => `${i.blockId} ${i.valueText} ${i.yuan ?? '-'}${i.cap ? ' cap' : ''} | ${i.clause}`);

describe('extractIncentives(blocks): a measure’s support standards', () => {
  // tests/fixtures/measures/006_measures_fixture.txt, read by hand: the amounts of the four articles that grant money,
  // and only those (500万元 in 第一条 is the condition, 500家 in 第二条 a target, 3年 the term).
  test('reads each amount granted or capped, in yuan, with its clause and sentence (the made-up measure)', () => {
    const doc = build('006_measures_fixture.txt', readFileSync('tests/fixtures/measures/006_measures_fixture.txt'));
    expect(doc.incentives.map((i) => `${i.id} ${i.blockId} ${i.valueText} ${i.yuan ?? '-'}${i.cap ? ' cap' : ''} | ${i.clause}`)).toEqual([
      'i1 art1 10% - | 按增量的10%给予奖励',
      'i2 art1 200万元 2000000 cap | 最高不超过200万元',
      'i3 art2 20万元 200000 | 对首次认定的高新技术企业给予20万元奖励',
      'i4 art3 500万元 5000000 | 对新认定的国家级重点实验室给予500万元支持',
      'i5 art4 3000元 3000 | 生活补助标准为每人每月3000元',
      'i6 art4 10万元 100000 cap | 最高可获得10万元',
    ]);
    expect(doc.incentives[0]!.quote).toBe('对年度研发费用超过500万元的企业，按增量的10%给予奖励，最高不超过200万元。');
    // Whom each is for, as its sentence names them after 对, or by its opening clause (第四条: 引进的博士，生活补助…).
    expect(doc.incentives.map((i) => i.recipient)).toEqual(['年度研发费用超过500万元的企业', '年度研发费用超过500万元的企业', '首次认定的高新技术企业', '新认定的国家级重点实验室', '引进的博士', '引进的博士']);
    // The page shows the amount where the offsets say.
    for (const i of doc.incentives) {
      const block = doc.blocks.find((b) => b.id === i.blockId);
      expect(block?.kind === 'paragraph' ? block.text.slice(i.start, i.end) : null).toBe(i.valueText);
    }
    expect(doc.targets.map((t) => t.valueText)).toEqual(['500家']);
  });

  test('the level of what a standard rewards: as whom it is for names it, else its clause; several in order with 分别', () => {
    const levels = (text: string) => build('m.txt', `某区若干措施\n${text}`).incentives.map((i) => `${i.valueText} ${i.level ?? '-'}`);
    expect(levels('对新认定的国家科技企业孵化器，给予100万元奖励。')).toEqual(['100万元 国家级']);
    expect(levels('对获批省级及以上工程技术研究中心的企业，给予30万元资助。')).toEqual(['30万元 省级以上']);
    expect(levels('对新认定的国家级、省级、市级科技企业孵化器，分别给予100万元、50万元、20万元奖励。')).toEqual(['100万元 国家级', '50万元 省级', '20万元 市级']);
    expect(levels('对新认定的科技企业孵化器，国家级给予100万元奖励，省级给予50万元奖励。')).toEqual(['100万元 国家级', '50万元 省级']);
    // Several levels and one amount: it is for all of them, one scope (was none); several amounts and no 分别: which
    // is whose is not written. A region-wide 全区 is not a level.
    expect(levels('对新认定的国家级、省级重点实验室给予奖励，最高不超过500万元。')).toEqual(['500万元 省级以上']);
    expect(levels('对新认定的省级、市级重点实验室给予奖励，最高不超过50万元。')).toEqual(['50万元 省级、市级']);
    expect(levels('对新认定的国家级、省级重点实验室，给予100万元、50万元奖励。')).toEqual(['100万元 -', '50万元 -']);
    expect(levels('对全区首次认定的科技企业孵化器给予20万元奖励。')).toEqual(['20万元 -']);
    // 国家高新技术企业 names a national certification: its subject does not come at levels (content/support-subjects.yaml).
    expect(levels('对首次认定的国家高新技术企业给予20万元奖励。')).toEqual(['20万元 -']);
  });

  test('tiers as measures write them: 分别 after whom, a clause that leaves its verb out, a part after ； naming its own', () => {
    const each = (text: string) => build('m.txt', `某区若干措施\n${text}`).incentives.map((i) => `${i.valueText} ${i.level ?? '-'} ${i.recipient ?? '-'}`);
    expect(each('对新认定的国家级、省级重点实验室分别给予100万元、50万元奖励。')).toEqual(['100万元 国家级 新认定的国家级、省级重点实验室', '50万元 省级 新认定的国家级、省级重点实验室']);
    // 省级50万元，市级20万元: amounts granted as the clause before grants, not targets.
    const tiers = build('m.txt', '某区若干措施\n对新认定的科技企业孵化器，国家级给予100万元奖励，省级50万元，市级20万元。');
    expect(tiers.incentives.map((i) => `${i.valueText} ${i.level ?? '-'} ${i.clause}`)).toEqual(['100万元 国家级 国家级给予100万元奖励', '50万元 省级 省级50万元', '20万元 市级 市级20万元']);
    expect(tiers.targets).toEqual([]);
    expect(each('对获批国家级众创空间的，一次性奖励30万元；获批省级众创空间的，一次性奖励10万元。')).toEqual(['30万元 国家级 获批国家级众创空间的', '10万元 省级 获批省级众创空间的']);
    // A part after ； that names no one is still the first part's; 同时 names no one.
    expect(each('对首次认定的高新技术企业给予20万元奖励；单个企业最高不超过50万元。')).toEqual(['20万元 - 首次认定的高新技术企业', '50万元 - 首次认定的高新技术企业']);
    expect(each('对新认定的科技企业孵化器给予20万元奖励；同时，给予最高10万元运营补贴。')).toEqual(['20万元 - 新认定的科技企业孵化器', '10万元 - 新认定的科技企业孵化器']);
    // A level just before each amount; a standard set after a colon, its provision's number not whom it is for.
    expect(each('对新认定的科技企业孵化器，按照国家级100万元、省级50万元、市级20万元的标准给予一次性奖励。').map((x) => x.split(' ').slice(0, 2).join(' '))).toEqual(['100万元 国家级', '50万元 省级', '20万元 市级']);
    const colon = build('m.txt', '某区若干措施\n一、支持平台建设\n（二）新认定的重点实验室，奖励标准为：国家级200万元，省级100万元。');
    expect(colon.incentives.map((i) => `${i.valueText} ${i.level ?? '-'} ${i.recipient ?? '-'}`)).toEqual(['200万元 国家级 新认定的重点实验室', '100万元 省级 新认定的重点实验室']);
    expect(colon.targets).toEqual([]);
    // A cap inside the grant (给予不超过…的补助) is read, not left out as a threshold; 每引进1名 is no target.
    expect(read('某市若干措施\n对企业研发投入给予不超过50万元的补助。')).toEqual(['p0-1 50万元 500000 cap | 对企业研发投入给予不超过50万元的补助']);
    expect(build('m.txt', '某市若干措施\n每引进1名博士研究生，给予用人单位5万元补贴。').targets).toEqual([]);
    // An amount alone after a sentence's end, or after no standard, is not one (a target reads as before).
    expect(build('m.txt', '某区若干措施\n对新认定的科技企业孵化器给予20万元奖励。全区新增孵化器5家。').targets.map((t) => t.valueText)).toEqual(['5家']);
  });

  test('money and shares only: a count of people in the clause is neither', () => {
    expect(read('某市人才若干措施\n每年评选10名优秀人才，每人一次性奖励5万元。')).toEqual(['p0-1 5万元 50000 | 每人一次性奖励5万元']);
    expect(read('某市若干措施\n对新认定的科技企业孵化器，给予1.5亿元资助；按其实际投入的３０％给予补贴。')).toEqual(['p0-1 1.5亿元 150000000 | 给予1.5亿元资助', 'p0-1 ３０％ - | 按其实际投入的３０％给予补贴']);
  });

  test('a table of standards: each amount in a cell, with its cell and the row’s line; none of them a target', () => {
    // Written for the test, as Word saves a table as text (cells between tabs).
    const doc = build('t.txt', ['某市支持科技创新若干措施', '表1 支持标准一览表', '序号\t支持事项\t支持标准', '1\t首次认定的国家高新技术企业\t给予20万元奖励', '2\t企业研发投入\t按增量的10%给予补助，最高不超过200万元'].join('\n'));
    expect(doc.incentives.map((i) => `${i.id} ${i.blockId} ${JSON.stringify(i.cell)} ${i.line} ${i.valueText} ${i.yuan ?? '-'}${i.cap ? ' cap' : ''} | ${i.clause}`)).toEqual([
      'i1 t1 {"row":0,"col":2} 4 20万元 200000 | 给予20万元奖励',
      'i2 t1 {"row":1,"col":2} 5 10% - | 按增量的10%给予补助',
      'i3 t1 {"row":1,"col":2} 5 200万元 2000000 cap | 最高不超过200万元',
    ]);
    expect(doc.targets).toEqual([]);
  });

  test('a table of standards whose column head gives the unit (支持标准（万元）): each bare amount in it, a cap where its row says 最高', () => {
    // Written for the test, as Word saves a table as text (cells between tabs; the last row's empty note ends it in a tab).
    const doc = build('t.txt', ['某市支持科技创新若干措施', '表1 支持标准一览表', '序号\t支持事项\t支持标准（万元）\t备注', '1\t首次认定的国家高新技术企业\t20\t一次性奖励', '2\t新认定的国家级科技企业孵化器\t100\t最高', '3\t新认定的省级重点实验室\t50\t'].join('\n'));
    expect(doc.incentives.map((i) => `${i.valueText} ${i.unit} ${i.yuan}${i.cap ? ' cap' : ''} ${JSON.stringify(i.cell)} ${i.line} | ${i.recipient} | ${i.subjectId}`)).toEqual([
      '20 万元 200000 {"row":0,"col":2} 4 | 首次认定的国家高新技术企业 | high-tech-enterprises',
      '100 万元 1000000 cap {"row":1,"col":2} 5 | 新认定的国家级科技企业孵化器 | incubators',
      '50 万元 500000 {"row":2,"col":2} 6 | 新认定的省级重点实验室 | labs',
    ]);
    expect(doc.targets).toEqual([]);
    // A table of indicators with the unit in its head is no table of standards: its numbers are targets, not amounts paid.
    const indicators = build('i.txt', ['某市科技创新规划', '表1 主要指标', '序号\t指标\t2025年目标（亿元）', '1\t研发经费投入\t60', '2\t技术合同成交额\t100'].join('\n'));
    expect(indicators.incentives).toEqual([]);
  });

  test('an amount in Chinese numerals (五十万元, 一亿元) is read in yuan, given as written', () => {
    expect(read('某市若干措施\n对首次认定的高新技术企业给予五十万元奖励，最高不超过一亿元。')).toEqual(['p0-1 五十万元 500000 | 对首次认定的高新技术企业给予五十万元奖励', 'p0-1 一亿元 100000000 cap | 最高不超过一亿元']);
  });

  test('is read as the targets are: a cap in full-width digits (最高不超过２００万元), a standard in traditional characters', () => {
    // Broken once: the clause was looked for in the verbatim text, where `最高不超过\d` does not match ２, while the
    // targets read it folded and left it out: the amount was in neither.
    expect(read('某市若干措施\n对首次认定的高新技术企业，最高不超过２００万元。')).toEqual(['p0-1 ２００万元 2000000 cap | 最高不超过２００万元']);
    expect(build('t.txt', '某市若干措施\n對首次認定的高新技術企業給予20萬元獎勵。').incentives.map((i) => [i.valueText, i.yuan, i.recipient, i.clause])).toEqual([
      ['20萬元', 200000, '首次認定的高新技術企業', '對首次認定的高新技術企業給予20萬元獎勵'],
    ]);
  });

  // Clauses of the kind measures print, each read by hand: the amounts granted (a cap marked), whom for.
  test.each([
    { sentence: '对新认定的国家级孵化器，资助额度为100万元。', amounts: ['100万元'], recipient: '新认定的国家级孵化器' },
    { sentence: '对企业购置研发设备的，补助比例不超过30%。', amounts: ['30% cap'], recipient: '企业购置研发设备的' },
    { sentence: '对科技型中小企业贷款给予贴息，贴息比例为50%，每家企业每年贴息额最高30万元。', amounts: ['50%', '30万元 cap'], recipient: '科技型中小企业贷款' },
    { sentence: '经认定的新型研发机构，按其上年度研发经费支出的10%予以奖补，最高不超过500万元。', amounts: ['10%', '500万元 cap'], recipient: '经认定的新型研发机构' },
    { sentence: '入选国家级人才计划的，给予一次性安家补贴100万元。', amounts: ['100万元'], recipient: '入选国家级人才计划的' },
    { sentence: '新获批国家技术创新中心的，支持1000万元。', amounts: ['1000万元'], recipient: '新获批国家技术创新中心的' },
    { sentence: '对技术合同登记额在500万元以上的，按登记额的2%给予奖励，单个企业年度奖励总额不超过100万元。', amounts: ['2%', '100万元 cap'], recipient: '技术合同登记额在500万元以上的' },
    { sentence: '为支持企业创新，按研发费用的10%给予补助。', amounts: ['10%'], recipient: null },
  ])('$sentence', ({ sentence, amounts, recipient }) => {
    const doc = build('m.txt', `某市若干措施\n${sentence}`);
    expect(doc.incentives.map((i) => `${i.valueText}${i.cap ? ' cap' : ''}`)).toEqual(amounts);
    for (const i of doc.incentives) expect(i.recipient).toBe(recipient);
    expect(doc.targets).toEqual([]);
  });

  test('对接, 对外 and the like name no recipient', () => {
    const doc = build('m.txt', '某市若干措施\n对接高校院所，给予每项10万元补助；对外资研发中心，给予20万元奖励。');
    expect(doc.incentives.map((i) => [i.valueText, i.recipient])).toEqual([['10万元', null], ['20万元', null]]);
  });

  test('a clause that also sets a target is a target’s, and text without support standards has none', () => {
    expect(read('某市若干措施\n到2025年，力争给予支持的企业达到100家。')).toEqual([]);
    expect(build('004.txt', readFileSync('seeds/004_d6d163db2a424736.txt')).incentives).toEqual([]);
  });
});

describe('subjectOf: what a support standard rewards (content/support-subjects.yaml)', () => {
  // Clauses of the kind local S&T measures print, each read by hand: what the money is for.
  const SUBJECTS: Record<string, string[]> = {
    'high-tech-enterprises': ['对首次认定的国家高新技术企业，给予30万元一次性奖励。', '对重新认定的高新技术企业给予10万元奖励。', '對首次認定的高新技術企業給予20萬元獎勵。'],
    'tech-smes': ['对入库的科技型中小企业给予1万元奖励。', '对新认定的瞪羚企业给予50万元奖励。'],
    'rd-spending': ['按企业上年度研发费用增量部分的10%给予补助，最高不超过100万元。', '对高新技术企业的研发费用，按其增量的5%给予补助。'],
    'labs': ['对新获批的全国重点实验室，给予1000万元支持。'],
    'technology-centres': ['对新认定的省级工程技术研究中心给予50万元奖励。'],
    'new-rd-institutions': ['对经认定的新型研发机构，按其研发投入的20%给予补助，最高500万元。'],
    'incubators': ['对新认定的国家级科技企业孵化器给予100万元奖励。', '对新备案的国家级众创空间给予50万元奖励。'],
    'technology-transfer': ['对技术合同成交额超过1000万元的技术转移机构，按成交额的1%给予奖励。'],
    'talent': ['对全职引进的院士，给予200万元安家补贴。', '引进的博士，生活补助标准为每人每月3000元。'],
    'patents': ['对新授权的发明专利，每件给予5000元资助。'],
    'science-awards': ['对获得国家科学技术奖一等奖的，给予500万元配套奖励。'],
    'sci-tech-finance': ['对科技型中小企业获得的银行贷款，按贷款利息的50%给予贴息。'],
    'innovation-consortia': ['对牵头组建创新联合体的企业给予最高300万元支持。'],
  };
  test.each(Object.entries(SUBJECTS).flatMap(([subject, sentences]) => sentences.map((sentence) => ({ sentence, subject }))))('$sentence → $subject', ({ sentence, subject }) => {
    const incentives = build('m.txt', `某市若干措施\n${sentence}`).incentives;
    expect(incentives.length).toBeGreaterThan(0);
    for (const i of incentives) expect(i.subjectId).toBe(subject);
  });

  test('a provision numbered （三） is read whole, its number not part of the clause (tests/fixtures/measures/013, by hand)', () => {
    const doc = build('013_district_policies.txt', readFileSync('tests/fixtures/measures/013_district_policies.txt'));
    expect(doc.incentives.map((i) => `${i.valueText} ${i.subjectId} | ${i.clause}`)).toEqual([
      '30万元 high-tech-enterprises | 给予30万元一次性奖励',
      '10万元 high-tech-enterprises | 给予10万元奖励',
      '1万元 tech-smes | 给予每家1万元奖励',
      '5% rd-spending | 按企业上年度研发费用增量部分的5%给予补助',
      '100万元 rd-spending | 单个企业最高不超过100万元',
      '100万元 incubators | 对新认定的国家级科技企业孵化器给予100万元奖励',
      '50万元 incubators | 对新认定的省级科技企业孵化器给予50万元奖励',
      '30万元 technology-centres | 对新认定的省级工程技术研究中心给予30万元奖励',
      '1% technology-transfer | 按成交额的1%给予奖励',
      '50万元 technology-transfer | 最高不超过50万元',
    ]);
  });

  test('a standard whose words name none of the subjects is not grouped', () => {
    expect(build('m.txt', '某市若干措施\n对经评审的项目，给予最高20万元资助。').incentives.map((i) => i.subjectId)).toEqual([null]);
  });

  test('in a table of standards, whom it is for is the row’s cell before the amount (支持事项), and so is the subject', () => {
    const doc = build('t.txt', ['某市支持科技创新若干措施', '表1 支持标准一览表', '序号\t支持事项\t支持标准', '1\t首次认定的国家高新技术企业\t给予20万元奖励', '2\t新认定的区级重点实验室\t给予最高50万元支持'].join('\n'));
    expect(doc.incentives.map((i) => [i.valueText, i.recipient, i.subjectId])).toEqual([
      ['20万元', '首次认定的国家高新技术企业', 'high-tech-enterprises'],
      ['50万元', '新认定的区级重点实验室', 'labs'],
    ]);
  });
});
