import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseYamlWithFriendlyErrors } from '../../src/schemas/friendly-errors.ts';
import { ChromeRulesSchema } from '../../src/schemas/registry.ts';
import { removeChrome } from './chrome.ts';
import { splitLines } from './lines.ts';

const rules = parseYamlWithFriendlyErrors(ChromeRulesSchema, readFileSync('content/chrome.yaml', 'utf8'), 'content/chrome.yaml');
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
  test('drops breadcrumbs, widgets and footers and lists each with its rule and exact text', () => {
    const text = ['位置:首页--政务公开--政策文件', '字体大小:       ', longLine, '[关闭窗口]', '政策解读', '网站标识码:1201130001 津ICP备12007310号-1'].join('\n');
    const { kept, removed } = removeChrome(splitLines(text), rules);
    expect(kept.map((l) => l.n)).toEqual([3]);
    expect(removed).toEqual([
      { line: 1, text: '位置:首页--政务公开--政策文件', kind: 'chrome', rule: 'breadcrumb' },
      { line: 2, text: '字体大小:       ', kind: 'chrome', rule: 'font-size widget' },
      { line: 4, text: '[关闭窗口]', kind: 'chrome', rule: 'close-window link' },
      { line: 5, text: '政策解读', kind: 'chrome', rule: 'footer' },
      { line: 6, text: '网站标识码:1201130001 津ICP备12007310号-1', kind: 'chrome', rule: 'footer' },
    ]);
  });

  test('sets portal metadata fields aside as metadata, not chrome', () => {
    const { removed } = removeChrome(splitLines(['发 文 字 号 : 〔北辰政发〔2021〕5号 〕 主    题 :科技', longLine].join('\n')), rules);
    expect(removed).toEqual([{ line: 1, text: '发 文 字 号 : 〔北辰政发〔2021〕5号 〕 主    题 :科技', kind: 'metadata', rule: '发文字号 and 主题 fields' }]);
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
