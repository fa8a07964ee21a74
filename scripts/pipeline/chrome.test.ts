import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseYamlWithFriendlyErrors } from '../../src/schemas/friendly-errors.ts';
import { ChromeRulesSchema } from '../../src/schemas/registry.ts';
import { RULE_REPEATED_TITLE, RULE_SITE_HEADER, removeChrome, unseenPatternChars } from './chrome.ts';
import { loadRegistries } from '../registries.ts';
import { simplify as matchForm } from './lexicon/fold.ts';
import { decodeSeed } from './decode.ts';
import { splitLines } from './lines.ts';

// As ingest reads them: chrome.yaml's field rules name the labels of content/portal-fields.yaml.
const rules = loadRegistries('seeds', 'content').chrome;
const longLine = '为贯彻落实天津市科技创新三年行动计划，进一步加快我区科技创新发展，推动经济高质量发展，特制定本实施方案，请各单位认真贯彻执行，确保各项任务落到实处。';

describe('splitLines(text)', () => {
  test('splits on LF, CRLF and CR, drops the BOM and edge whitespace, keeps inner spaces', () => {
    expect(splitLines('\ufeff  名    称 :x\r\n\u3000正文\r末行\n')).toEqual([
      { n: 1, raw: '  名    称 :x', text: '名    称 :x' },
      { n: 2, raw: '\u3000正文', text: '正文' },
      { n: 3, raw: '末行', text: '末行' },
    ]);
  });
});

