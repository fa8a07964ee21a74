/**
 * Printing: every plan printed to PDF by Chromium is A4, carries the document number, every heading and the page
 * numbers `— N —`, the page URL and the day it was printed, and none of the navigation, search, buttons or
 * contents sidebar. After the text, on a new page, come the notes: the 校勘记 lists every repair with the original
 * and what the page shows instead (or says there was none), and the 来源说明 names the seed file, its SHA-256 and
 * how many of its lines were left out. No address stands inside the text: cited documents, glossary terms and the
 * source text carry a note number, and the 注释, on the last pages, give each target once with its absolute URL;
 * the page's own URL in the print header is the only address before them. Each plan is printed once; the PDFs and
 * a PNG of each first page are kept in tests/.artifacts/print/ to look at.
 *
 * Expectations come from outside the build: the headings and document number from the built site's data
 * (`/data/plans/<slug>.json`); the repairs from tests/fixtures/repairs.yaml (what ingest may repair by itself) and
 * content/corrections.yaml (the curated corrections), the left-out lines from tests/fixtures/removed/seeds.yaml,
 * the seed→slug mapping from seeds/catalog.yaml and the hashes from seeds/SHA256SUMS.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { parse } from 'yaml';
import type { PlanDocument } from '../../src/schemas/plan.ts';
import { pageUrl, planPages } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { expectNone } from '../support/report.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const plans = planPages(siteDir);
const out = 'tests/.artifacts/print';
/** Text without layout: whitespace, soft hyphens, hyphens (of words broken at a line end) and the word joiner that
 *  keeps a note number on its word's line. */
const squash = (s: string) => s.replace(/[\s\u00ad\u2060-]/gu, '');
/** A print day that cannot be the build day: the page's clock is set to it, enhance.js fills it in at print time. */
const PRINT_DAY = '2031-05-17';

/** Text that belongs to the screen only. */
const SCREEN_ONLY = ['跳到正文', '搜索规划全文', '网站导航', '打印本页', '全部文件信息', '引用本文', '逐行原文', '数据 (JSON)', '其他规划的'];

const seeds = readdirSync('seeds').filter((name) => name.endsWith('.txt')).sort();
const catalog = parse(readFileSync('seeds/catalog.yaml', 'utf8')) as Record<string, { slug?: string }>;
const seedOfSlug = new Map(Object.entries(catalog).flatMap(([seed, entry]) => (entry.slug ? [[entry.slug, seed] as const] : [])));
type Repair = { original: string; replacement: string };
const ingestRepairs = parse(readFileSync('tests/fixtures/repairs.yaml', 'utf8')) as Record<string, Repair[] | null>;
const corrections = parse(readFileSync('content/corrections.yaml', 'utf8')) as Record<string, Repair[] | null>;
const removedLines = parse(readFileSync('tests/fixtures/removed/seeds.yaml', 'utf8')) as Record<string, unknown[] | null>;
const sha256 = new Map(
  readFileSync('seeds/SHA256SUMS', 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/u).reverse() as [string, string]),
);
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
/** Every repair a seed's page must list: ingest's own and the curated corrections. */
const repairsOf = (seed: string): Repair[] => [...(ingestRepairs[seed] ?? []), ...(corrections[seed] ?? [])];

/** A note number as the printed page shows it, after the link it belongs to. */
interface Mark {
  number: number;
  /** The link before the number: its class, text and href. */
  link: { className: string; text: string; href: string } | null;
  /** Whether it stands inside a `<cite>` (a cited title). */
  inCite: boolean;
}

interface Printed {
  pdf: string;
  /** pdftotext -layout output; pages are separated by form feeds. */
  text: string;
  pages: number;
  width: number;
  height: number;
  /** The note numbers shown in print, in reading order (read from the page as it was printed). */
  marks: Mark[];
  /** Every cited-document and glossary-term link of the text, and whether a note number follows it. */
  links: { className: string; text: string; marked: boolean }[];
}

const browser = browserForFile();
beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  await browser.page.clock.setFixedTime(new Date(`${PRINT_DAY}T12:00:00Z`));
  await browser.page.emulateMedia({ media: 'print' });
});

