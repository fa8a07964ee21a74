import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Block, Mark, PlanDocument, TableCell } from '../../src/schemas/plan.ts';
import type { Term } from '../../src/schemas/glossary.ts';
import { loadRegistries } from '../registries.ts';
import { buildPlanDocument } from './document.ts';
import { findForms, foldWidth, glossaryForms, markTerms, parseGlossary, termSectionIds } from './terms.ts';
import { richTextAt, type BlockMark } from './marks.ts';

const ROOT = join(import.meta.dirname, '..', '..');

const heading = (id: string, level: number, title: string): Block => ({ kind: 'heading', id, lines: [1], part: 'body', level, ordinal: 1, number: '', title, text: title, marks: [] });
const para = (id: string, text: string, marks: Mark[] = []): Block => ({ kind: 'paragraph', id, lines: [1], part: 'body', role: 'body', text, marks });
const cell = (text: string): TableCell => ({ text, marks: [], note: null, noteEn: null });

const term = (id: string, t: string, aliases: string[] = [], notIn: string[] = []): Term => ({ id, term: t, aliases, nameEn: id, nameEnSource: 'editors', definition: { text: '释义', textEn: 'A definition.', editors: true }, byRegion: [], see: [], notIn });
const GLOSSARY: Term[] = [
  term('gaoxin', '高新技术企业', ['高企', '国家高新技术企业'], ['提高企业']),
  term('qiye', '企业'),
  term('chuying', '雏鹰企业', ['“雏鹰”企业', '雏鹰'], ['雏鹰贷']),
  term('lingjun', '科技领军企业', ['科技领军(培育)企业']),
  term('zhongchuang', '众创空间'),
];
const FORMS = glossaryForms(GLOSSARY);
const spans = (text: string, blocked: { start: number; end: number }[] = []) => findForms(text, FORMS, blocked).map((m) => `${m.id}:${text.slice(m.start, m.end)}`);

describe('findForms(text, forms, blocked)', () => {
  test('the longest form wins at a position: 高新技术企业 is not split into 企业', () => {
    expect(spans('全区高新技术企业总量突破530家')).toEqual(['gaoxin:高新技术企业']);
  });
  test('prefers the leftmost match, then the longest: 国家高新技术企业 over 高新技术企业', () => {
    expect(spans('从京冀整体迁入的国家高新技术企业')).toEqual(['gaoxin:国家高新技术企业']);
  });
  test('finds quoted forms as written', () => {
    expect(spans('“雏鹰”企业、“瞪羚”企业')).toEqual(['chuying:“雏鹰”企业', 'qiye:企业']);
  });
  test('ignores a form inside one of its notIn words', () => {
    expect(spans('提高企业研发能力')).toEqual(['qiye:企业']);
    expect(spans('加大雏鹰贷、瞪羚贷等产品宣传')).toEqual([]);
  });
  test('treats full- and half-width brackets as the same', () => {
    expect(spans('科技领军（培育）企业分别达到25家')).toEqual(['lingjun:科技领军（培育）企业']);
  });
  test('drops matches overlapping a blocked span, letting a shorter form match outside it', () => {
    const text = '国家高新技术企业';
    expect(spans(text, [{ start: 0, end: 2 }])).toEqual(['gaoxin:高新技术企业']);
  });
});

describe('foldWidth(s)', () => {
  test('maps full-width ASCII to ASCII without changing the length', () => {
    const s = '（责任单位：区科技局）Ｒ＆Ｄ';
    expect(foldWidth(s)).toBe('(责任单位:区科技局)R&D');
    expect(foldWidth(s)).toHaveLength(s.length);
  });
});

describe('termSectionIds(blocks)', () => {
  test('starts a section at each level-1 and level-2 heading, not at level 3; text before is section null', () => {
    const blocks = [para('p0-1', ''), heading('s1', 1, '总体要求'), heading('s1-1', 2, '指导思想'), heading('s1-1-1', 3, '任务'), para('p1-1-1-1', '')];
    expect(termSectionIds(blocks)).toEqual([null, 's1', 's1-1', 's1-1', 's1-1']);
  });
});

