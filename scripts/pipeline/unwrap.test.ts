import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadRegistries } from '../registries.ts';
import type { WorkLine } from './corrections.ts';
import { buildPlanDocument } from './document.ts';
import { expectedLines, findFirstLoss, modelText } from './lossless.ts';
import { richTextsOf } from './marks.ts';
import { displayWidth, unwrapLines } from './unwrap.ts';

const reg = loadRegistries('seeds', 'content');
const build = (name: string, text: string) => buildPlanDocument({ name, path: name, bytes: Buffer.from(text) }, reg);

/** Work lines of `text` as the stages before give them: blank lines gone, numbers kept, nothing repaired. */
function workLines(text: string): WorkLine[] {
  return text
    .split('\n')
    .map((raw, i) => ({ n: i + 1, raw, text: raw.trim(), repairs: [] }))
    .filter((l) => l.text !== '');
}
const texts = (text: string, removed: number[] = []) => unwrapLines(workLines(text), new Set(removed)).lines.map((l) => l.text);

// tests/fixtures/wrapped/: paragraphs.txt is the text as written, a paragraph a line; make.mjs set it in the official
// format (28 characters a line, `— N —` at the foot), printed it to PDF in Chromium and copied it out with pdftotext,
// once in reading order (wrapped.txt: every indent lost), once with -layout (wrapped-layout.txt: indents kept), and
// once more in reading order with bare page numbers (wrapped-bare.txt: `1` at the foot).
const PARAGRAPHS = readFileSync('tests/fixtures/wrapped/paragraphs.txt', 'utf8').trimEnd().split('\n');
/** The fixtures' page numbers (`—1—`, or a bare `1` before the page break), as read from them. */
const PAGE_NUMBER = /^\s*(—\d+—|\d)\s*$/u;