const prints = new Map<string, Promise<Printed>>();
/** Prints a plan once per run; every test of that plan reads the same PDF. */
function printed(slug: string): Promise<Printed> {
  let result = prints.get(slug);
  if (!result) {
    result = (async () => {
      const pdf = join(out, `${slug}.pdf`);
      await browser.page.goto(pageUrl(baseUrl, `/plans/${slug}/`));
      await browser.page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/u.exec(info)!.slice(1).map(Number) as [number, number];
      const pages = Number(/Pages:\s+(\d+)/u.exec(info)![1]);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(out, `${slug}-page1`)]);
      const { marks, links } = await browser.page.evaluate(() => {
        const isMark = (e: Element | null) => e?.matches('.endnote-ref') === true && e.checkVisibility();
        return {
          marks: [...document.querySelectorAll('.endnote-ref')].filter(isMark).map((e) => {
            const link = e.previousElementSibling?.matches('a') ? (e.previousElementSibling as HTMLAnchorElement) : null;
            return {
              number: Number((e.textContent ?? '').replace(/\u2060/gu, '')),
              link: link && { className: link.className, text: link.textContent ?? '', href: link.getAttribute('href') ?? '' },
              inCite: e.closest('cite') !== null,
            };
          }),
          links: [...document.querySelectorAll('.plan-text a.cited, .plan-text a.term')].map((a) => ({
            className: a.className,
            text: a.textContent ?? '',
            marked: isMark(a.nextElementSibling),
          })),
        };
      });
      return { pdf, text, pages, width, height, marks, links };
    })();
    prints.set(slug, result);
  }
  return result;
}

/** The printed pages before the 注释 and the 注释 themselves, which begin on a page of their own after all else. */
function endnotesSplit(p: Printed): { before: string; endnotes: string } {
  const pages = p.text.split('\f');
  const start = pages.findIndex((pageText) => pageText.trimStart().startsWith('注释'));
  expect(start, `${p.pdf}: no page begins with 注释 (the endnotes start on a new page after the text and its notes)`).toBeGreaterThan(0);
  return { before: pages.slice(0, start).join('\f'), endnotes: pages.slice(start).join('\f') };
}

/** The entries of the printed 注释: each begins a line with its number and a full stop (`12. 术语“双创” http…`). */
function endnoteEntries(p: Printed): { number: number; text: string }[] {
  const lines = endnotesSplit(p).endnotes.split('\n');
  const heading = lines.findIndex((line) => line.trim() === '注释');
  const entries: { number: number; text: string }[] = [];
  for (const line of lines.slice(heading + 1)) {
    if (/^\s*(—\s*\d+\s*—)?\s*$/u.test(line)) continue; // blank, or a page number
    const m = /^\s*(\d+)\.\s(.*)$/u.exec(line);
    if (m) entries.push({ number: Number(m[1]), text: squash(m[2]!) });
    else if (entries.length > 0) entries.at(-1)!.text += squash(line);
  }
  return entries;
}

/** The notes as printed, whitespace removed: from the page that opens with 校勘记 to the 注释. */
function notes(p: Printed): { repairs: string; sources: string } {
  const start = p.text.split('\f').findIndex((pageText) => pageText.trimStart().startsWith('校勘记'));
  expect(start, `${p.pdf}: no page begins with 校勘记 (the notes start on a new page after the text)`).toBeGreaterThan(0);
  const flat = squash(endnotesSplit(p).before.split('\f').slice(start).join(''));
  const at = flat.indexOf('来源说明');
  expect(at, `${p.pdf}: no 来源说明 after the 校勘记`).toBeGreaterThan(0);
  return { repairs: flat.slice(0, at), sources: flat.slice(at) };
}

test('there is a plan page for every seed, each named in the catalog', () => {
  expect(plans).toHaveLength(seeds.length);
  expectNone(plans.map((p) => p.path.split('/')[2]!).filter((slug) => !seeds.includes(seedOfSlug.get(slug) ?? '')), 'plan pages without a seed in seeds/catalog.yaml');
});

test('the seeds include one with repairs and one without, so both kinds of 校勘记 are printed', () => {
  expect(seeds.filter((seed) => repairsOf(seed).length > 0).length).toBeGreaterThan(0);
  expect(seeds.filter((seed) => repairsOf(seed).length === 0).length).toBeGreaterThan(0);
});