describe('markTerms(blocks, glossary)', () => {
  const marked = (blocks: Block[]) =>
    markTerms(blocks, GLOSSARY).map(({ blockId, mark, cell }) => {
      const rich = richTextAt(blocks.find((b) => b.id === blockId)!, cell);
      return `${blockId}${cell ? `@${cell.part}${cell.row},${cell.col}` : ''}:${rich.text.slice(mark.start, mark.end)}`;
    });

  test('marks only the first mention of a term in a section', () => {
    const blocks = [heading('s2-4', 2, '强化企业创新主体作用'), para('p1', '大力培育国家高新技术企业。'), para('p2', '引导人才向高新技术企业聚集。')];
    expect(marked(blocks)).toEqual(['p1:国家高新技术企业']);
  });
  test('marks the term again in the next level-2 section', () => {
    const blocks = [heading('s1-2', 2, '工作目标'), para('p1', '众创空间达到5家。'), heading('s2-1', 2, '加快培育创新生态'), para('p2', '打造众创空间。')];
    expect(marked(blocks)).toEqual(['p1:众创空间', 'p2:众创空间']);
  });
  test('does not restart at a level-3 heading', () => {
    const blocks = [heading('s2-4', 2, '（四）'), heading('s2-4-1', 3, '1.'), para('p1', '众创空间'), heading('s2-4-2', 3, '2.'), para('p2', '众创空间')];
    expect(marked(blocks)).toEqual(['p1:众创空间']);
  });
  test('an alias counts as a mention of its term', () => {
    const blocks = [heading('s4-4', 2, '实施创新型企业培育工程'), para('p1', '高企提质扩容'), para('p2', '加强高新技术企业扶持培育')];
    expect(marked(blocks)).toEqual(['p1:高企']);
  });
  test('never marks inside a citation; the next mention is marked instead', () => {
    const text = '落实《众创空间发展办法》，建设众创空间。';
    const citation: Mark = { kind: 'citation', start: 2, end: 12, citationId: 'c1' };
    expect(marked([para('p1', text, [citation])])).toEqual(['p1:众创空间']);
    expect(markTerms([para('p1', text, [citation])], GLOSSARY)[0]!.mark.start).toBe(text.lastIndexOf('众创空间'));
  });
  test('never marks inside or across a repair', () => {
    const text = '科技型中小企业179家、雏鹰企业40家';
    const repair: Mark = { kind: 'repair', start: 0, end: text.length, repairId: 'r2' };
    expect(marked([para('p1', text, [repair])])).toEqual([]);
  });
  test('does not mark headings or titles, only the text under them', () => {
    const blocks = [heading('s2-4-1', 2, '大力培育国家高新技术企业'), para('p1', '推动高新技术企业培育库建设')];
    expect(marked(blocks)).toEqual(['p1:高新技术企业']);
  });
  test('marks table cells and says which cell', () => {
    const table: Block = {
      kind: 'table',
      id: 't1',
      lines: [1],
      part: 'body',
      caption: { text: '高新技术企业数量表', marks: [] },
      captionLine: 1,
      head: [[cell('序号'), cell('工作目标')]],
      rows: [
        [cell('3'), cell('高新技术企业数量（家）')],
        [cell('5'), cell('“雏鹰”企业数量（家）')],
      ],
      rowHeader: null,
      notes: [], notesEn: [],
    };
    expect(marked([table])).toEqual(['t1@rows0,1:高新技术企业', 't1@rows1,1:“雏鹰”企业']);
  });
  test('gives term marks with the term id and offsets in the block text', () => {
    expect(markTerms([para('p1', '打造众创空间')], GLOSSARY)).toEqual([{ blockId: 'p1', mark: { kind: 'term', start: 2, end: 6, termId: 'zhongchuang' } }]);
  });
});

describe('richTextAt(block, cell)', () => {
  test('is the block itself without a cell', () => {
    const p = para('p1', '众创空间');
    expect(richTextAt(p)).toBe(p);
  });
  test('refuses a cell of a block that is not a table', () => {
    expect(() => richTextAt(para('p1', ''), { part: 'rows', row: 0, col: 0 })).toThrow(/not a table/u);
  });
});

describe('parseGlossary(yamlText, file)', () => {
  test('rejects a see reference to a missing term, naming the line', () => {
    const yaml = ['- id: a', '  term: 众创空间', '  nameEn: Maker space', '  nameEnSource: editors', '  definition: { text: 释义, textEn: A definition., editors: true }', '  see: [b]'].join('\n');
    expect(() => parseGlossary(yaml, 'glossary.yaml')).toThrow(/glossary\.yaml:6 › 0\.see\.0: no term has id b/u);
  });
  test('rejects a form claimed by two terms', () => {
    const yaml = ['- { id: a, term: 孵化器, nameEn: a, nameEnSource: editors, definition: { text: 释义, textEn: A definition., editors: true } }', '- { id: b, term: 科技企业孵化器, aliases: [孵化器], nameEn: b, nameEnSource: editors, definition: { text: 释义, textEn: A definition., editors: true } }'].join('\n');
    expect(() => parseGlossary(yaml, 'g.yaml')).toThrow(/g\.yaml:2 › 1\.aliases\.0: 孵化器 is already a form of a/u);
  });
  test('rejects a notIn word that contains no form of the term', () => {
    const yaml = '- { id: a, term: 高企, nameEn: a, nameEnSource: editors, definition: { text: 释义, textEn: A definition., editors: true }, notIn: [提高] }';
    expect(() => parseGlossary(yaml, 'g.yaml')).toThrow(/0\.notIn\.0: 提高 contains no form of 高企/u);
  });
});

