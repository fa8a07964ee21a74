/**
 * Each edition speaks its language (issue 13). The Chinese site speaks Chinese. On every built page, the text a reader meets has no run of three or
 * more English words: the text of `<body>` (header, `<main>`, footer, chart text and descriptions, tables), the
 * attributes read aloud or shown on hover (`aria-label`, `title`, `alt`, `placeholder`), the page `<title>` and its
 * description. A note, caveat or label with an English text belongs in the registry's `*En` field, never on a page.
 *
 * Two explicit, short allow-lists say what English may stand on a Chinese page, each entry with its reason:
 *  - `ENGLISH_NAMES`: elements marked `lang="en"` that hold an English *name* (an indicator's, a term's, a
 *    department's), by page and selector. Any other `lang="en"` element is read like the rest, so marking a note
 *    `lang="en"` does not hide it.
 *  - `ALLOWED_TOKENS`: what is taken out of a text before counting words (addresses, file names, R&D, GDP).
 *
 * The English edition (`/en/`) is checked the other way round: every Han character a reader meets there (text,
 * read-aloud attributes) sits inside an element whose `lang` starts with `zh` (the plans' own words, Chinese names
 * without an English field), so that no Chinese-only UI string is left; the few exceptions are in
 * `CHINESE_ON_ENGLISH_PAGES`, each with its reason.
 *
 * Pages are parsed with html-validate's own parser (a dependency of the site tests already): no browser.
 */
import { readdirSync } from 'node:fs';
import type { DOMNode, HtmlElement } from 'html-validate';
import { describe, expect, inject, test } from 'vitest';
import { builtPages, planPages } from '../support/browser.ts';
import { parseHtml, parsedHtmlFile } from '../support/parsed-html.ts';
import { expectNone } from '../support/report.ts';

const siteDir = inject('siteDir');
const isEnglish = (path: string) => path === '/en/' || path.startsWith('/en/');
const pages = builtPages(siteDir).filter((p) => !isEnglish(p.path));
const englishPages = builtPages(siteDir).filter((p) => isEnglish(p.path));

/**
 * Han characters an English page may show outside a `lang="zh…"` element. `where` is the piece (see `pieces`):
 * `title` and the description cannot mark the language of a part of them.
 */
const CHINESE_ON_ENGLISH_PAGES: { pages: RegExp; where: 'title'; reason: string }[] = [
  { pages: /^\/en\/plans\/[^/]+\/(source\/|analysis\/)?$/u, where: 'title', reason: 'a plan’s only title is its Chinese one (none of the seeds has an official English title), on its page, its analysis page and its source view' },
  { pages: /^\/en\/regions\/[^/]+\/$/u, where: 'title', reason: 'a region without an English name in content/regions.yaml is named in Chinese' },
  { pages: /^\/en\/glossary\/[^/]+\/$/u, where: 'title', reason: 'an English name in content/glossary.yaml that quotes a Chinese word (科技领军企业: “培育企业”)' },
  { pages: /^\/en\/alignment\/[^/]+\/$/u, where: 'title', reason: 'the plan above is named by its Chinese title (none has an official English title)' },
  { pages: /^\/en\/documents\/[^/]+\/$/u, where: 'title', reason: 'a cited document’s only title is its Chinese one (content/documents.yaml records no official English title)' },
  { pages: /^\/en\/embed\/[^/]+\/$/u, where: 'title', reason: 'a chart’s embed page names the page it is from: a plan by its only (Chinese) title, a region without an English name in Chinese' },
  { pages: /^\/en\/departments\/[^/]+\/$/u, where: 'title', reason: 'a department of a region without an English name in content/regions.yaml (红桥区) is named in Chinese' },
];

/** English names the Chinese pages may show, marked `lang="en"`. `pages` matches the page path. */
const ENGLISH_NAMES: { pages: RegExp; selector: string; reason: string; optional?: true }[] = [
  {
    pages: /^\/(indicators|glossary|themes|regions|instruments)\/[^/]+\/$/u,
    selector: 'h1 > span[lang="en"]',
    reason: 'the registry’s English name (`nameEn`) beside the Chinese name in the heading',
  },
  { pages: /^\/indicators\/$/u, selector: 'td > span[lang="en"]', reason: 'the 英文名称 column: each indicator’s English name (编者译名 follows outside it)' },
  { pages: /^\/(glossary|themes)\/$/u, selector: 'li span[lang="en"]', reason: 'each term’s or theme’s English name beside the Chinese one' },
  { pages: /^\/departments\/[^/]+\/$/u, selector: 'dd > span[lang="en"]', reason: 'the department’s English name (with its region’s), under 英文名称 (编者译名 follows outside it)' },
  {
    pages: /^\/$/u,
    selector: '.ingest-failures details pre[lang="en"]',
    reason: 'the pipeline’s own error message for a skipped text, under 错误详情（英文原文）, beside the Chinese explanation',
    optional: true, // only when ingest skipped a text; the test builds are strict, so never here
  },
];