describe.each(plans)('$path', ({ path }) => {
  const slug = path.split('/')[2]!;
  const seed = seedOfSlug.get(slug) ?? '(no seed)';

  test('prints as an A4 plan with its headings, number, page numbers and print day, and no screen furniture', async () => {
    const doc = JSON.parse(readFileSync(join(siteDir, 'data/plans', `${slug}.json`), 'utf8')) as PlanDocument;
    const { pdf, text, pages, width, height } = await printed(slug);
    // A4 is 595.28 × 841.89 pt.
    expect(Math.abs(width - 595.28), `page width ${width} pt`).toBeLessThan(1.5);
    expect(Math.abs(height - 841.89), `page height ${height} pt`).toBeLessThan(1.5);
    const flat = squash(text);
    // A repaired passage prints with its marker 校 after it, possibly inside a heading.
    const unmarked = flat.replace(/校/gu, '');
    const printedText = (s: string) => flat.includes(squash(s)) || unmarked.includes(squash(s).replace(/校/gu, ''));
    const headings = doc.blocks.flatMap((b) => (b.kind === 'heading' ? [b] : []));
    expect(headings.length, `${slug}: headings in the built data`).toBeGreaterThan(0);
    const missing = headings.filter((b) => !printedText(b.title)).map((b) => `heading ${b.id} “${b.title}”`);
    if (doc.meta.docNumber && !flat.includes(squash(doc.meta.docNumber.value))) missing.push(`document number ${doc.meta.docNumber.value}`);
    if (!flat.includes(squash(`/plans/${slug}/`))) missing.push('the page URL');
    if (!flat.includes(squash(`打印日期：${PRINT_DAY}`))) missing.push(`the print date 打印日期：${PRINT_DAY} (the day of printing, not of the build)`);
    // The foot reads `— N —`; pdftotext drops the thin spaces around the number.
    expect(pages, 'pages').toBeGreaterThan(0);
    for (let n = 1; n <= pages; n++) if (!new RegExp(`—\\s*${n}\\s*—`, 'u').test(text)) missing.push(`page number — ${n} —`);
    expectNone(missing, `${pdf}: missing in print`);
    expectNone(SCREEN_ONLY.filter((s) => flat.includes(squash(s))), `${pdf}: screen-only text printed`);
  });

  test('prints a 校勘记 listing every repair with its original, or saying there was none', async () => {
    const p = await printed(slug);
    const { repairs } = notes(p);
    const expected = repairsOf(seed);
    // Each entry reads 正文：原文“…”作“…”。 An original that was missing altogether prints as （无）.
    const entry = (r: Repair) => squash(`原文“${r.original === '' ? '（无）' : r.original}”作“${r.replacement}”`);
    const entries = repairs.split('正文：').length - 1;
    if (expected.length === 0) {
      expect(repairs, `${p.pdf}: 校勘记 of a text without repairs`).toContain('本文未作修补');
      expect(entries, `${p.pdf}: repair entries printed for a text without repairs`).toBe(0);
    } else {
      expectNone(expected.filter((r) => !repairs.includes(entry(r))).map((r) => `${seed}: ${entry(r)}`), `${p.pdf}: repairs missing from the printed 校勘记`);
      expect(entries, `${p.pdf}: number of printed repair entries`).toBe(expected.length);
      expect(repairs).not.toContain('本文未作修补');
    }
  });

  test('prints a 来源说明 naming the seed file, its SHA-256 and how many lines were left out', async () => {
    const p = await printed(slug);
    const { sources } = notes(p);
    const hash = sha256.get(seed);
    expect(hash, `${seed} in seeds/SHA256SUMS`).toBeDefined();
    const wanted = [
      seed,
      `SHA-256 ${hash!.slice(0, 12)}`,
      (removedLines[seed] ?? []).length === 0 ? '原文各行均列入正文' : `以下${(removedLines[seed] ?? []).length}行未列入正文`,
      isUtf8(readFileSync(join('seeds', seed))) ? 'UTF-8' : '原为GB18030编码，已转为UTF-8',
    ];
    expectNone(wanted.filter((w) => !sources.includes(squash(w))), `${p.pdf}: missing from the printed 来源说明`);
  });

  test('prints no address inside the text: before the 注释 the only URL is the page’s own, in the print header', async () => {
    const p = await printed(slug);
    const before = squash(endnotesSplit(p).before);
    const at = [...before.matchAll(/http/gu)].map((m) => m.index);
    expect(at.length, `${p.pdf}: “http” printed before the 注释 ${at.length} times: ${at.map((i) => `“…${before.slice(Math.max(0, i - 30), i + 60)}…”`).join(' ')}`).toBe(1);
    expect(before.slice(0, at[0]).endsWith('本件打印自'), `${p.pdf}: the one URL before the 注释 is not the print header’s`).toBe(true);
  });

  test('prints the 注释: each marked target once, numbered in reading order, with its absolute URL', async () => {
    const p = await printed(slug);
    // Every plan links at least its source text from the 来源说明.
    expect(p.marks.length, `${p.pdf}: note numbers shown in print`).toBeGreaterThan(0);
    const firsts = [...new Set(p.marks.map((m) => m.number))];
    expect(firsts, `${p.pdf}: note numbers in order of first appearance`).toEqual(firsts.map((_, i) => i + 1));
    const entries = endnoteEntries(p);
    expect(entries.map((e) => e.number), `${p.pdf}: numbers of the printed 注释`).toEqual(firsts);
    const problems: string[] = [];
    // A target is listed once: a term linked in every section keeps the number of its first mention.
    const urlOf = (text: string) => text.slice(text.indexOf('http'));
    for (const [i, e] of entries.entries()) if (entries.findIndex((o) => urlOf(o.text) === urlOf(e.text)) !== i) problems.push(`note ${e.number} repeats an earlier target: “${e.text}”`);
    for (const m of p.marks) {
      const entry = entries[m.number - 1];
      if (!m.link) problems.push(`note ${m.number} follows no link`);
      else if (!entry?.text.includes(squash(new URL(m.link.href, 'http://x/').pathname))) problems.push(`note ${m.number} after “${m.link.text}” (${m.link.href}): the 注释 entry reads “${entry?.text}”`);
      else if (!entry.text.includes('http')) problems.push(`note ${m.number}: no absolute URL in “${entry.text}”`);
      // A title cut around a repair is marked after its last piece: the number follows the closing 》.
      if (m.inCite && !m.link?.text.endsWith('》')) problems.push(`note ${m.number} inside a title, after “${m.link?.text}”`);
    }
    // Every glossary term and every cited title (at its last piece, the one ending in 》) carries its number.
    const marked = (l: Printed['links'][number]) => l.className === 'term' || l.text.endsWith('》');
    expect(p.links.filter(marked).length, `${p.pdf}: cited titles and glossary terms in the text`).toBeGreaterThan(0);
    for (const l of p.links) if (l.marked !== marked(l)) problems.push(`${l.className} link “${l.text}” ${l.marked ? 'has' : 'lacks'} a note number`);
    expectNone(problems, `${p.pdf}: note numbers and the 注释`);
  });
});