describe('markTerms on the real seeds', () => {
  const reg = loadRegistries(join(ROOT, 'seeds'), join(ROOT, 'content'), ROOT);
  const glossary = parseGlossary(readFileSync(join(ROOT, 'content', 'glossary.yaml'), 'utf8'), 'content/glossary.yaml');
  const docs: PlanDocument[] = Object.keys(reg.catalog).map((name) =>
    buildPlanDocument({ name, path: `seeds/${name}`, bytes: readFileSync(join(ROOT, 'seeds', name)) }, reg),
  );
  const bySlug = new Map(docs.map((d) => [d.slug, d]));
  const textOf = (doc: PlanDocument, m: BlockMark) => {
    const rich = richTextAt(doc.blocks.find((b) => b.id === m.blockId)!, m.cell);
    return rich.text.slice(m.mark.start, m.mark.end);
  };
  /** The term marks the pipeline put on a built document (buildPlanDocument runs markTerms last). */
  const termMarks = (doc: PlanDocument): BlockMark[] =>
    doc.blocks.flatMap((b) => {
      if (b.kind !== 'table') return b.marks.filter((m) => m.kind === 'term').map((mark) => ({ blockId: b.id, mark }));
      return (['head', 'rows'] as const).flatMap((part) =>
        b[part].flatMap((row, r) => row.flatMap((cell, c) => cell.marks.filter((m) => m.kind === 'term').map((mark) => ({ blockId: b.id, mark, cell: { part, row: r, col: c } })))),
      );
    });

  test('the glossary has the terms the plans share', () => {
    const forms = new Set(glossary.flatMap((t) => [t.term, ...t.aliases]));
    for (const f of ['雏鹰企业', '瞪羚企业', '科技领军企业', '高新技术企业', '高企', '科技型中小企业', '科小', '众创空间', '星创天地', '孵化器', '大学科技园', '技术合同成交额', '研发投入强度', '海河英才', '京津冀协同发展', '卡脖子', '独角兽', '专精特新', '双创']) {
      expect(forms.has(f), f).toBe(true);
    }
  });
  test('every mark covers a form of its term, at most once per term and section, overlapping no other mark', () => {
    const forms = new Map(glossary.map((t) => [t.id, new Set([t.term, ...t.aliases].map(foldWidth))]));
    expect(docs).toHaveLength(5);
    for (const doc of docs) {
      const marks = termMarks(doc);
      expect(marks.length).toBeGreaterThan(0);
      const sections = new Map(doc.blocks.map((b, i) => [b.id, termSectionIds(doc.blocks)[i]]));
      const seen = new Set<string>();
      for (const m of marks) {
        if (m.mark.kind !== 'term') throw new Error('not a term mark');
        expect(forms.get(m.mark.termId)!.has(foldWidth(textOf(doc, m)))).toBe(true);
        const key = `${sections.get(m.blockId)}|${m.mark.termId}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
        const { start, end } = m.mark;
        expect(richTextAt(doc.blocks.find((b) => b.id === m.blockId)!, m.cell).marks.filter((x) => x !== m.mark && x.start < end && start < x.end)).toEqual([]);
      }
    }
  });
  test('000: the targets paragraph marks the enterprise tiers as written', () => {
    const doc = bySlug.get('beichen-2020-2022')!;
    const inP = termMarks(doc).filter((m) => m.blockId === 'p1-2-2').map((m) => textOf(doc, m));
    expect(inP).toEqual(['科技成果转移转化', '高新技术企业', '“雏鹰”企业', '“瞪羚”企业', '科技领军(培育)企业', '技术合同成交额', '大学科技园']);
  });
  test('003: the short form 高企 is marked where 高新技术企业 is meant, and terms inside repairs are skipped', () => {
    const doc = bySlug.get('baodi-14th-five-year')!;
    const marks = termMarks(doc);
    expect(marks.filter((m) => m.blockId === 'p1-1-3').map((m) => textOf(doc, m))).toEqual(['科技领军(培育)企业', '高企']);
  });
  test('002: the annex table gets marks in its cells', () => {
    const doc = bySlug.get('hongqiao-2020-2022')!;
    const cells = termMarks(doc).filter((m) => m.cell);
    expect(cells.map((m) => textOf(doc, m))).toEqual(['全社会研发投入强度', '高新技术企业', '国家科技型中小企业', '“雏鹰”企业', '“瞪羚”企业', '技术合同成交额']);
  });
});