/** Taken out of a text before words are counted. */
const ALLOWED_TOKENS: { pattern: RegExp; reason: string }[] = [
  { pattern: /\bhttps?:\/\/\S+/gu, reason: 'addresses (print header, cite lines, sources)' },
  { pattern: /[\w.<>-]*(?:\/[\w.<>#-]*)+|[\w.-]+\.(?:txt|json|csv|xml|yaml|html)\b/gu, reason: 'paths and file names (targets.csv, data/plans/<规划>.json)' },
  { pattern: /R&D|S&T/gu, reason: 'how Chinese statistics write 研究与试验发展 and 科学技术 (R&D经费)' },
  { pattern: /\bGDP\b/gu, reason: 'how Chinese statistics write 国内（地区）生产总值' },
];

/**
 * Three or more English words in a row, separated by spaces (after a comma, colon or semicolon at most); a line
 * break (an element boundary, an allowed token taken out) ends a run.
 */
const ENGLISH_RUN = /[A-Za-z][A-Za-z'’-]*(?:[,;:]?[^\S\n]+[A-Za-z][A-Za-z'’-]*){2,}/gu;
/** Read by assistive technology or shown on hover. */
const READ_ATTRIBUTES = ['aria-label', 'title', 'alt', 'placeholder'];
/** Not text a reader meets. */
const SKIP_TAGS = new Set(['script', 'style', 'template']);
/** Inline elements: their text runs on with the text around them; any other element starts a new piece of text. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'cite', 'code', 'data', 'del', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'svg:tspan']);

/** html-validate keeps character references as written. */
function decode(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (m, ref: string) =>
    ref[0] === '#' ? String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1))) : (named[ref] ?? m),
  );
}

/** A piece of text a reader meets, and where. */
interface Piece {
  where: string;
  text: string;
}

const where = (e: HtmlElement) => e.generateSelector() ?? e.tagName;

/** The pieces of text of a page, without the elements in `skip`. */
function pieces(root: HtmlElement, skip: ReadonlySet<HtmlElement>): Piece[] {
  const out: Piece[] = [];
  const title = root.querySelector('title');
  if (title) out.push({ where: 'title', text: decode(title.textContent) });
  const description = root.querySelector('meta[name="description"]')?.getAttributeValue('content');
  if (description) out.push({ where: 'meta[name="description"]', text: decode(description) });
  // Names a browser shows for the head's links (the Atom feed's, in a feed reader's list).
  for (const link of root.querySelectorAll('link[title]')) out.push({ where: `link[rel="${link.getAttributeValue('rel')}"] @title`, text: decode(link.getAttributeValue('title') ?? '') });
  const visit = (node: DOMNode, parts: string[]) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) parts.push(decode(child.textContent));
      if (child.nodeType !== 1) continue;
      const e = child as HtmlElement;
      if (SKIP_TAGS.has(e.tagName)) continue;
      if (skip.has(e)) {
        parts.push('\n'); // an English name ends the run of words around it
        continue;
      }
      for (const name of READ_ATTRIBUTES) {
        const value = e.getAttributeValue(name);
        if (value) out.push({ where: `${where(e)} @${name}`, text: decode(value) });
      }
      if (INLINE.has(e.tagName)) {
        visit(e, parts);
      } else {
        const own: string[] = [];
        visit(e, own);
        out.push({ where: where(e), text: own.join('') });
        parts.push('\n');
      }
    }
  };
  const body = root.querySelector('body');
  if (body) visit(body, []);
  return out.map((p) => ({ ...p, text: p.text.replace(/[^\S\n]+/gu, ' ').trim() })).filter((p) => p.text !== '');
}

/** Each run of three or more English words in the text, after the allowed tokens are taken out. */
function englishRuns(text: string): string[] {
  let rest = text;
  for (const { pattern } of ALLOWED_TOKENS) rest = rest.replace(pattern, '\n');
  return [...rest.matchAll(ENGLISH_RUN)].map((m) => m[0]);
}

/** The allowed English names on a page: elements the `ENGLISH_NAMES` entries for its path select. */
function englishNames(root: HtmlElement, path: string): { element: HtmlElement; entry: (typeof ENGLISH_NAMES)[number] }[] {
  return ENGLISH_NAMES.filter((entry) => entry.pages.test(path)).flatMap((entry) => root.querySelectorAll(entry.selector).map((element) => ({ element, entry })));
}