describe('removeChrome(lines, rules)', () => {
  test('a line of the document that starts with chrome (a page scraped onto one line) is kept whole, not taken with it', () => {
    // Broken once: a breadcrumb rule took such a line, and with it every word of the document ("no document text").
    const runTogether = `您现在的位置：首页 > 政务公开 > 政策文件 ${longLine} ${longLine} ${longLine}`;
    const { kept, removed } = removeChrome(splitLines(`${runTogether}\n`), rules);
    expect(removed).toEqual([]);
    expect(kept.map((l) => l.text)).toEqual([runTogether]);
    // Not by a rule that may match anywhere either (the QR-code prompt is no whole-line pattern).
    const qr = `扫一扫在手机打开当前页 ${longLine} ${longLine} ${longLine}`;
    expect(removeChrome(splitLines(`正文开头。\n${qr}\n正文结尾。\n`), rules).removed).toEqual([]);
    // Such a line is the document's text: the portal block above the document ends before it, so a rule for that
    // block no longer reaches the lines after it.
    expect(removeChrome(splitLines(`${runTogether}\n作者:某区政府\n`), rules).removed).toEqual([]);
    // A short line of chrome still goes.
    expect(removeChrome(splitLines(`扫一扫在手机打开当前页\n${longLine}\n`), rules).removed.map((r) => r.rule)).toEqual(['QR-code widget']);
  });
  test('drops breadcrumbs, widgets and footers and lists each with its rule and exact text', () => {
    const text = ['位置:首页--政务公开--政策文件', '字体大小:       ', longLine, '[关闭窗口]', '政策解读', '网站标识码:1201130001 津ICP备12007310号-1'].join('\n');
    const { kept, removed } = removeChrome(splitLines(text), rules);
    expect(kept.map((l) => l.n)).toEqual([3]);
    expect(removed).toEqual([
      { line: 1, text: '位置:首页--政务公开--政策文件', kind: 'chrome', rule: 'breadcrumb', label: '面包屑导航' },
      { line: 2, text: '字体大小:       ', kind: 'chrome', rule: 'font-size widget', label: '字号调节按钮' },
      { line: 4, text: '[关闭窗口]', kind: 'chrome', rule: 'close-window link', label: '关闭窗口链接' },
      { line: 5, text: '政策解读', kind: 'chrome', rule: 'footer', label: '页脚' },
      { line: 6, text: '网站标识码:1201130001 津ICP备12007310号-1', kind: 'chrome', rule: 'footer', label: '页脚' },
    ]);
  });

  test('drops the page numbers of a printed page anywhere, and nothing that only looks like one', () => {
    const numbers = ['— 2 —', '－２－', '- 12 -', '—3—', '·4·', '第2页', '第 2 页 共 10 页', '第2页/共10页', '共10页 第2页'];
    const text = [longLine, ...numbers, '2', '第2条', '— 2025年 —', '二、主要目标', longLine].join('\n');
    const { kept, removed } = removeChrome(splitLines(text), rules);
    expect(removed.map((r) => `${r.text} ${r.rule} ${r.label}`)).toEqual(numbers.map((n) => `${n} page number 页码`));
    expect(kept.map((l) => l.text)).toEqual([longLine, '2', '第2条', '— 2025年 —', '二、主要目标', longLine]);
  });

  test('drops a bare page number right before a page break (the form feed of a copy out of a PDF), and no other bare number', () => {
    const text = [longLine, '2', '\f二、主要任务', longLine, '3', '', '\f', '序号', '指标', '1', '企业', '4'].join('\n');
    const { kept, removed } = removeChrome(splitLines(text), rules);
    expect(removed.map((r) => `${r.line} ${r.rule} ${r.label}`)).toEqual(['2 page number 页码', '5 page number 页码']);
    expect(kept.map((l) => l.text)).toEqual([longLine, '二、主要任务', longLine, '序号', '指标', '1', '企业', '4']);
  });

  test('drops a running head or foot: a short line printed beside a page number twice or more; the title over the text stays', () => {
    const title = '某市科技创新发展规划（2021—2025年）';
    const text = [title, '一、发展基础', longLine, '— 1 —', title, '二、主要目标', longLine, '某市人民政府办公室', '— 2 —', title, '三、保障措施', longLine, '某市人民政府办公室', '— 3 —'].join('\n');
    const { kept, removed } = removeChrome(splitLines(text), rules);
    expect(removed.map((r) => `${r.line} ${r.kind} ${r.rule} ${r.label}`)).toEqual([
      '4 print page number 页码', '5 print running head or foot 页眉或页脚', '8 print running head or foot 页眉或页脚', '9 print page number 页码',
      '10 print running head or foot 页眉或页脚', '13 print running head or foot 页眉或页脚', '14 print page number 页码',
    ]);
    expect(kept.map((l) => l.text)).toEqual([title, '一、发展基础', longLine, '二、主要目标', longLine, '三、保障措施', longLine]);
  });

  test('not a running head: a line beside a page number once, a heading, a sentence', () => {
    const text = [longLine, '— 1 —', '加强组织领导', longLine, '— 2 —', '二、主要目标', longLine, '— 3 —', '二、主要目标', '全市推进科技创新。', '— 4 —', '全市推进科技创新。'].join('\n');
    const { kept } = removeChrome(splitLines(text), rules);
    expect(kept.map((l) => l.text)).toEqual([longLine, '加强组织领导', longLine, '二、主要目标', longLine, '二、主要目标', '全市推进科技创新。', '全市推进科技创新。']);
  });

  test('drops a reposted WeChat article’s follow prompt, source and editor credits and buttons, and reads its time stamp', () => {
    const text = ['点击蓝字 关注我们', '某市科技局', '2024年3月8日 10:30 河南', '某市出台科技创新十条措施', longLine, '来源：某市科技局', '编辑：张三', '阅读原文', '分享', '收藏', '在看', '点赞'].join('\n');
    const { kept, removed } = removeChrome(splitLines(text), rules);
    expect(kept.map((l) => l.text)).toEqual(['某市科技局', '某市出台科技创新十条措施', longLine]);
    expect(removed.map((r) => `${r.line} ${r.kind} ${r.label}`)).toEqual([
      '1 chrome 公众号关注提示',
      '3 metadata 日期时间行',
      '6 chrome 来源署名',
      '7 chrome 编辑署名',
      '8 chrome 公众号按钮',
      '9 chrome 公众号按钮',
      '10 chrome 公众号按钮',
      '11 chrome 公众号按钮',
      '12 chrome 公众号按钮',
    ]);
  });

  test('sets portal metadata fields aside as metadata, not chrome', () => {
    const { removed } = removeChrome(splitLines(['发 文 字 号 : 〔北辰政发〔2021〕5号 〕 主    题 :科技', longLine].join('\n')), rules);
    expect(removed).toEqual([{ line: 1, text: '发 文 字 号 : 〔北辰政发〔2021〕5号 〕 主    题 :科技', kind: 'metadata', rule: '发文字号 and 主题 fields', label: '发文字号、主题字段' }]);
  });

  test('applies head and tail rules only outside the running text', () => {
    // 政策解读 between two long lines is body text, not a footer.
    const { kept } = removeChrome(splitLines([longLine, '政策解读', longLine].join('\n')), rules);
    expect(kept.map((l) => l.text)).toContain('政策解读');
  });

  test('drops blank lines without listing them (they carry no text)', () => {
    const { kept, removed } = removeChrome(splitLines(`${longLine}\n\n   \n${longLine}`), rules);
    expect(kept.map((l) => l.n)).toEqual([1, 4]);
    expect(removed).toEqual([]);
  });
});

