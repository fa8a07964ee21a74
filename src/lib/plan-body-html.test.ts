import type { RootContent } from 'mdast';
import { describe, expect, test } from 'vitest';
import type { PlanMarks } from './plan-marks.ts';
import { isShortCell, nodesHtml, type BodyHtmlContext } from './plan-body-html.ts';
import { attr, escapeText } from './html.ts';

/** A JSX element of the body tree, as src/lib/plan-body.ts makes them. */
const el = (name: string, attrs: Record<string, string>, children: RootContent[] = []): RootContent =>
  ({ type: 'mdxJsxTextElement', name, attributes: Object.entries(attrs).map(([k, v]) => ({ type: 'mdxJsxAttribute', name: k, value: v })), children }) as RootContent;
const text = (value: string): RootContent => ({ type: 'text', value });

const marks: PlanMarks = {
  cites: new Map([['c1', { href: '/documents/kejin-tiaoli/', noteLabel: '《天津市科学技术进步条例》' }]]),
  terms: new Map([['chuying', { href: '/glossary/chuying/#tianjin', noteLabel: '术语“雏鹰企业”（天津市的定义）' }]]),
  values: new Map([['v1', { href: '/indicators/rd-intensity/', reading: '研发投入强度 · 水平 · 3.2% · 2022年' }]]),
  related: new Map([['s1', [{ slug: 'hongqiao-2020-2022', planTitle: '红桥区方案（2020-2022年）', sectionId: 's2', title: '（二）育才', themeId: 'talent', themeName: '人才' }]]]),
  reused: new Set(['p2']),
  departments: new Map([['tianjin-unregistered-1a2b', '/departments/region/tianjin-hongqiao/#tianjin-unregistered-1a2b']]),
};
const zh: BodyHtmlContext = { marks, locale: 'zh-CN', site: new URL('https://plans.example.org') };
const html = (nodes: RootContent[], ctx = zh) => nodesHtml(nodes, ctx);

