import { describe, expect, test } from 'vitest';
import { sourceLines, sourceLinesHtml, type SourceViewLine } from './source-view.ts';
import { buildPlanDocument } from '../../scripts/pipeline/document.ts';
import { loadRegistries } from '../../scripts/registries.ts';
import { ui } from './i18n/index.ts';

// Three lines of each kind, written out by hand as the Astro template of the source view (before 2026-12) drew them.
const repair = { id: 'r1', line: 3, column: 2, original: '<b>', replacement: '', reason: '删去网页残留“<b>”', reasonEn: 'A tag “<b>” left over, removed', source: 'residue' as const, blockId: 'p1' };
const lines: SourceViewLine[] = [
  { n: 1, status: 'removed', segments: [{ text: '位置:首页 & "政策"', repair: null }], note: '网页元素：面包屑导航', removal: { kind: 'chrome', label: '面包屑导航', rule: 'breadcrumb' }, blockId: null },
  { n: 2, status: 'blank', segments: [], note: null, removal: null, blockId: null },
  { n: 3, status: 'body', segments: [{ text: '一、', repair: null }, { text: '<b>', repair }, { text: '总体要求', repair: null }], note: null, removal: null, blockId: 'p1' },
];
const href = (id: string) => `/plans/x/#${id}`;

describe('sourceLinesHtml(lines, words, english, blockHref)', () => {
  test('writes each line as the template did: number link, escaped text, repairs marked with their reading, why a line left, its block', () => {
    expect(sourceLinesHtml(lines, ui('zh-CN').source, false, href)).toBe(
      '<li id="L1" class="removed"><a class="line-no" href="#L1" aria-label="第1行">1</a><span class="line-text">位置:首页 &amp; &quot;政策&quot;</span><span class="line-note">网页元素：面包屑导航</span></li>' +
        '<li id="L2" class="blank"><a class="line-no" href="#L2" aria-label="第2行">2</a><span class="line-text"></span></li>' +
        '<li id="L3" class="body"><a class="line-no" href="#L3" aria-label="第3行">3</a><span class="line-text">一、<a href="/plans/x/#note-r1"><mark title="正文作“”：删去网页残留“<b>”">&lt;b&gt;</mark></a>总体要求</span><a class="line-block" href="/plans/x/#p1">正文</a></li>',
    );
  });
  test('on the English page a repair is marked without a title (no Chinese reason in an English page’s attribute), linked to its entry in the Repairs', () => {
    expect(sourceLinesHtml(lines.slice(2), ui('en').source, true, href)).toBe(
      '<li id="L3" class="body"><a class="line-no" href="#L3" aria-label="line 3">3</a><span class="line-text" lang="zh-CN">一、' +
        '<a href="/plans/x/#note-r1"><mark>&lt;b&gt;</mark></a>总体要求</span> <a class="line-block" href="/plans/x/#p1">in the text</a></li>',
    );
  });
  test('on the English page the lines are marked Chinese and a rule is named in English, the English words spaced from the line', () => {
    const html = sourceLinesHtml(lines.slice(0, 1), ui('en').source, true, href);
    expect(html).toBe(
      '<li id="L1" class="removed"><a class="line-no" href="#L1" aria-label="line 1">1</a><span class="line-text" lang="zh-CN">位置:首页 &amp; &quot;政策&quot;</span> <span class="line-note">page element: breadcrumb</span></li>',
    );
    // A field's Chinese label in a rule's name is marked.
    const field = sourceLinesHtml([{ ...lines[0]!, removal: { kind: 'metadata', label: '来源字段', rule: '来源 field' } }], ui('en').source, true, href);
    expect(field).toContain('<span class="line-note">metadata: <span lang="zh-CN">来源</span> field</span>');
  });
  test('a printed page’s page number is named as the printed page’s, not the web page’s', () => {
    const page = { ...lines[0]!, segments: [{ text: '— 2 —', repair: null }], removal: { kind: 'print' as const, label: '页码', rule: 'page number' } };
    expect(sourceLinesHtml([page], ui('zh-CN').source, false, href)).toContain('<span class="line-note">版面元素：页码</span>');
    expect(sourceLinesHtml([page], ui('en').source, true, href)).toContain('<span class="line-note">printed page: page number</span>');
  });
});

describe('sourceLines(text, doc): a line whose paragraphs ran together', () => {
  // A made-up text joined with nothing between its paragraphs (scripts/pipeline/run-in.ts cuts it into blocks).
  const text = '某区科技创新行动方案为加快建设，制定本方案。一、总体要求（一）指导思想坚持创新驱动发展。（二）工作目标到2025年建成科技园。\n';
  const doc = buildPlanDocument({ name: 'x.txt', path: 'x.txt', bytes: Buffer.from(text) }, loadRegistries('seeds', 'content'));
  const [line] = sourceLines(text, doc);
  test('marks where each block after the first starts, at its place in the line, and keeps every character', () => {
    expect(line!.segments.map((g) => g.text).join('')).toBe(text.trimEnd());
    const starts = line!.segments.flatMap((g, i) => (g.start ? [[g.start, line!.segments[i + 1]!.text.slice(0, 6)]] : []));
    const ids = new Map(doc.blocks.map((b) => [b.id, b.kind === 'heading' ? `${b.number}${b.title}` : b.kind === 'table' ? '' : b.text]));
    expect(starts.length).toBeGreaterThanOrEqual(5);
    for (const [id, after] of starts) expect(ids.get(id!)!.startsWith(after!), `${id} starts with ${after}`).toBe(true);
    expect(starts.map(([, after]) => after)).toEqual(expect.arrayContaining(['一、总体要求', '（一）指导思', '坚持创新驱动', '（二）工作目', '到2025年']));
  });
  test('each mark is a link to its block, named in the reader’s language', () => {
    const html = sourceLinesHtml([line!], ui('zh-CN').source, false, href);
    expect(html).toContain('<a class="block-start" href="/plans/x/#s1" aria-label="正文在此另起一段">¶</a>一、总体要求');
    expect(sourceLinesHtml([line!], ui('en').source, true, href)).toContain('aria-label="the text starts a new paragraph here" lang="en">¶</a>');
  });
});