describe('unwrapLines: a text copied out of a PDF, broken at the printed line', () => {
  for (const file of ['wrapped.txt', 'wrapped-layout.txt', 'wrapped-bare.txt']) {
    const source = readFileSync(`tests/fixtures/wrapped/${file}`, 'utf8');
    const doc = build(file, source);

    test(`${file}: every paragraph as written is one block again (a run-in heading and its text two)`, () => {
      const blocks = doc.blocks.map((b) => richTextsOf(b).map((r) => r.text).join(''));
      const read: string[] = [];
      for (let i = 0, k = 0; i < PARAGRAPHS.length; i++) {
        let text = blocks[k++] ?? '';
        // A heading with its sentence on the same line (（一）强化…。实施…) is a heading block and a paragraph.
        while (text !== PARAGRAPHS[i] && PARAGRAPHS[i]!.startsWith(text) && k < blocks.length) text += blocks[k++];
        read.push(text);
      }
      expect(read).toEqual(PARAGRAPHS);
      expect(doc.blocks).toHaveLength(PARAGRAPHS.length + 3);
    });

    test(`${file}: the printed line is 28 characters; every break inside a paragraph is joined, the page numbers listed`, () => {
      const lines = source.split('\n').filter((l) => l.trim() !== '' && !PAGE_NUMBER.test(l));
      // The notice title's two lines are joined by the front reader, as in any text; every other break here.
      expect(doc.source.lineWrap).toEqual({ width: 28, joins: lines.length - PARAGRAPHS.length - 1 });
      const numbers = file === 'wrapped-bare.txt' ? ['1', '2'] : ['—1—', '—2—'];
      expect(doc.removed.map((r) => `${r.text.trim()} ${r.kind} ${r.rule} ${r.label}`)).toEqual(numbers.map((n) => `${n} print page number 页码`));
    });

    test(`${file}: nothing is lost, and each block lists every line it was read from`, () => {
      expect(findFirstLoss(expectedLines(source, doc), modelText(doc))).toBeNull();
      const listed = doc.blocks.flatMap((b) => b.lines);
      const textLines = source.split('\n').flatMap((l, i) => (l.trim() !== '' && !PAGE_NUMBER.test(l) ? [i + 1] : []));
      // Each source line is listed; a run-in heading and its text share their first line.
      expect([...new Set(listed)].sort((a, b) => a - b)).toEqual(textLines);
    });

    test(`${file}: the targets of a paragraph broken over four lines are read whole`, () => {
      // 二、主要目标, read by hand from paragraphs.txt.
      expect(doc.targets.filter((t) => t.year === 2025 && t.measure === 'level').slice(0, 5).map((t) => `${t.valueText} ${t.indicatorId}`)).toEqual([
        '2.8% rd-intensity',
        '1200家 high-tech-enterprises',
        '2500家 tech-smes',
        '8件 high-value-invention-patents-per-10k',
        '150亿元 technology-contract-turnover',
      ]);
      expect(doc.responsibilities.map((r) => r.blockId)).toEqual(['p3-1-1', 'p3-2-1', 'p3-3-1']);
    });

    test(`${file}: each value, support standard and responsibility names the printed line it stands on`, () => {
      // In the fixture each of these values is printed once; its line is the one that holds it.
      const sourceLines = source.split('\n');
      const lineOf = (words: string) => sourceLines.findIndex((l) => l.includes(words)) + 1;
      expect(doc.targets.map((t) => `${t.valueText} ${t.line}`)).toEqual(doc.targets.map((t) => `${t.valueText} ${lineOf(t.valueText)}`));
      expect(new Set(doc.targets.map((t) => t.line)).size).toBeGreaterThan(5);
      expect(doc.incentives.map((i) => `${i.valueText} ${i.line}`)).toEqual([`500万元 ${lineOf('500万元')}`]);
      // Each （责任单位： is on the first line holding one after the one before.
      let after = 0;
      const clauseLines = doc.responsibilities.map((r) => {
        after = sourceLines.findIndex((l, k) => k >= after && l.includes(r.raw.slice(0, 5))) + 1;
        return after;
      });
      expect(doc.responsibilities.map((r) => r.line)).toEqual(clauseLines);
      expect(new Set(clauseLines).size).toBe(3);
    });
  }

  // tests/fixtures/wrapped/chapters.json: a plan with a table of contents (dot leaders, page numbers) and chapters,
  // printed and copied out the same way (make.mjs), in reading order (the page numbers on lines of their own) and with -layout.
  const CHAPTERS = (JSON.parse(readFileSync('tests/fixtures/wrapped/chapters.json', 'utf8')) as { entries: string[][] }).entries;
  const squash = (t: string) => t.replace(/[\s\u3000]+/gu, '');
  for (const file of ['chapters.txt', 'chapters-layout.txt']) {
    test(`${file}: the contents stay out of the outline and the targets, chapters and headings are the outline, paragraphs whole`, () => {
      const doc = build(file, readFileSync(`tests/fixtures/wrapped/${file}`, 'utf8'));
      expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => squash(b.text))).toEqual(CHAPTERS.filter(([k]) => ['chapter', 'section', 'h'].includes(k!)).map(([, t]) => squash(t!)));
      expect(doc.blocks.filter((b) => b.kind === 'paragraph' && b.role === 'body').map((b) => b.kind === 'paragraph' && b.text)).toEqual(CHAPTERS.filter(([k]) => k === 'p').map(([, t]) => t));
      const toc = new Set(doc.blocks.filter((b) => b.kind === 'paragraph' && b.role === 'toc').map((b) => b.id));
      expect(toc.size).toBeGreaterThanOrEqual(3);
      expect(doc.targets.filter((t) => toc.has(t.blockId))).toEqual([]);
      expect(doc.targets.map((t) => t.valueText)).toEqual(['1.6%', '2.1%', '210家', '650家', '80亿元', '2.8%', '1200家', '8件']);
    });
  }

  test('a web page (a line per paragraph, of every width) is left as it is', () => {
    const page = [
      '某市科技创新行动方案',
      '一、总体要求',
      '坚持创新驱动发展，以企业为主体、市场为导向、产学研深度融合，着力构建开放协同高效的区域创新体系，为全市高质量发展提供有力支撑',
      '二、主要目标',
      '到2025年，全社会研发经费投入强度达到2.8%，高新技术企业达到1200家',
      '三、重点任务',
      '实施高新技术企业倍增计划，每年新增高新技术企业200家以上，支持龙头企业牵头组建创新联合体',
      '建设高能级创新平台，新增省级以上重点实验室10家',
    ].join('\n');
    const lines = workLines(page);
    const result = unwrapLines(lines, new Set());
    expect(result.wrap).toBeNull();
    expect(result.lines).toBe(lines);
    // Some of a page's paragraphs, of one width by chance, lost their full stop; its other paragraphs run far wider
    // than that width, which no printed page's lines do.
    const lostStops = [
      '坚持创新驱动发展战略，着力构建区域创新体系', // 20 characters, no 。
      '加快建设科技创新平台，提升企业自主创新能力',
      '深化科技体制机制改革，激发各类人才创新活力',
      '到2025年，全社会研发经费投入强度达到2.8%，高新技术企业达到1200家，技术合同成交额达到150亿元，科技创新能力显著增强。',
      '实施高新技术企业倍增计划，每年新增高新技术企业200家以上，支持龙头企业牵头组建创新联合体，推动产业链创新链深度融合。',
      '建设高能级创新平台，新增省级以上重点实验室10家、技术创新中心15家，培育一批新型研发机构，提升源头创新能力。',
    ].join('\n');
    expect(unwrapLines(workLines(lostStops), new Set()).wrap).toBeNull();
  });

  // A made-up page of 20 characters a line (40 half-width units), written by hand.
  const PAGE = [
    '为加快建设创新型城市，推动科技创新和产业',
    '创新深度融合，制定本方案。',
    '一、主要目标',
    '到2025年，全市高新技术企业数量达到1200',
    '家，研发经费投入强度达到2.8%，技术合同',
    '成交额达到150亿元，科技创新能力明显',
    '增强。',
    '各县（市、区）要加强组织领导，建立健全',
    '工作推进机制，将科技创新工作纳入综合绩效',
    '评价，确保各项任务落到实处。',
  ];

  test('joins the lines that reach the margin mid-sentence, not a heading or a paragraph’s last line', () => {
    expect(texts(PAGE.join('\n'))).toEqual([
      '为加快建设创新型城市，推动科技创新和产业创新深度融合，制定本方案。',
      '一、主要目标',
      '到2025年，全市高新技术企业数量达到1200家，研发经费投入强度达到2.8%，技术合同成交额达到150亿元，科技创新能力明显增强。',
      '各县（市、区）要加强组织领导，建立健全工作推进机制，将科技创新工作纳入综合绩效评价，确保各项任务落到实处。',
    ]);
    expect(unwrapLines(workLines(PAGE.join('\n')), new Set()).wrap).toEqual({ width: 20, joins: 6 });
  });

  test('a blank line ends the paragraph; a page number between two lines does not', () => {
    const withBlank = [...PAGE.slice(0, 4), '', ...PAGE.slice(4)].join('\n');
    expect(texts(withBlank)[2]).toBe('到2025年，全市高新技术企业数量达到1200');
    // Line 5 is `— 2 —`, taken out as chrome by the stage before: the paragraph runs on over it.
    const withPageNumber = [...PAGE.slice(0, 4), '— 2 —', ...PAGE.slice(4)].join('\n');
    const lines = workLines(withPageNumber).filter((l) => l.n !== 5);
    expect(unwrapLines(lines, new Set([5])).lines.map((l) => l.text)[2]).toMatch(/^到2025年.*明显增强。$/u);
  });

  test('a line that starts a heading, an item, a box or an annex is never joined on; a decimal is', () => {
    for (const start of ['（一）强化企业主体地位', '1.建设创新平台', '专栏1 重点工程', '附件：重点任务分工表', '①实施倍增计划']) {
      const text = [...PAGE.slice(0, 4), start, ...PAGE.slice(5)].join('\n');
      expect(texts(text)).toContain(start);
    }
    expect(texts([...PAGE.slice(0, 4), '2.8%，研发经费投入强度明显提高，技术合同', ...PAGE.slice(5)].join('\n'))[2]).toContain('1200' + '2.8%，');
  });

  test('a line closed by a sentence mark, or by a note of who is responsible, ends the paragraph (no indents to tell)', () => {
    const closed = ['为加快建设创新型城市，推动科技创新发展。', '创新深度融合，制定本方案。', ...PAGE.slice(2)].join('\n');
    expect(texts(closed).slice(0, 2)).toEqual(['为加快建设创新型城市，推动科技创新发展。', '创新深度融合，制定本方案。']);
    const noted = [...PAGE, '实施高企倍增计划。（责任单位：市科技局）', '各县要加强组织领导，建立工作机制。'].join('\n');
    expect(texts(noted).slice(-2)).toEqual(['实施高企倍增计划。（责任单位：市科技局）', '各县要加强组织领导，建立工作机制。']);
  });

  test('where the text indents its paragraphs, an indented line starts one whatever ends the line before', () => {
    const indented = [
      '　　为加快建设创新型城市，推动科技创新和产',
      '业创新深度融合，制定本方案。各地要抓好落实',
      '　　到2025年，全市高新技术企业数量达到120',
      '0家。研发经费投入强度达到2.8%，技术合同成',
      '交额达到150亿元，科技创新能力明显增强。',
      '　　各县要加强组织领导，建立健全工作推进机',
      '制，确保各项任务落到实处。',
    ].join('\n');
    expect(texts(indented)).toEqual([
      '为加快建设创新型城市，推动科技创新和产业创新深度融合，制定本方案。各地要抓好落实',
      '到2025年，全市高新技术企业数量达到1200家。研发经费投入强度达到2.8%，技术合同成交额达到150亿元，科技创新能力明显增强。',
      '各县要加强组织领导，建立健全工作推进机制，确保各项任务落到实处。',
    ]);
  });

  test('an article (第二条) starts a paragraph of its own; the ideographic space after its number is no layout', () => {
    const measure = [
      '某市支持科技创新若干措施',
      '第一条　为深入实施创新驱动发展战略，加快建设创新型城',
      '市，结合我市实际，制定本措施。本措施适用于在本市注册',
      '第二条　对首次认定的高新技术企业，给予20万元奖励；对',
      '重新认定的高新技术企业，给予10万元奖励。',
      '第三条　对新认定的国家级重点实验室，给予500万元支持',
      '第四条　本措施自发布之日起施行，有效期3年。由市科技局',
      '负责解释。',
    ].join('\n');
    expect(texts(measure)).toEqual([
      '某市支持科技创新若干措施',
      '第一条　为深入实施创新驱动发展战略，加快建设创新型城市，结合我市实际，制定本措施。本措施适用于在本市注册',
      '第二条　对首次认定的高新技术企业，给予20万元奖励；对重新认定的高新技术企业，给予10万元奖励。',
      '第三条　对新认定的国家级重点实验室，给予500万元支持',
      '第四条　本措施自发布之日起施行，有效期3年。由市科技局负责解释。',
    ]);
  });

  test('table rows and contents lines are laid out, not wrapped', () => {
    const table = [...PAGE.slice(0, 2), '序号\t指标名称\t2025年目标值\t责任单位（牵头）', '1\t高新技术企业数量（家）\t1200\t市科技局', ...PAGE.slice(2)].join('\n');
    expect(texts(table)).toContain('序号\t指标名称\t2025年目标值\t责任单位（牵头）');
  });

  test('a joined line keeps each repair on its own source line, and Latin words a space apart', () => {
    const lines = workLines(PAGE.join('\n'));
    // A repair on line 5 (the second line of the paragraph), at its column 3.
    lines[4] = { ...lines[4]!, repairs: [{ start: 3, end: 4, column: 3, original: '&nbsp;', replacement: ' ', reason: 'r', reasonEn: 'r', source: 'residue' }] };
    const joined = unwrapLines(lines, new Set()).lines[2]!;
    // Offsets where lines 5, 6 and 7 begin: after `到2025年…1200` (23 characters), then 21 and 19 more.
    expect(joined.breaks).toEqual([
      { at: 23, line: 5 },
      { at: 44, line: 6 },
      { at: 63, line: 7 },
    ]);
    expect(joined.repairs).toEqual([{ start: 26, end: 27, column: 3, original: '&nbsp;', replacement: ' ', reason: 'r', reasonEn: 'r', source: 'residue', line: 5 }]);
    const english = ['推动科技创新深度融合，加大Research and', 'Development投入，制定本方案。', ...PAGE.slice(2)].join('\n');
    expect(texts(english)[0]).toBe('推动科技创新深度融合，加大Research and Development投入，制定本方案。');
  });

  test('width: a Chinese character or full-width form is two half-width units, ASCII one', () => {
    expect(displayWidth('到2025年，达到2.8%')).toBe(2 + 4 + 2 + 2 + 4 + 4);
    expect(displayWidth('“十四五”—１２')).toBe(16);
  });

  test('a residue on a paragraph’s second line is listed on that line, and the page still shows every character', () => {
    const text = [
      '某市科技创新行动方案',
      ...PAGE.slice(0, 4),
      '家，研发经费<br>投入强度达到2.8%，技术合同',
      ...PAGE.slice(5),
    ].join('\n');
    const doc = build('w.txt', text);
    expect(doc.repairs.map((r) => `${r.line}:${r.column} ${r.original}`)).toEqual(['6:6 <br>']);
    expect(doc.blocks.find((b) => b.id === 'p1-1')?.lines).toEqual([5, 6, 7, 8]);
    expect(findFirstLoss(expectedLines(text, doc), modelText(doc))).toBeNull();
  });
});