test('the build wrote HTML pages, a plan page for every seed among them', () => {
  expect(pages.length, `no .html files in ${siteDir}`).toBeGreaterThan(0);
  expect(planPages(siteDir), 'plan pages').toHaveLength(readdirSync('seeds').filter((n) => n.endsWith('.txt')).length);
});

test('the check finds English prose, and only prose: names, addresses, file names, R&D and GDP pass', () => {
  // A known sentence must be caught (else every page below would pass for nothing), wherever it sits.
  const html = (inner: string) => `<!doctype html><html lang="zh-CN"><head><title>指标</title></head><body><main>${inner}</main></body></html>`;
  const found = (inner: string) => pieces(parseHtml(html(inner), 't.html'), new Set()).flatMap((p) => englishRuns(p.text));
  expect(found('<dl><dt>可比性</dt><dd lang="en">Firms&#39; R&amp;D over firms&#39; sales: NOT the same ratio as <a href="#">全社会研发投入强度</a></dd></dl>')).toEqual([
    "over firms' sales: NOT the same ratio as",
  ]);
  expect(found('<p><a href="#">An amount</a>, not a ratio</p>')).toEqual(['An amount, not a ratio']);
  expect(found('<button aria-label="Print this page">打印</button>')).toEqual(['Print this page']);
  expect(found('<p>全社会R&amp;D经费支出占GDP的比重；见 https://example.org/a/b c 与 data/plans/x.json、targets.csv。Aileen Lee 提出。</p>')).toEqual([]);
});

test('every allowed English name is found on some page and is marked lang="en"', () => {
  const problems: string[] = [];
  for (const entry of ENGLISH_NAMES) {
    const hits = pages.filter((p) => entry.pages.test(p.path)).flatMap((p) => parsedHtmlFile(p.file).querySelectorAll(entry.selector).map((e) => ({ p, e })));
    if (hits.length === 0 && !entry.optional) problems.push(`${entry.selector} on ${entry.pages}: matches nothing; drop the entry (${entry.reason})`);
    for (const { p, e } of hits) if (e.getAttributeValue('lang') !== 'en') problems.push(`${p.path} ${where(e)}: allowed as an English name but not marked lang="en"`);
  }
  expectNone(problems, 'ENGLISH_NAMES');
});

describe.each(pages)('$path', ({ file, path }) => {
  test('has no run of three or more English words outside the allowed English names', () => {
    const root = parsedHtmlFile(file);
    const skip = new Set(englishNames(root, path).map((n) => n.element));
    const seen = pieces(root, skip);
    expect(seen.some((p) => /\p{Script=Han}/u.test(p.text)), `${path}: no Chinese text found: the extraction is not looking`).toBe(true);
    const problems = seen.flatMap((p) => englishRuns(p.text).map((run) => `${path} ${p.where}: “${run}” in “${p.text.length > 160 ? `${p.text.slice(0, 160)}…` : p.text}”`));
    expectNone(problems, `${path}: English prose on a Chinese page (put it in the registry's *En field, or mark an English name lang="en" and list it in ENGLISH_NAMES)`);
  });
});

/** A minimal English page around `inner`, parsed: what the English checks' own tests run on. */
const englishPage = (inner: string) => parseHtml(`<!doctype html><html lang="en"><head><title>Plans</title></head><body><main>${inner}</main></body></html>`, 't.html');

/**
 * The Han characters of a page outside every element whose `lang` starts with `zh`, with where they are. The site's
 * own words set into a plan's text (elements marked `data-ui`: notes, marks, links) do not take the text's Chinese
 * `lang`: they must say their language themselves, so an editors' note left in Chinese is found.
 */