const notice = '各有关单位：现将方案印发给你们，请认真贯彻执行。';
const run = (...ls: string[]) => removeChrome(splitLines(ls.join('\n')), rules);
const removedTexts = (...ls: string[]) => run(...ls).removed.map((r) => r.text.trim());

describe('removeChrome: the portal block (head) and the body', () => {
  test('head rules apply above the first running text, never below it', () => {
    // A text that opens with its body has no portal block: a 来源 line or a breadcrumb-like line later is body text.
    expect(removedTexts(longLine, '来源:区科委', '首页 > 政策', notice)).toEqual([]);
    expect(removedTexts('来源:区科委', '首页 > 政策', notice)).toEqual(['来源:区科委', '首页 > 政策']);
  });

  test('a long portal line recognised by a rule does not end the portal block', () => {
    const table = '[ 索引号 ] | 1150010700927688xm/2023-01698 | [ 发文字号 ] | 渝高新发〔2023〕8号 | [ 体裁分类 ] | 公文 |';
    expect([...table].length).toBeGreaterThanOrEqual(60);
    expect(removedTexts(table, '[ 发布机构 ] | 高新区改革发展局 |', notice)).toEqual([table, '[ 发布机构 ] | 高新区改革发展局 |']);
  });

  test('a salutation, a sentence or a numbered heading starts the body', () => {
    expect(removedTexts('各区人民政府：', '日期:2024-03-28 17:32')).toEqual([]);
    expect(removedTexts('一、总体要求', '作者:某区政府')).toEqual([]);
  });

  test('tail rules apply only after the last running text', () => {
    expect(removedTexts(notice, '地址:某市某路1号 邮编:300000', '联系电话:022-12345678')).toEqual(['地址:某市某路1号 邮编:300000', '联系电话:022-12345678']);
    expect(removedTexts('地址:某市某路1号', notice)).toEqual([]);
  });

  test('a text with no running text at all has no tail', () => {
    expect(removedTexts('某区行动方案', '政策解读')).toEqual([]);
  });
});