test('beichen-2020-2022 prints its cited 天津市 plan as note 2, after the closing 》, with the document’s page in the 注释', async () => {
  // From the seed (000_df8e3af4caff0a08.txt): the notice cites the plan itself (note 1), then the text opens with
  // 为贯彻落实《天津市科技创新三年行动计划(20202022年)》(津政发…), whose lost dash is repaired; its page is
  // /documents/tianjin-st-innovation-3yr-2020-2022/ (content/documents.yaml), titled with full-width brackets.
  const p = await printed('beichen-2020-2022');
  const before = squash(endnotesSplit(p).before);
  const at = before.indexOf('为贯彻落实');
  expect(before.includes(squash('为贯彻落实《天津市科技创新三年行动计划(2020—2022年)校》2(津政发')), `${p.pdf} prints “${before.slice(at, at + 50)}”`).toBe(true);
  const entry = endnoteEntries(p).find((e) => e.number === 2);
  expect(entry?.text).toContain(squash('《天津市科技创新三年行动计划（2020—2022年）》'));
  expect(entry?.text).toMatch(/^[^h]*http:\/\/[^/]+\/documents\/tianjinstinnovation3yr20202022\/$/u);
});

test('the English edition prints its header in English, the print day whole on one line', async () => {
  // Broken once: the English header read “Printed on:2026-12-” with “06” on the next line (the address is long and
  // may break anywhere; the day may not).
  const pdf = join(out, 'en-hongqiao-2020-2022.pdf');
  await browser.page.goto(pageUrl(baseUrl, '/en/plans/hongqiao-2020-2022/'));
  await browser.page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
  const firstPage = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  expect(firstPage, `${pdf}: the print header`).toContain(`Printed on ${PRINT_DAY}`);
  expect(squash(firstPage)).toContain(squash('Printed from http'));
});