function hanOutsideChinese(root: HtmlElement): Piece[] {
  const out: Piece[] = [];
  const han = /\p{Script=Han}/u;
  const title = root.querySelector('title');
  if (title && han.test(title.textContent)) out.push({ where: 'title', text: decode(title.textContent) });
  const description = root.querySelector('meta[name="description"]')?.getAttributeValue('content');
  if (description && han.test(description)) out.push({ where: 'meta[name="description"]', text: decode(description) });
  // Names a browser shows for the head's links (the Atom feed's, in a feed reader's list).
  for (const link of root.querySelectorAll('link[title]')) {
    const name = link.getAttributeValue('title') ?? '';
    if (han.test(name)) out.push({ where: `link[rel="${link.getAttributeValue('rel')}"] @title`, text: decode(name) });
  }
  const visit = (e: HtmlElement, chinese: boolean) => {
    if (e.tagName === 'head') return; // its title, description and link names are read above
    const lang = e.getAttributeValue('lang');
    const inChinese = lang !== null ? lang.toLowerCase().startsWith('zh') : e.hasAttribute('data-ui') ? false : chinese;
    if (SKIP_TAGS.has(e.tagName)) return;
    for (const name of READ_ATTRIBUTES) {
      const value = e.getAttributeValue(name);
      if (value && han.test(value) && !inChinese) out.push({ where: `${where(e)} @${name}`, text: decode(value) });
    }
    for (const child of e.childNodes) {
      if (child.nodeType === 3 && !inChinese && han.test(child.textContent)) out.push({ where: where(e), text: decode(child.textContent).trim() });
      if (child.nodeType === 1) visit(child as HtmlElement, inChinese);
    }
  };
  const html = root.querySelector('html');
  if (html) visit(html, (html.getAttributeValue('lang') ?? '').startsWith('zh'));
  return out;
}

/**
 * English words read aloud from an attribute (`aria-label`, `title`, `alt`, `placeholder`) of an element inside a
 * `lang="zh…"` one: a screen reader speaks them with a Chinese voice. The attribute's element must say `lang="en"`.
 */
function englishInChinese(root: HtmlElement): Piece[] {
  const out: Piece[] = [];
  const visit = (e: HtmlElement, chinese: boolean) => {
    const lang = e.getAttributeValue('lang');
    const inChinese = lang === null ? chinese : lang.toLowerCase().startsWith('zh');
    if (SKIP_TAGS.has(e.tagName) || e.tagName === 'head') return;
    for (const name of READ_ATTRIBUTES) {
      const value = e.getAttributeValue(name);
      if (value && inChinese && /[A-Za-z]{2,}/u.test(value) && !/\p{Script=Han}/u.test(value)) out.push({ where: `${where(e)} @${name}`, text: decode(value) });
    }
    for (const child of e.childNodes) if (child.nodeType === 1) visit(child as HtmlElement, inChinese);
  };
  const html = root.querySelector('html');
  if (html) visit(html, false);
  return out;
}

test('the check finds English attributes read in a Chinese voice, and only there', () => {
  const found = (inner: string) => englishInChinese(englishPage(inner)).map((p) => p.text);
  expect(found('<div lang="zh-CN"><section aria-label="Covering notice"><p>通知</p></section><a lang="en" aria-label="Link to this paragraph">¶</a></div>')).toEqual(['Covering notice']);
  expect(found('<nav aria-label="Site"><div lang="zh-CN"><a aria-label="第1行">1</a></div></nav>')).toEqual([]);
});

test('the English edition was built: a home page and a plan page for every seed', () => {
  expect(englishPages.map((p) => p.path)).toContain('/en/');
  expect(englishPages.filter((p) => /^\/en\/plans\/[^/]+\/$/u.test(p.path)), 'English plan pages').toHaveLength(readdirSync('seeds').filter((n) => n.endsWith('.txt')).length);
});

test('the English check finds Chinese outside lang="zh…", and only there', () => {
  const found = (inner: string) => hanOutsideChinese(englishPage(inner)).map((p) => p.text);
  expect(found('<p>All plans <span lang="zh-CN">天津市</span></p>')).toEqual([]);
  expect(found('<p>Region: 天津市</p>')).toEqual(['Region: 天津市']);
  expect(found('<div lang="zh-CN"><p>正文 <span lang="en">English <b>引用</b></span></p></div>')).toEqual(['引用']);
  expect(found('<button aria-label="打印本页">Print</button>')).toEqual(['打印本页']);
  // The site's words in a plan's Chinese text say their own language.
  expect(found('<div lang="zh-CN"><p>正文<span class="ed-note" data-ui>〔编者注〕</span><a data-ui aria-label="本段链接">¶</a></p></div>')).toEqual(['〔编者注〕', '本段链接']);
  expect(found('<div lang="zh-CN"><p>正文<span data-ui lang="en">[note <span lang="zh-CN">年</span>]</span></p></div>')).toEqual([]);
  expect(found('<p lang="zh-Hans">简体</p><script>const s = "脚本";</script>')).toEqual([]);
});

test('every exception for Chinese on English pages is used', () => {
  const unused = CHINESE_ON_ENGLISH_PAGES.filter((x) => !englishPages.some((p) => x.pages.test(p.path) && hanOutsideChinese(parsedHtmlFile(p.file)).some((piece) => piece.where === x.where)));
  expectNone(unused.map((x) => `${x.pages} ${x.where}: matches nothing; drop it (${x.reason})`), 'CHINESE_ON_ENGLISH_PAGES');
});