describe('removeChrome: portal forms', () => {
  // Each case: a line, the rule that takes it, and whether it stands above the text (the portal block) or below it.
  test.each([
    ['首页 >> 下载中心 >> 国家大学科技园 >> 政策法规', 'breadcrumb', 'above'],
    ['当前位置:首页 > 区政府文件 > 闵府发', 'breadcrumb', 'above'],
    ['您的位置: 首页 >部门文件>详细内容', 'breadcrumb', 'above'],
    ['當前位置：首頁 > 政務公開', 'breadcrumb', 'above'],
    ['欢迎进入某省某县人民政府网!今天是:', 'welcome banner', 'above'],
    ['全文检索', 'search box', 'above'],
    ['分享到:', 'share widget', 'above'],
    ['字号:        ', 'font-size widget', 'above'],
    ['【打印】【关闭】', 'widget bar', 'above'],
    ['【字体：大 中 小】【打印】【关闭】', 'widget bar', 'above'],
    ['公文种类： 通知', 'portal field', 'above'],
    ['|', 'stray table border', 'above'],
    ['发布机构 市政府办公室 文  号 驻政〔2022〕11号', 'portal field row', 'above'],
    ['主题分类 其他', 'portal field row', 'above'],
    ['文 号: 所属主题: 部门文件', 'portal field', 'above'],
    ['生效日期: 2023-04-11 废止日期:', 'portal field', 'above'],
    ['日期:2024-03-28 17:32    来源:区科委', 'date field', 'above'],
    ['發佈時間：2021-09-28', 'date field', 'above'],
    ['时间:2023-04-11 【字体:', 'date field', 'above'],
    ['来源: 时间:2011-06-07', '来源 field', 'above'],
    ['-2023- 11/08 08:20', 'date line with time', 'above'],
    ['被閱讀1817次,日期:2017-03-08 09:59:11', 'read counter', 'above'],
    ['作者:某区政府【转载】', 'author field', 'above'],
    ['点击数：1234', 'read counter', 'above'],
    ['长者模式', 'accessibility toolbar', 'above'],
    ['适老化服务', 'accessibility toolbar', 'above'],
    ['关怀版 | 无障碍浏览', 'accessibility toolbar', 'above'],
    ['视力保护色：', 'accessibility toolbar', 'above'],
    ['【我要打印】【关闭窗口】', 'widget bar', 'above'],
    ['【保存文章】', 'widget bar', 'above'],
    ['简体版 | 繁體版 | English', 'navigation menu', 'above'],
    ['设为首页 | 加入收藏', 'navigation menu', 'above'],
    ['首页 | 政务公开 | 政务服务', 'navigation menu', 'above'],
    ['打印本页 | 关闭窗口', 'widget bar', 'above'],
    ['打印 关闭', 'widget bar', 'above'],
    ['信息公开 > 政策文件 > 规划计划', 'breadcrumb', 'above'],
    ['2023-05-01 10:20:30 来源：某市科技局', 'date line with source', 'above'],
    ['津公网安备 12010202000123号', 'footer', 'below'],
    ['建议使用IE9以上版本浏览器，1366*768分辨率浏览本网站', 'footer', 'below'],
    ['相关链接：', 'footer', 'below'],
    ['【我要打印】【关闭窗口】', 'widget bar', 'below'],
    ['点击数：1234', 'read counter', 'below'],
    ['上一条：关于某某的通知', 'footer', 'below'],
    ['Copyright © 2021 某市人民政府 All Rights Reserved', 'footer', 'below'],
    ['© 2021 某市人民政府版权所有', 'footer', 'below'],
    ['政府网站找错', 'footer', 'below'],
    ['党政机关', 'footer', 'below'],
    ['扫码关注', 'QR-code widget', 'below'],
    ['使用帮助 | 隐私声明', 'navigation menu', 'below'],
    ['分享到：', 'share widget', 'below'],
    ['【纠错】 【责任编辑：张三】', 'widget bar', 'below'],
  ] as const)('%s → %s (%s the text)', (line, rule, where) => {
    expect(run(...(where === 'above' ? [line, notice] : [notice, line])).removed.map((r) => r.rule)).toEqual([rule]);
  });

  test('the share widget’s targets, a line each, only under it', () => {
    expect(removedTexts('分享到：', '微信', '微博', 'QQ空间', notice)).toEqual(['分享到：', '微信', '微博', 'QQ空间']);
    expect(removedTexts(notice, '分享到：', '微信', 'QQ空间')).toEqual(['分享到：', '微信', 'QQ空间']);
    expect(removedTexts('微信', notice)).toEqual([]);
  });
  test('a menu is only the portal’s words; a row of a table between pipes, or a sentence naming them, is text', () => {
    expect(removedTexts('序号 | 指标 | 2025年', '政务公开 | 指标', notice)).toEqual([]);
    expect(removedTexts(notice, '1 | 高新技术企业 | 家 | 500')).toEqual([]);
  });

  test('above the last running text a footer’s words are text; a list of related documents below it is kept', () => {
    expect(removedTexts('相关链接：', '建议使用新技术，提高分辨率。', notice)).toEqual([]);
    expect(removedTexts(notice, '相关文件：')).toEqual([]);
  });

  test('a label alone takes its value from the next non-blank line, but never a title or a sentence', () => {
    expect(run('发布时间:', '', '2022-03-09 10:38', '信息来源:', '', '市政府办', notice).removed.map((r) => [r.text, r.rule, r.label])).toEqual([
      ['发布时间:', 'date field', '日期字段'],
      ['2022-03-09 10:38', 'date field (value on the next line)', '日期字段（下一行的值）'],
      ['信息来源:', '来源 field', '来源字段'],
      ['市政府办', '来源 field (value on the next line)', '来源字段（下一行的值）'],
    ]);
    expect(removedTexts('信息来源:', '某市人民政府关于印发某规划的通知', notice)).toEqual(['信息来源:']);
    // Nor a plan's title under a field the portal left empty.
    expect(removedTexts('废止日期：', '某区强科技行动实施方案（2023—2025年）', notice)).toEqual(['废止日期：']);
    expect(removedTexts('有效性：', '某市科技创新“十四五”规划', notice)).toEqual(['有效性：']);
    // 分享到: is chrome without a value: the organ under it begins the notice title.
    expect(removedTexts('分享到:', '某市人民政府', '关于印发某规划的通知', notice)).toEqual(['分享到:']);
  });

  test('aggregator section labels only directly under a breadcrumb', () => {
    expect(removedTexts('首页 >> 地方政策 >> 技术创新', '地方政策', '详细内容', '某区实施方案', notice)).toEqual(['首页 >> 地方政策 >> 技术创新', '地方政策', '详细内容']);
    expect(removedTexts('某区实施方案', '详细内容', notice)).toEqual([]);
  });
});