// Words of the site's header that belong to the screen (its navigation, search box and language switch), by edition.
const HEADER_WORDS = { zh: ['搜索规划全文', '相同文字', '引用文件', 'English'], en: ['Chinese or English term', 'Shared text', 'Cited documents', '中文'] };

test.each([
  ['/compare/', 'zh', '地方科技规划参考库'],
  ['/plans/xinji-14th-five-year/source/', 'zh', '地方科技规划参考库'],
  ['/en/compare/', 'en', 'China Local S&T Plans'],
] as const)('%s prints under the site’s name, without the navigation, search box or language switch', async (path, edition, siteName) => {
  // Broken once: only a plan page had a print stylesheet; the others printed the whole header on page 1.
  const pdf = join(out, `${path.replace(/\W+/gu, '-')}.pdf`);
  await browser.page.goto(pageUrl(baseUrl, path));
  await browser.page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
  const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  expect(first, `${pdf}: page 1`).toContain(siteName);
  expectNone(HEADER_WORDS[edition].filter((w) => first.includes(w)), `${pdf}: header words on page 1`);
});

// Read by hand from the seeds: the five plans' regions, each heading its column of /compare/.
const COMPARE_PLACES = { zh: ['天津市北辰区', '天津市红桥区', '天津市宝坻区', '河北省石家庄市辛集市'], en: ['Tianjin › Beichen District', '天津市红桥区', '天津市宝坻区', '河北省石家庄市辛集市'] };

test.each([['/compare/', 'zh'], ['/en/compare/', 'en']] as const)('%s prints on landscape sheets with every plan’s column whole on the sheet', async (path, edition) => {
  // Broken once: the table printed in its screen frame, which clipped the columns past the sheet's edge.
  const pdf = join(out, `${path.replace(/\W+/gu, '-')}-columns.pdf`);
  await browser.page.goto(pageUrl(baseUrl, path));
  await browser.page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
  const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/u.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))!.slice(1).map(Number);
  expect(width, 'landscape').toBeGreaterThan(height!);
  const pages = wordsByPage(pdf);
  const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/gu, '');
  expectNone(COMPARE_PLACES[edition].filter((place) => !first.includes(place.replace(/\s+/gu, ''))), `${pdf}: column heads missing from page 1`);
  expectNone(pages.flatMap((p, i) => p.words.filter((w) => w.xMax > width! + 0.5).map((w) => `page ${i + 1}: “${w.text}” ends at ${w.xMax} pt`)), `${pdf}: words past the sheet's edge`);
});

/** The words pdftotext finds on each page (all, or from `first` to `last`), with their boxes in points. */
function wordsByPage(pdf: string, first?: number, last?: number): { height: number; words: { text: string; xMin: number; xMax: number; yMin: number; yMax: number }[] }[] {
  const pages = first === undefined ? [] : ['-f', String(first), '-l', String(last ?? first)];
  const xml = execFileSync('pdftotext', ['-bbox', ...pages, pdf, '-'], { encoding: 'utf8' });
  return xml
    .split('<page ')
    .slice(1)
    .map((page) => ({
      height: Number(/height="([\d.]+)"/u.exec(page)![1]),
      words: [...page.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu)].map((m) => ({
        text: m[5]!,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      })),
    }));
}

/**
 * How much Chromium scaled the page it printed: the print header's first word (本件打印自, Printed) as wide in the PDF
 * as it is laid out (px → pt), 1; less when something was wider than the type area and Chromium shrank the whole page
 * to fit it.
 */