/**
 * Where English text on a page runs into what stands before it across an element boundary: a bracket with no space
 * before it (`Tianjin</a><span>(4 plans)` reads “Tianjin(4 plans)”), or a word straight after a full stop, comma,
 * colon or closing bracket (`…in Chinese).</span><a>Back to the text`). Astro drops the line break between an
 * expression and the next tag, so a template's layout does not space the words; the text must. Only English text
 * (outside `lang="zh…"`) is judged: the plans' own Chinese writes half-width brackets its own way.
 */
function gluedWords(root: HtmlElement): Piece[] {
  const out: Piece[] = [];
  let previous: { text: string; where: string } | null = null;
  const visit = (e: HtmlElement, chinese: boolean) => {
    const lang = e.getAttributeValue('lang');
    const inChinese = lang === null ? chinese : lang.toLowerCase().startsWith('zh');
    if (SKIP_TAGS.has(e.tagName) || e.tagName === 'head') return;
    if (!INLINE.has(e.tagName)) previous = null;
    for (const child of e.childNodes) {
      if (child.nodeType === 1) visit(child as HtmlElement, inChinese);
      if (child.nodeType !== 3) continue;
      const text = decode(child.textContent);
      if (previous && !inChinese) {
        const before = previous.text.at(-1) ?? ' ';
        const glued = (text.startsWith('(') && /^\([^)]*[A-Za-z]/u.test(text) && /[\p{L}\p{N}\])”’]/u.test(before)) || (/^[A-Za-z]/u.test(text) && /[.,;:)]/u.test(before));
        if (glued) out.push({ where: where(e), text: `${previous.text.slice(-30)}|${text.slice(0, 30)}` });
      }
      previous = { text, where: where(e) };
    }
    if (!INLINE.has(e.tagName)) previous = null;
  };
  const html = root.querySelector('html');
  if (html) visit(html, false);
  return out;
}

test('the spacing check finds English run into the text before it, and only there', () => {
  const found = (inner: string) => gluedWords(englishPage(inner)).map((p) => p.text);
  expect(found('<li><a href="#">Tianjin</a><span>(4 plans)</span></li>')).toEqual(['Tianjin|(4 plans)']);
  expect(found('<li><a href="#"><span lang="zh-CN">红桥区</span></a><span>(1 plan)</span></li>')).toEqual(['红桥区|(1 plan)']);
  expect(found('<p>shows on hover).<a href="#">Back to the text</a></p>')).toEqual(['shows on hover).|Back to the text']);
  expect(found('<li><a href="#">Tianjin</a> <span>(4 plans)</span></li><p>hover). <a href="#">Back</a></p>')).toEqual([]);
  expect(found('<p lang="zh-CN">行动计划<a href="#">(2020—2022年)</a></p><p>Print</p><p>(a note)</p>')).toEqual([]);
  // A Chinese quote whose digits and brackets fall outside its lang marks (Mixed marks the Han runs only).
  expect(found('<p><span lang="zh-CN">“方案</span>(2020-2022<span lang="zh-CN">年</span>)</p>')).toEqual([]);
});

describe.each(englishPages)('$path', ({ file, path }) => {
  test('has every Han character inside an element whose lang starts with zh (no Chinese-only UI string)', () => {
    const root = parsedHtmlFile(file);
    expect(root.querySelector('html')?.getAttributeValue('lang'), `${path}: <html lang>`).toBe('en');
    const allowed = (piece: Piece) => CHINESE_ON_ENGLISH_PAGES.some((x) => x.pages.test(path) && x.where === piece.where);
    const problems = hanOutsideChinese(root)
      .filter((piece) => !allowed(piece))
      .map((p) => `${path} ${p.where}: “${p.text.length > 160 ? `${p.text.slice(0, 160)}…` : p.text}”`);
    expectNone(problems, `${path}: Chinese outside lang="zh-CN" on an English page (write it in src/lib/i18n/, or mark the data's Chinese with <Zh>)`);
  });
  test('marks its English attributes English where they stand in Chinese text', () => {
    expectNone(englishInChinese(parsedHtmlFile(file)).map((p) => `${path} ${p.where}: “${p.text}”`), `${path}: English read aloud in a Chinese voice (mark the element lang="en")`);
  });
  test('spaces its English from the text before it', () => {
    expectNone(gluedWords(parsedHtmlFile(file)).map((p) => `${path} ${p.where}: “${p.text}”`), `${path}: English run into the text before it (a space in the template or the words of src/lib/i18n/)`);
  });
});