describe('the plan text as HTML (the markup each element had as an Astro component)', () => {
  test.each([
    ['a paragraph with its anchor and ¶ link', [el('Para', { id: 'p1' }, [text('正文')])], '<p id="p1">正文<a class="self-link" href="#p1" data-ui aria-label="本段链接">¶</a></p>'],
    ['a paragraph other plans print too, with its role', [el('Para', { id: 'p2', role: 'addressee' }, [text('各区')])], '<p id="p2" class="addressee reused">各区<a class="self-link" href="#p2" data-ui aria-label="本段链接">¶</a></p>'],
    ['a level-2 heading is an h3', [el('Heading', { id: 's9', level: '2' }, [text('（一）')])], '<h3 id="s9">（一）<a class="self-link" href="#s9" data-ui aria-label="本节链接">#</a></h3>'],
    [
      'a heading followed by the same theme in other plans, linked in the reader’s edition',
      [el('Heading', { id: 's1', level: '1' }, [text('一、人才')])],
      '<h2 id="s1">一、人才<a class="self-link" href="#s1" data-ui aria-label="本节链接">#</a></h2><p class="related" data-ui><span class="related-label">其他规划的人才章节：</span><a href="/plans/hongqiao-2020-2022/#s2">红桥区方案 · （二）育才</a></p>',
    ],
    ['the notice’s title and the plan’s', [el('Title', { id: 't0', role: 'notice' }, [text('通知')]), el('Title', { id: 't1', role: 'plan' }, [text('方案')])], '<h2 id="t0" class="notice-title">通知</h2><p id="t1" class="doc-title">方案</p>'],
    ['the covering notice', [el('Front', {}, [text('x')])], '<section class="front" aria-label="印发通知">x</section>'],
    ['an announcement that puts the plan out (公告)', [el('Front', { kind: 'announcement' }, [text('x')])], '<section class="front" aria-label="公告">x</section>'],
    [
      'a box (专栏): a figure named by its caption, the caption’s anchor and # link',
      [el('Box', { caption: 'box1' }, [el('Para', { id: 'box1', role: 'box-title' }, [text('专栏1 重点工程')]), el('Para', { id: 'p1-3' }, [text('1.甲工程。')])])],
      '<figure class="box" aria-labelledby="box1"><figcaption id="box1" class="box-title">专栏1 重点工程<a class="self-link" href="#box1" data-ui aria-label="本专栏链接">#</a></figcaption><p id="p1-3">1.甲工程。<a class="self-link" href="#p1-3" data-ui aria-label="本段链接">¶</a></p></figure>',
    ],
    ['a captioned table’s frame named by its caption', [el('Figure', { id: 't2', caption: 't2-caption' }, [el('table', {}, [el('caption', { id: 't2-caption' }, [text('表1 主要指标')])])])], '<figure id="t2" class="table-figure"><section class="table-scroll" tabindex="0" aria-labelledby="t2-caption"><table><caption id="t2-caption">表1 主要指标</caption></table></section></figure>'],
    ['an uncaptioned table’s frame named by its number', [el('Figure', { id: 't3' }, [el('table', {}, [])])], '<figure id="t3" class="table-figure"><section class="table-scroll" tabindex="0" aria-label="表格3（可横向滚动）"><table></table></section></figure>'],
    ['a table in its scrolling figure', [el('Figure', { id: 'tb1' }, [el('table', {}, [el('tr', {}, [el('td', { colspan: '2' }, [text('全社会研发投入强度')])])])])], '<figure id="tb1" class="table-figure"><section class="table-scroll" tabindex="0" aria-label="表格（可横向滚动）"><table><tr><td colspan="2">全社会研发投入强度</td></tr></table></section></figure>'],
    ['a short cell, a value in it too, is marked to stay on one line', [el('tr', {}, [el('th', { scope: 'col' }, [text('序号')]), el('td', {}, [el('Value', { id: 'v9' }, [text('2.1')]), text('以上')])])], '<tr><th scope="col" class="short">序号</th><td class="short">2.1以上</td></tr>'],
    ['a cell with an editorial note is never short', [el('td', {}, [el('Note', { inline: 'true' }, [text('缺')])])], '<td><span class="ed-note" data-ui>〔缺〕</span></td>'],
    ['editorial notes, inline and as a paragraph', [el('Note', { inline: 'true' }, [text('注')]), el('Note', {}, [text('说明')])], '<span class="ed-note" data-ui>〔注〕</span><p class="ed-note" data-ui>编者注：说明</p>'],
    [
      'a repair, its marker naming the original',
      [el('Repair', { id: 'r1', original: '', reason: '补字。' }, [text('的')])],
      '<span class="repair" id="r1">的<a class="repair-ref" href="#note-r1" aria-label="校勘记：原文“（无）”。补字。" data-ui><sup>校</sup><span class="repair-note" aria-hidden="true">原文“（无）”。补字。</span></a></span>',
    ],
    [
      'a citation with its printed endnote placeholder (absolute URL)',
      [el('Cite', { id: 'c1', doc: 'x' }, [text('《条例》')])],
      '<cite id="c1"><a class="cited" href="/documents/kejin-tiaoli/">《条例》</a><sup class="endnote-ref" data-endnote="https://plans.example.org/documents/kejin-tiaoli/" data-endnote-label="《天津市科学技术进步条例》" data-ui></sup></cite>',
    ],
    [
      'the later piece of a citation cut around a repair: no id, placeholder marked continued',
      [el('Cite', { id: 'c1', doc: 'x', continued: 'true' }, [text('例》')])],
      '<cite><a class="cited" href="/documents/kejin-tiaoli/">例》</a><sup class="endnote-ref" data-endnote="https://plans.example.org/documents/kejin-tiaoli/" data-endnote-label="《天津市科学技术进步条例》" data-endnote-continued data-ui></sup></cite>',
    ],
    ['a citation of a document without a page', [el('Cite', { id: 'c9', doc: 'y' }, [text('《某》')])], '<cite id="c9">《某》</cite>'],
    ['a value with its reading', [el('Value', { id: 'v1' }, [text('3.2%')])], '<a class="value" href="/indicators/rd-intensity/">3.2%<span class="value-note" data-ui>〔研发投入强度 · 水平 · 3.2% · 2022年〕</span></a>'],
    ['a later piece of a value: no second reading', [el('Value', { id: 'v1', continued: 'true' }, [text('%')])], '<a class="value" href="/indicators/rd-intensity/">%</a>'],
    ['a value with no target is plain text', [el('Value', { id: 'v9' }, [text('5家')])], '5家'],
    [
      'a term, linked to its region’s definition',
      [el('Term', { term: 'chuying' }, [text('雏鹰企业')])],
      '<a class="term" href="/glossary/chuying/#tianjin">雏鹰企业</a><sup class="endnote-ref" data-endnote="https://plans.example.org/glossary/chuying/#tianjin" data-endnote-label="术语“雏鹰企业”（天津市的定义）" data-ui></sup>',
    ],
    ['a term the glossary does not have is plain text', [el('Term', { term: 'nope' }, [text('某词')])], '某词'],
    ['a department', [el('Dept', { dept: 'tianjin-kjj' }, [text('区科技局')])], '<a class="dept" href="/departments/tianjin-kjj/">区科技局</a>'],
    [
      'a department listed on its region’s page, linked to its place there',
      [el('Dept', { dept: 'tianjin-unregistered-1a2b' }, [text('区合作办')])],
      '<a class="dept" href="/departments/region/tianjin-hongqiao/#tianjin-unregistered-1a2b">区合作办</a>',
    ],
    ['text is escaped as Astro escapes it', [el('Para', { id: 'p3' }, [text(`A&B <c> 'd' "e"`)])], '<p id="p3">A&amp;B &lt;c&gt; &#39;d&#39; &quot;e&quot;<a class="self-link" href="#p3" data-ui aria-label="本段链接">¶</a></p>'],
    ['a paragraph node only wraps its element', [{ type: 'paragraph', children: [el('Para', { id: 'p4' }, [text('x')])] } as RootContent], '<p id="p4">x<a class="self-link" href="#p4" data-ui aria-label="本段链接">¶</a></p>'],
  ])('%s', (_, nodes, expected) => {
    expect(html(nodes as RootContent[])).toBe(expected);
  });

  test('in the English edition, departments and other plans’ sections link to English pages', () => {
    const en = { ...zh, locale: 'en' as const };
    expect(html([el('Dept', { dept: 'tianjin-kjj' }, [text('区科技局')])], en)).toBe('<a class="dept" href="/en/departments/tianjin-kjj/">区科技局</a>');
    expect(html([el('Heading', { id: 's1', level: '1' }, [text('一、人才')])], en)).toContain('<a href="/en/plans/hongqiao-2020-2022/#s2">');
  });

  test('in the English edition, the text’s own links and labels are English, marked so inside the Chinese text', () => {
    const en = { ...zh, locale: 'en' as const, themeNamesEn: new Map([['talent', 'Talent']]) };
    expect(html([el('Para', { id: 'p1' }, [text('正文')])], en)).toBe('<p id="p1">正文<a class="self-link" href="#p1" data-ui aria-label="Link to this paragraph" lang="en">¶</a></p>');
    expect(html([el('Heading', { id: 's1', level: '1' }, [text('一、人才')])], en)).toBe(
      '<h2 id="s1">一、人才<a class="self-link" href="#s1" data-ui aria-label="Link to this section" lang="en">#</a></h2>' +
        '<p class="related" data-ui lang="en"><span class="related-label">Sections of other plans on Talent: </span><a href="/en/plans/hongqiao-2020-2022/#s2"><span lang="zh-CN">红桥区方案 · （二）育才</span></a></p>',
    );
    // A value's reading in English where the page has one, its Chinese parts marked.
    const withEnglish = { ...en, marks: { ...marks, values: new Map([['v1', { href: '/en/indicators/x/', reading: '某指标 · 实际 · 90.75分', readingEn: [{ text: 'not mapped to an indicator · result · 90.75 ', lang: 'en' as const }, { text: '分', lang: 'zh-CN' as const }] }]]) } };
    expect(html([el('Value', { id: 'v1' }, [text('90.75分')])], withEnglish)).toBe('<a class="value" href="/en/indicators/x/">90.75分<span class="value-note" data-ui lang="en">[not mapped to an indicator · result · 90.75 <span lang="zh-CN">分</span>]</span></a>');
    // A repair's mark and note in English, the source's Chinese in the note marked; nothing in the source said so.
    expect(html([el('Repair', { id: 'r1', original: '202147', reason: '年月日丢失。', reasonEn: 'The characters 年 and 月 were lost.' }, [text('2021年4月7日')])], en)).toBe(
      '<span class="repair" id="r1">2021年4月7日<a class="repair-ref" href="#note-r1" data-ui lang="en"><sup aria-hidden="true">*</sup>' +
        '<span class="repair-note">Repair: the source has “202147”. The characters <span lang="zh-CN">年</span> and <span lang="zh-CN">月</span> were lost.</span></a></span>',
    );
    expect(html([el('Repair', { id: 'r2', original: '', reason: '补。', reasonEn: 'Supplied.' }, [text('二、')])], en)).toContain('>Repair: the source has nothing here. Supplied.</span>');
    // Editorial notes in English where they have English words, the Chinese quoted in them marked.
    expect(html([el('Note', { inline: 'true', textEn: 'Missing in the source' }, [text('缺')]), el('Note', { textEn: 'A “类别” column added.' }, [text('增设')])], en)).toBe(
      '<span class="ed-note" data-ui lang="en">[Missing in the source]</span><p class="ed-note" data-ui lang="en">Editors’ note: A <span lang="zh-CN">“类别”</span> column added.</p>',
    );
    // The notice and a table are labelled in English, their content Chinese.
    expect(html([el('Front', {}, [text('通知')])], en)).toBe('<section class="front" aria-label="Covering notice" lang="en"><div lang="zh-CN">通知</div></section>');
    expect(html([el('Front', { kind: 'announcement' }, [text('公告')])], en)).toBe('<section class="front" aria-label="Announcement" lang="en"><div lang="zh-CN">公告</div></section>');
    expect(html([el('Figure', { id: 't1' }, [el('table', {}, [])])], en)).toBe('<figure id="t1" class="table-figure"><section class="table-scroll" tabindex="0" aria-label="Table 1 (scrolls sideways)" lang="en"><div lang="zh-CN"><table></table></div></section></figure>');
    // A theme without an English name is named in Chinese, marked so.
    expect(html([el('Heading', { id: 's1', level: '1' }, [text('一、人才')])], { ...en, themeNamesEn: new Map() })).toContain('on <span lang="zh-CN">人才</span>: ');
  });

  test('without marks (a page that resolved none) the marks are plain text and paragraphs are not marked reused', () => {
    const none = { ...zh, marks: undefined };
    expect(html([el('Para', { id: 'p2' }, [el('Value', { id: 'v1' }, [text('3.2%')]), el('Term', { term: 'chuying' }, [text('雏鹰')])])], none)).toBe('<p id="p2">3.2%雏鹰<a class="self-link" href="#p2" data-ui aria-label="本段链接">¶</a></p>');
  });

  test('an element the body does not know is an error naming it', () => {
    expect(() => html([el('Marquee', {}, [])])).toThrow(/no element <Marquee>/u);
  });
});

describe('a table cell short enough to stay on one line on a phone', () => {
  // Cells of the seeds' and corpus tables, read off the texts: what a reader sees as one word.
  test.each(['预期性', '约束性', '序号', '2020年', '2.1以上', '2.2左右', '1430', '≥5000', '12.5%', '亿元'])('%s is short', (text) => {
    expect(isShortCell(text)).toBe(true);
  });
  test.each(['创新实力', '指标属性', '2025年目标', '年均增长10%', '指标名称在原文中缺失', '全市有效发明专利（件）', '', '   '])('%j is not', (text) => {
    expect(isShortCell(text)).toBe(false);
  });
});

describe('attributes as Astro writes them', () => {
  test.each([
    ['id', 'a', ' id="a"'],
    ['data-x', '', ' data-x'],
    ['data-x', undefined, ''],
    ['title', 'a&b "c" <d>', ' title="a&amp;b &quot;c&quot; <d>"'],
  ] as const)('%s=%s', (name, value, expected) => {
    expect(attr(name, value)).toBe(expected);
  });
  test('text escapes all five characters', () => expect(escapeText(`&<>'"`)).toBe('&amp;&lt;&gt;&#39;&quot;'));
});