async function printScale(pdf: string): Promise<{ word: string; scale: number }> {
  const laidOut = await browser.page.evaluate(() => {
    const text = document.querySelector('.print-source')!.firstChild!;
    const word = /^\S+/u.exec(text.textContent ?? '')![0];
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, word.length);
    return { word, pt: range.getBoundingClientRect().width * 0.75 };
  });
  const box = wordsByPage(pdf, 1)[0]!.words.find((w) => w.text === laidOut.word);
  expect(box, `${pdf}: the print header's first word, ${laidOut.word}, on page 1`).toBeDefined();
  return { word: laidOut.word, scale: (box!.xMax - box!.xMin) / laidOut.pt };
}

test.each(plans.flatMap(({ path }) => [path, `${path}analysis/`, `/en${path}`, `/en${path}analysis/`]))(
  '%s prints at full size: nothing is wider than the type area, so Chromium does not shrink the page to fit',
  async (path) => {
    // Broken once: every analysis page printed at 66–83 % (its targets' table, with a 16rem sentence column and
    // unbroken values and times, was 804–1013 px wide in a 590 px type area), its 12 pt text at 8–10 pt.
    const pdf = join(out, `scale-${path.replace(/\W+/gu, '-')}.pdf`);
    await browser.page.goto(pageUrl(baseUrl, path));
    await browser.page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
    const { word, scale } = await printScale(pdf);
    expect(scale, `${pdf}: ${word} printed at ${(scale * 100).toFixed(1)} % of its size`).toBeCloseTo(1, 2);
  },
);

test('the analysis page prints its first section on its first page, and a chart whole beside its caption', async () => {
  // Broken once: with the page break the plan page's targets section had before it moved to /analysis/, the first
  // printed page held the title alone and the second one heading (17 pages for xinji; 16 after).
  const pdf = join(out, 'xinji-14th-five-year-analysis.pdf');
  await browser.page.goto(pageUrl(baseUrl, '/plans/xinji-14th-five-year/analysis/'));
  await browser.page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
  expect(squash(pages[0]!), `${pdf}: page 1`).toContain('指标与目标');
  // The first chart's caption and its drawing are on one page: the drawing's labels 0.7 → 1.17 and 0.54 → 0.67 are
  // 表1's first two rows (seed 004).
  const caption = pages.findIndex((p) => squash(p).includes('主要指标：起点与目标'));
  expect(caption, `${pdf}: the first chart's caption`).toBeGreaterThanOrEqual(0);
  for (const label of ['1.17', '0.67', '0.54']) expect(pages[caption], `${pdf}: page ${caption + 1}`).toContain(label);
  // A floor at today's figure: 11 pages at full size (12 when the chart was one image, which may not break, and left
  // most of page 1 empty; 16 when the tables' names and kinds stood a character a line and the derived figures ran
  // off the page: nowrap on paper).
  const count = Number(/Pages:\s+(\d+)/u.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  expect(count, `${pdf}: pages`).toBeLessThanOrEqual(11);
});

/** The panels' titles in a chart's file, each title's lines joined (`<g class="panel">`, `class="panel-title"`). */
function panelTitles(svg: string): string[] {
  return svg
    .split('<g class="panel"')
    .slice(1)
    .map((panel) => [...panel.matchAll(/class="panel-title">(.*?)<\/text>/gu)].map((m) => m[1]!.replace(/<[^>]+>/gu, '')).join(''));
}

/** The type area's foot on an A4 page (print.css: `@page { margin: 37mm 26mm 35mm 28mm }`), in points from the top. */
const TYPE_AREA_FOOT = 841.92 - (35 / 25.4) * 72;
const analysisPages = plans.flatMap(({ path }) => [`${path}analysis/`, `/en${path}analysis/`]);

test.each(analysisPages)('%s prints a chart of several rows a row at a time: each panel whole on one page, none moved on while it fitted', async (path) => {
  // Broken once: a chart was one image, which may not break. A peer chart taller than the type area was cut through a
  // panel's title at the foot of a page (the title printed on two pages, half on each), its caption alone on the page
  // before it; baodi's small multiples (two rows) left most of page 1 empty, 10 px too tall for it.
  const figures = readFileSync(join(siteDir, path, 'index.html'), 'utf8').split('<figure class="chart ').slice(1);
  const banded = figures.filter((f) => f.startsWith('chart--baseline-target chart--bands') || f.startsWith('chart--peers chart--bands'));
  expect(banded.length, `${path}: a chart of several rows (every plan has its small multiples or its peers)`).toBeGreaterThan(0);
  const pdf = join(out, `rows-${path.replace(/\W+/gu, '-')}.pdf`);
  await browser.page.goto(pageUrl(baseUrl, path));
  await browser.page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: false });
  // NFKC: the PDF's text of a chart maps some characters to their Kangxi radicals (⾼ for 高, ⾏ for 行).
  const fold = (s: string) => squash(s).normalize('NFKC');
  // -raw: in the order drawn, a panel's title lines together (the default reads a row of panels line by line).
  const pages = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).split('\f').map(fold);
  const boxes = wordsByPage(pdf);
  for (const figure of banded) {
    const file = /<img src="([^"#]+\.svg)"/u.exec(figure)![1]!;
    const caption = fold(/<figcaption[^>]*>(.*?)<\/figcaption>/su.exec(figure)![1]!.replace(/<[^>]+>/gu, '').replace(/&amp;/gu, '&'));
    const firstBand = Number(/#band-1" alt="" width="\d+" height="(\d+)"/u.exec(figure)![1]);
    const titles = panelTitles(readFileSync(join(siteDir, file), 'utf8')).map((t) => fold(t.replace(/&amp;/gu, '&')));
    expect(titles.length, `${file}: panels`).toBeGreaterThan(1);
    for (const title of titles) {
      const on = pages.flatMap((text, i) => (text.includes(title) ? [i + 1] : []));
      expect(on, `${pdf}: ${title} is printed whole on one page`).toHaveLength(1);
    }
    const at = pages.findIndex((text) => text.includes(caption));
    expect(at, `${pdf}: the caption ${caption}`).toBeGreaterThanOrEqual(0);
    expect(pages[at], `${pdf}: page ${at + 1} holds the caption and the first panel`).toContain(titles[0]);
    if (at > 0) {
      // The chart begins a page only when its caption and first row did not fit under the text before it.
      const before = boxes[at - 1]!.words.filter((w) => w.yMax < TYPE_AREA_FOOT + 4);
      const free = TYPE_AREA_FOOT - Math.max(...before.map((w) => w.yMax));
      expect(free, `${pdf}: page ${at} ends ${free.toFixed(0)} pt above the type area's foot, room for the caption and the first row (${firstBand} px)`).toBeLessThan(firstBand * 0.75 + 40);
    }
  }
});