describe('removeChrome: context rules', () => {
  test('site-header organ: the office above the organ that begins the notice title', () => {
    const { removed } = run('某市人民政府办公室', '', '某市人民政府', '关于印发某市科技创新规划的通知', '某政字〔2022〕38号', notice);
    expect(removed).toEqual([{ line: 1, text: '某市人民政府办公室', kind: 'chrome', rule: RULE_SITE_HEADER, label: '网站页头的机关名称' }]);
  });

  test('no site header: a letterhead, an organ that begins the title, joint issuers', () => {
    expect(removedTexts('某市人民政府办公室文件', '某市人民政府', '关于印发某规划的通知', notice)).toEqual([]);
    expect(removedTexts('某市科学技术局', '关于印发某要点的通 知', notice)).toEqual([]);
    expect(removedTexts('中共某县委办公室', '某县人民政府办公室', '关于印发某方案的通知', notice)).toEqual([]);
  });

  test('portal headline repeating the notice title printed below over 1–3 lines (whitespace and quotes aside)', () => {
    const a = run('某市人民政府关于印发某市“十四五”科技创新和 一流创新生态建设规划的通知', '发布时间:', '2022-03-09 10:38', '某市人民政府', '关于印发某市“十四五”科技创新和', '一流创新生态建设规划的通知', notice);
    expect(a.removed[0]).toEqual({ line: 1, text: '某市人民政府关于印发某市“十四五”科技创新和 一流创新生态建设规划的通知', kind: 'metadata', rule: RULE_REPEATED_TITLE, label: '网页标题（重复通知标题）' });
    expect(a.kept.map((l) => l.n)).toEqual([4, 5, 6, 7]);
    expect(removedTexts('关于印发某市科技创新"十四五"规划的通知', '某政办字〔2022〕22号', '某市人民政府办公室', '关于印发某市科技创新“十四五”规划的', '通 知', notice)).toEqual([
      '关于印发某市科技创新"十四五"规划的通知',
    ]);
  });

  test('a notice title printed once, or a title printed twice that is no notice, stays', () => {
    expect(removedTexts('某市人民政府关于印发某规划的通知', notice)).toEqual([]);
    expect(removedTexts('《某区行动计划》政策解读', '某区行动计划》政策解读', '《某区行动计划》已经区政府常务会议审议通过。')).toEqual([]);
  });
});

describe('the form chrome rules see (lexicon simplify)', () => {
  test('traditional as simplified, full-width ASCII as half-width, converter pinyin dropped', () => {
    expect(matchForm('發(fā)佈時間：２０２１　來源')).toBe('发布时间:2021 来源');
    expect(matchForm('研发(GDP)')).toBe('研发(GDP)');
  });
});

