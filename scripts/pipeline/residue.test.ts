import { describe, expect, test } from 'vitest';
import { applyCorrections } from './corrections.ts';
import { splitLines } from './lines.ts';
import { removeResidue } from './residue.ts';

const work = (text: string) => applyCorrections(splitLines(text), [], 'x');

describe('removeResidue(lines)', () => {
  test('removes a closing tag whose < was eaten at the end of a line, and records it', () => {
    const [line] = removeResidue(work('一、发展基础与面临形劾/p>'));
    expect(line!.text).toBe('一、发展基础与面临形劾');
    expect(line!.repairs).toEqual([
      {
        start: 11, end: 11, column: 11, original: '/p>', replacement: '',
        reason: '网页抓取残留的HTML标记“/p>”，已删除', reasonEn: 'An HTML tag “/p>” left over from the scrape, removed', source: 'residue',
      },
    ]);
  });

  test('removes whole paragraph and line-break tags, restores entities', () => {
    const [line] = removeResidue(work('<p>研发投入</p>增长&nbsp;10%<br/>R&amp;D 经费'));
    expect(line!.text).toBe('研发投入增长10%R&D 经费');
    expect(line!.repairs.map((r) => r.original)).toEqual(['<p>', '</p>', '&nbsp;', '<br/>', '&amp;']);
    expect(line!.repairs.at(-1)!.reason).toBe('网页抓取残留的HTML实体“&amp;”，已还原为“&”');
    expect(line!.repairs.at(-1)!.reasonEn).toBe('An HTML entity “&amp;” left over from the scrape, restored as “&”');
    // Columns point into the source line; start/end into the repaired text.
    for (const r of line!.repairs) expect('<p>研发投入</p>增长&nbsp;10%<br/>R&amp;D 经费'.slice(r.column, r.column + r.original.length)).toBe(r.original);
    for (const r of line!.repairs) expect(line!.text.slice(r.start, r.end)).toBe(r.replacement);
  });

  test('removes the Markdown bold a converter wrapped a whole line in (a heading set in <strong>), and only that', () => {
    const [line] = removeResidue(work('**一、总体要求**'));
    expect(line!.text).toBe('一、总体要求');
    expect(line!.repairs.map((r) => `${r.column} ${r.original}→${r.replacement}`)).toEqual(['0 **→', '8 **→']);
    expect(line!.repairs[0]!.reason).toBe('网页转为文本时残留的Markdown加粗标记“**”，已删除');
    // Two bold spans, bold inside a line, a lone pair, a `#` opening a line: text.
    for (const text of ['**加粗** 与 **加粗**', '研发**重点**任务', '****', '** **', '# 不是标题']) expect(removeResidue(work(text))[0]!.text).toBe(text);
  });

  test('keeps a no-break space between Latin letters as a space', () => {
    expect(removeResidue(work('R&nbsp;D投入'))[0]!.text).toBe('R D投入');
  });

  test('?rdquo; (the & ate the character before it) becomes ” and the reason says a character was lost', () => {
    const [line] = removeResidue(work('坚持创新驱动?rdquo;的方针'));
    expect(line!.text).toBe('坚持创新驱动”的方针');
    expect(line!.repairs[0]).toMatchObject({ original: '?rdquo;', replacement: '”', source: 'residue', column: 6 });
    expect(line!.repairs[0]!.reason).toMatch(/丢失/u);
    expect(line!.repairs[0]!.reasonEn).toMatch(/lost in the scrape and cannot be recovered/u);
    expect(removeResidue(work('?ldquo;十四五?rdquo;'))[0]!.text).toBe('“十四五”');
  });

  test('after 十一…十五 the character ?rdquo; ate is the 五 of a five-year plan, and a missing left quote comes back', () => {
    const [line] = removeResidue(work('现将《云南省十四?rdquo;科技创新规划》印发给你们'));
    expect(line!.text).toBe('现将《云南省“十四五”科技创新规划》印发给你们');
    expect(line!.repairs).toHaveLength(1);
    expect(line!.repairs[0]).toMatchObject({ original: '十四?rdquo;', replacement: '“十四五”', source: 'residue', column: 6, start: 6, end: 11 });
    expect(line!.repairs[0]!.reason).toMatch(/五年规划简称“十四五”.*补上缺失的左引号/u);
    expect(line!.repairs[0]!.reasonEn).toMatch(/five-year plan’s short name “十四五”.*missing left quote/u);
    // An opening quote already there (printed, or as an entity) is not doubled.
    expect(removeResidue(work('提升?ldquo;十四?rdquo;目标'))[0]!.text).toBe('提升“十四五”目标');
    expect(removeResidue(work('“十二?rdquo;时期'))[0]!.text).toBe('“十二五”时期');
    // Part of a larger number, or an ordinal: the lost character is unknown.
    expect(removeResidue(work('二十四?rdquo;'))[0]!.text).toBe('二十四”');
    expect(removeResidue(work('第十四?rdquo;'))[0]!.text).toBe('第十四”');
    expect(removeResidue(work('十六?rdquo;'))[0]!.text).toBe('十六”');
  });

  test('a Markdown heading marker before a numbered heading goes; a # before anything else is text', () => {
    const lines = removeResidue(work('### 三、重点任务\n## （一）培育创新主体\n# 1.实施倍增计划\n#1 重点项目\n## 说明\n### 1.5倍'));
    expect(lines.map((l) => l.text)).toEqual(['三、重点任务', '（一）培育创新主体', '1.实施倍增计划', '#1 重点项目', '## 说明', '### 1.5倍']);
    expect(lines[0]!.repairs.map((r) => [r.original, r.replacement, r.reasonEn])).toEqual([['### ', '', 'A Markdown heading marker “###” left over from converting the page to text, removed']]);
  });

  test('the 〇 a scrape lost from 二〇三五年远景目标 is put back, the original beside it; only in that phrase (corpus 28)', () => {
    const [line] = removeResidue(work('依据《甘肃省国民经济和社会发展第十四个五年规划和二三五年远景目标纲要》'));
    expect(line!.text).toBe('依据《甘肃省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》');
    expect(line!.repairs.map((r) => [r.original, r.replacement, r.column, r.source])).toEqual([['二三五', '二〇三五', 24, 'residue']]);
    for (const text of ['二〇三五年远景目标', '十二三五年远景目标', '二三五年规划']) expect(removeResidue(work(text))[0]!.text, text).toBe(text);
  });

  test('a numeric character reference for Chinese text is the character; any other stays', () => {
    const [line] = removeResidue(work('研发投入强度达到2.5%&#xff0c;高新技术企业&#8220;倍增&#8221;&#x3C;'));
    expect(line!.text).toBe('研发投入强度达到2.5%，高新技术企业“倍增”&#x3C;');
    expect(line!.repairs.map((r) => [r.original, r.replacement, r.column, r.reasonEn])).toEqual([
      ['&#xff0c;', '，', 12, 'An HTML character reference “&#xff0c;” left over from the scrape, restored as “，”'],
      ['&#8220;', '“', 26, 'An HTML character reference “&#8220;” left over from the scrape, restored as ““”'],
      ['&#8221;', '”', 35, 'An HTML character reference “&#8221;” left over from the scrape, restored as “””'],
    ]);
  });

  test('leaves garbled characters, other markup and clean lines alone', () => {
    const [a, b] = removeResidue(work('<script>alert(1)</script> &#x3C; 研发投入强度<5%\n云南省人民政庛'));
    expect(a!.text).toBe('<script>alert(1)</script> &#x3C; 研发投入强度<5%');
    expect(a!.repairs).toEqual([]);
    expect(b!.text).toBe('云南省人民政庛');
  });

  test('a text that lowered the character before each eaten tag by one code point gets it back, the original beside it', () => {
    // Hand-written in the shape of a real page store's damage (形势</p> → 形劾/p>, 政府</p> → 政庛/p>, 。</p> → 、/p>).
    const text = '各州、市人民政府,省直各委、办、厅、局9/p>\n现将《某省科技创新规划》印发给你们,请认真贯彻执行、/p>\n某省人民政庛/p>\n2021??2?/p>\n(此件公开发布(/p>\n一、发展基础与面临形劾/p>';
    const lines = removeResidue(work(text));
    expect(lines.map((l) => l.text)).toEqual([
      '各州、市人民政府,省直各委、办、厅、局:',
      '现将《某省科技创新规划》印发给你们,请认真贯彻执行。',
      '某省人民政府',
      // `?` marks a character lost, not lowered: the date stays as damaged as it is.
      '2021??2?',
      '(此件公开发布)',
      '一、发展基础与面临形势',
    ]);
    const issuer = lines[2]!.repairs;
    expect(issuer).toEqual([expect.objectContaining({ original: '庛/p>', replacement: '府', column: 5, start: 5, end: 6, source: 'residue' })]);
    expect(issuer[0]!.reason).toBe(
      '网页抓取残留的HTML标记“/p>”，已删除；抓取还把标记前的字符改成了编码小一的“庛”（本文每个残留标记前的字符都是如此，如“:”成了“9”），已还原为“府”',
    );
    expect(issuer[0]!.reasonEn).toMatch(/a code point lower, “庛”.*restored as “府”/u);
  });

  test('a text whose eaten tags follow an intact end mark, or with one end mark to show the damage, keeps its characters', () => {
    // 。/p>: nothing was lowered there, so nothing is raised anywhere.
    expect(removeResidue(work('面临形势/p>\n认真贯彻执行。/p>\n制定本规划、/p>\n加快建设、/p>\n云南省人民政庛/p>')).map((l) => l.text)).toEqual([
      '面临形势', '认真贯彻执行。', '制定本规划、', '加快建设、', '云南省人民政庛',
    ]);
    // One 、 at a paragraph's end is a slip, not a text's damage.
    expect(removeResidue(work('面临形势/p>\n制定本规划、/p>')).map((l) => l.text)).toEqual(['面临形势', '制定本规划、']);
    // Two are: each character before an eaten tag comes back, and a whole tag (`</p>`) keeps its character.
    expect(removeResidue(work('面临形劾/p>\n认真贯彻执行、/p>\n制定本规划、/p>\n已有</p>')).map((l) => l.text)).toEqual([
      '面临形势', '认真贯彻执行。', '制定本规划。', '已有',
    ]);
  });

  test('removes the pinyin a script converter put after characters, with the character shown as the original', () => {
    const [line] = removeResidue(work('為深入貫徹落實習(xí)近平總書記關(guān)于科技創(chuàng)新,投入強度達(dá)到2.8%'));
    expect(line!.text).toBe('為深入貫徹落實習近平總書記關于科技創新,投入強度達到2.8%');
    expect(line!.repairs.map((r) => `${r.column} ${r.original}→${r.replacement} ${r.source}`)).toEqual([
      '7 習(xí)→習 converter', '17 關(guān)→關 converter', '27 創(chuàng)→創 converter', '42 達(dá)→達 converter',
    ]);
    expect(line!.repairs[0]!.reason).toBe('网页繁简转换时加注的拼音“(xí)”，已删除');
    expect(line!.repairs[0]!.reasonEn).toBe('The pinyin “(xí)” a web page’s script converter put after a character, removed');
    // Brackets of the text: no tone mark, no character before, or longer than a syllable.
    for (const text of ['研发投入(GDP)占比', '(fā)展', 'R&D(app)', '經費(fāzhǎnguīhuà)'])
      expect(removeResidue(work(text))[0]!.text).toBe(text);
  });

  test('shifts the offsets of an earlier correction and maps columns through it', () => {
    const lines = applyCorrections(splitLines('落款 202147/p> 公开&nbsp;'), [{ original: '202147', replacement: '2021年4月7日', reason: '测试', reasonEn: 'a test', at: 'x' }], 'x');
    const [line] = removeResidue(lines);
    expect(line!.text).toBe('落款 2021年4月7日 公开');
    const [corr, tag, nbsp] = line!.repairs;
    expect(corr).toMatchObject({ start: 3, end: 12, column: 3, source: 'correction' });
    expect(tag).toMatchObject({ original: '/p>', start: 12, end: 12, column: 9 });
    expect(nbsp).toMatchObject({ original: '&nbsp;', column: 15 });
  });
});

describe('removeResidue on the corpus', () => {
  test('no tag or entity residue is left in any corpus excerpt, and every removal is recorded', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { decodeSeed } = await import('./decode.ts');
    const files = readdirSync('tests/fixtures/corpus').filter((f) => f.endsWith('.txt'));
    expect(files).toHaveLength(20);
    let repairs = 0;
    for (const f of files) {
      const { text } = decodeSeed(new Uint8Array(readFileSync(`tests/fixtures/corpus/${f}`)), f);
      for (const line of removeResidue(work(text))) {
        repairs += line.repairs.length;
        expect(line.text, `${f}:${line.n}`).not.toMatch(/\/p>|<\/?(p|br)\b|&(nbsp|amp);|\?(ldquo|rdquo);/u);
        for (const r of line.repairs) expect(line.text.slice(r.start, r.end)).toBe(r.replacement);
        for (const r of line.repairs) expect(line.raw.trim().slice(r.column, r.column + r.original.length)).toBe(r.original);
      }
    }
    // Non-empty guard: the corpus has scraped residue, so the per-repair checks above did run.
    expect(repairs).toBeGreaterThan(0);
  });
});