test('xinji-14th-five-year prints its 表1 with each 预期性 whole, not broken 预期 / 性 across lines', async () => {
  // Read off the seed (004_d6d163db2a424736.txt): 表1's ten rows each end in 预期性 (指标属性). Broken once: without the short-cell
  // rule of plan.css the printed column broke every one.
  const p = await printed('xinji-14th-five-year');
  const table = endnotesSplit(p).before.split('\f').find((page) => page.includes('表1'));
  expect(table, `${p.pdf}: a page with 表1`).toBeDefined();
  expect(table!.match(/预期性/gu)?.length ?? 0, `${p.pdf}: 预期性 on the page of 表1`).toBe(10);
});

test('the 注释 and note numbers are for print only: hidden on screen and left out of the search index', async () => {
  const p = await printed('beichen-2020-2022');
  expect(p.marks.length).toBeGreaterThan(0);
  await browser.page.emulateMedia({ media: 'screen' });
  try {
    await browser.page.goto(pageUrl(baseUrl, '/plans/beichen-2020-2022/'));
    const shown = await browser.page.evaluate(() => ({
      visible: [...document.querySelectorAll('.endnotes, .endnote-ref')].filter((e) => e.checkVisibility()).length,
      all: document.querySelectorAll('.endnotes, .endnote-ref').length,
      indexed: document.querySelectorAll('.endnotes:not([data-ui]), .endnote-ref:not([data-ui])').length,
    }));
    expect(shown.all, 'the 注释 and note numbers on the page').toBe(p.marks.length + 1);
    expect(shown.visible, 'shown on screen').toBe(0);
    expect(shown.indexed, 'without data-ui (which the build tells Pagefind to leave out: tests/site/search-index.test.ts)').toBe(0);
  } finally {
    await browser.page.emulateMedia({ media: 'print' });
  }
});