/** tests/fixtures/removed/seeds.yaml: the portal lines of each seed, read by hand. */
describe('removeChrome on the seeds: exactly the hand-read portal lines', () => {
  const expected = parse(readFileSync('tests/fixtures/removed/seeds.yaml', 'utf8')) as Record<string, { line: number; kind: string; text: string }[]>;
  test('the fixture lists every seed', () => {
    expect(Object.keys(expected).sort()).toEqual(readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort());
  });
  test.each(Object.entries(expected))('%s', (file, want) => {
    const { text } = decodeSeed(new Uint8Array(readFileSync(`seeds/${file}`)), file);
    // Text compared with whitespace removed: the seeds pad labels with no-break spaces, the fixture with spaces.
    const squash = (t: string) => t.replace(/\s+/gu, '');
    const removed = removeChrome(splitLines(text), rules).removed;
    const got = removed.map((r) => ({ line: r.line, kind: r.kind, text: squash(r.text) }));
    const wanted = want.map((w) => ({ ...w, text: squash(w.text) }));
    // Name the cause: which lines a rule took that the hand reading keeps (with the rule), and which it left.
    const key = (r: { line: number; kind: string; text: string }) => `${r.line}:${r.kind}:${r.text}`;
    const extra = removed.filter((r) => !wanted.some((w) => key(w) === key({ line: r.line, kind: r.kind, text: squash(r.text) })));
    const missing = wanted.filter((w) => !got.some((g) => key(g) === key(w)));
    const why = [
      ...extra.map((r) => `removed but not portal chrome: ${file}:${r.line} “${r.text}” (rule “${r.rule}”)`),
      ...missing.map((w) => `portal line not removed: ${file}:${w.line} “${w.text}” (${w.kind})`),
    ].join('\n');
    expect(got, why).toEqual(wanted);
  });
});

describe('a chrome rule that can never match is refused when the registries load', () => {
  test('unseenPatternChars: full-width and traditional characters outside a [ ] class, unless also written simplified', () => {
    expect(unseenPatternChars('^（一）')).toEqual([
      { char: '（', write: '(' },
      { char: '）', write: ')' },
    ]);
    expect(unseenPatternChars('^發佈時間')).toEqual([
      { char: '發', write: '发' },
      { char: '佈', write: '布' },
      { char: '時', write: '时' },
      { char: '間', write: '间' },
    ]);
    // Inside a class, after a backslash, or with the simplified spelling as another alternative: fine.
    expect(unseenPatternChars('^[（(]一[）)]\\s*[:：]')).toEqual([]);
    expect(unseenPatternChars('^被?(阅读|閱讀)')).toEqual([]);
  });
  test('loadRegistries names the file, line and rule, and says what to write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chrome-rules-'));
    try {
      for (const f of readdirSync('content')) if (f.endsWith('.yaml')) copyFileSync(join('content', f), join(dir, f));
      const lines = readFileSync('content/chrome.yaml', 'utf8').split('\n');
      lines.splice(20, 0, "- { rule: numbered line, label: 编号行, pattern: '^（一）' }");
      writeFileSync(join(dir, 'chrome.yaml'), lines.join('\n'));
      expect(() => loadRegistries('seeds', dir)).toThrow(/chrome\.yaml:21: chrome rule “numbered line” can never match: .*“\(” for “（”, “\)” for “）”/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('chrome rule labels (what readers see in the source notes)', () => {
  const parse = (yaml: string) => parseYamlWithFriendlyErrors(ChromeRulesSchema, yaml, 'chrome.yaml');
  test('a label must be Chinese: the source notes are on Chinese pages', () => {
    expect(() => parse("- { rule: footer, label: footer, pattern: '^版权所有' }")).toThrow(/chrome\.yaml:1 › 0\.label: write this in Chinese/u);
    expect(() => parse("- { rule: footer, pattern: '^版权所有' }")).toThrow(/chrome\.yaml:1 › 0\.label/u);
  });
  test('a rule’s name must hold English: the English edition shows it (a field label may stand in it)', () => {
    expect(() => parse("- { rule: 页脚, label: 页脚, pattern: '^版权所有' }")).toThrow(/chrome\.yaml:1 › 0\.rule: name the rule in English/u);
    expect(() => parse("- { rule: 来源 field, label: 来源字段, pattern: '^来源[:：]' }")).not.toThrow();
  });
  test('rules of one name have one label', () => {
    const yaml = ["- { rule: footer, label: 页脚, pattern: '^版权所有' }", "- { rule: footer, label: 网站页脚, pattern: '^友情链接$' }"].join('\n');
    expect(() => parse(yaml)).toThrow(/chrome\.yaml:2 › 1\.label: rule “footer” is labelled “页脚” elsewhere/u);
  });
});
