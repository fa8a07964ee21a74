/**
 * A plan page as a reference manager reads it (issue 13): Highwire `citation_*` meta tags (what Zotero's Embedded
 * Metadata translator reads), schema.org JSON-LD, and the RIS, BibTeX and CSL-JSON files linked from the cite
 * line, served as static files (no JavaScript needed). Expectations come from the seed texts (written here by hand
 * for two plans) and, for every plan, from the plan's own published data file (`data/plans/<slug>.json`): a fact
 * the data lacks must be absent from every format, never filled in. The CSL-JSON is checked against the CSL 1.0.2
 * input schema, as far as these files use it, written here from the CSL specification's list of item types and
 * the csl-data.json definitions of its variables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { planPages } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { expectNone } from '../support/report.ts';

const siteDir = inject('siteDir');
const baseUrl = inject('baseUrl');

interface PlanData {
  slug: string;
  meta: Record<string, { value: unknown } | null> & { kind: { value: string } };
}

/** What a reference manager reads from a page's markup (parsed by Chromium's own HTML parser, `DOMParser`). */
interface PageFacts {
  metas: [string, string][];
  jsonLd: string[];
  canonical: string;
  h1: string;
  citeHrefs: string[];
}
type Root = PageFacts;

const pages = planPages(siteDir);
const plans: { slug: string; path: string; root: Root; data: PlanData }[] = [];
const browser = browserForFile();

beforeAll(async () => {
  for (const p of pages) {
    const slug = p.path.split('/')[2]!;
    const root = await browser.page.evaluate((html): PageFacts => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return {
        metas: [...doc.head.querySelectorAll('meta[name^="citation_"]')].map((m) => [m.getAttribute('name') ?? '', m.getAttribute('content') ?? '']),
        jsonLd: [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''),
        canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '',
        h1: doc.querySelector('h1')?.textContent?.trim() ?? '',
        citeHrefs: [...doc.querySelectorAll('.cite-this a[download]')].map((a) => a.getAttribute('href') ?? ''),
      };
    }, readFileSync(p.file, 'utf8'));
    const data = JSON.parse(readFileSync(join(siteDir, 'data/plans', `${slug}.json`), 'utf8')) as PlanData;
    plans.push({ slug, path: p.path, root, data });
  }
});

const metas = (root: Root) => root.metas;
const meta = (root: Root, name: string) => metas(root).filter(([n]) => n === name).map(([, c]) => c);
const jsonLdOf = (root: Root) => root.jsonLd.map((t) => JSON.parse(t) as Record<string, unknown>);
const canonical = (root: Root) => root.canonical;
const h1 = (root: Root) => root.h1;
const readSite = (rel: string) => readFileSync(join(siteDir, rel), 'utf8');

test('there are plan pages to check', () => expect(plans.length).toBeGreaterThan(1));


describe('meta tags and JSON-LD, by hand from the seed texts', () => {
  test('北辰 (seed 000): every fact of its header (lines 3–9)', () => {
    const { root } = plans.find((p) => p.slug === 'beichen-2020-2022')!;
    const url = canonical(root);
    expect(Object.fromEntries(metas(root))).toEqual({
      citation_title: '北辰区科技创新三年行动计划实施方案(2020-2022年)',
      citation_author: '天津市北辰区人民政府',
      citation_publication_date: '2021/04/19',
      citation_date: '2021/04/19',
      citation_publisher: '天津市北辰区人民政府',
      citation_technical_report_institution: '天津市北辰区人民政府',
      citation_technical_report_number: '北辰政发〔2021〕5号',
      citation_language: 'zh-CN',
      citation_public_url: url,
      citation_abstract_html_url: url,
      citation_fulltext_html_url: url,
    });
    const [ld, ...more] = jsonLdOf(root);
    expect(more).toEqual([]);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Legislation',
      name: '北辰区科技创新三年行动计划实施方案(2020-2022年)',
      legislationIdentifier: '北辰政发〔2021〕5号',
      legislationPassedBy: { name: '天津市北辰区人民政府' },
      legislationDate: '2021-04-19',
      datePublished: '2021-04-19',
      legislationJurisdiction: { '@type': 'AdministrativeArea', name: '天津市北辰区', identifier: { value: '120113' } },
      inLanguage: 'zh-CN',
      url,
    });
  });
  test('红桥 (seed 002): no document number and no publication date in the text, so none in the tags', () => {
    const { root } = plans.find((p) => p.slug === 'hongqiao-2020-2022')!;
    expect(meta(root, 'citation_technical_report_number')).toEqual([]);
    expect(meta(root, 'citation_date')).toEqual(['2021/03/12']); // 成文日期, the only date its notice gives
    const [ld] = jsonLdOf(root);
    expect(ld).not.toHaveProperty('legislationIdentifier');
    expect(ld).not.toHaveProperty('datePublished');
    expect(ld).toMatchObject({ legislationDate: '2021-03-12', legislationPassedBy: { name: '天津市红桥区人民政府' } });
  });
});

describe('every plan page, against its own data file', () => {
  test('title, author, number and dates as the data gives them, absent where it gives none', () => {
    const problems = plans.flatMap(({ path, root, data }) => {
      const m = data.meta;
      const value = (k: string) => (m[k]?.value ?? null) as string | null;
      const date = (value('datePublished') ?? value('dateWritten'))?.replaceAll('-', '/') ?? null;
      const expected: [string, string | null][] = [
        ['citation_title', h1(root)],
        ['citation_author', value('issuer')],
        ['citation_date', date],
        ['citation_publication_date', date],
        ['citation_language', 'zh-CN'],
        ['citation_public_url', canonical(root)],
      ];
      if (m.kind.value !== 'news') expected.push(['citation_technical_report_number', value('docNumber')]);
      return expected.flatMap(([name, want]) => {
        const got = meta(root, name);
        const ok = want === null ? got.length === 0 : got.length === 1 && got[0] === want;
        return ok ? [] : [`${path}: ${name} is ${JSON.stringify(got)}, the data gives ${JSON.stringify(want)}`];
      });
    });
    expectNone(problems, 'citation meta tags');
  });

  test('one JSON-LD block: its name, URL and identifier are the page title, canonical URL and document number', () => {
    const problems = plans.flatMap(({ path, root, data }) => {
      const blocks = jsonLdOf(root);
      if (blocks.length !== 1) return [`${path}: ${blocks.length} JSON-LD blocks`];
      const ld = blocks[0]!;
      const docNumber = (data.meta.docNumber?.value ?? undefined) as string | undefined;
      const type = data.meta.kind.value === 'news' ? 'NewsArticle' : 'Legislation';
      const out: string[] = [];
      if (ld['@context'] !== 'https://schema.org' || ld['@type'] !== type) out.push(`${path}: @context/@type ${ld['@context']} ${ld['@type']}, expected ${type}`);
      if (ld.name !== h1(root)) out.push(`${path}: name ${JSON.stringify(ld.name)} is not the title`);
      if (ld.url !== canonical(root)) out.push(`${path}: url ${JSON.stringify(ld.url)} is not the canonical URL`);
      if (ld.inLanguage !== 'zh-CN') out.push(`${path}: inLanguage ${JSON.stringify(ld.inLanguage)}`);
      if (type === 'Legislation' && ld.legislationIdentifier !== docNumber) out.push(`${path}: legislationIdentifier ${JSON.stringify(ld.legislationIdentifier)}, the data gives ${JSON.stringify(docNumber)}`);
      const nulls = Object.entries(ld).filter(([, v]) => v === null || v === '').map(([k]) => k);
      if (nulls.length) out.push(`${path}: empty values for ${nulls.join(', ')} (absent facts must be left out)`);
      return out;
    });
    expectNone(problems, 'JSON-LD');
  });
});

describe('citation files: linked from the cite line, static, in their formats', () => {
  const FILES = [
    { file: 'cite.ris', type: 'application/x-research-info-systems' },
    { file: 'cite.bib', type: 'application/x-bibtex' },
    { file: 'cite.json', type: 'application/json' },
  ];

  test('every plan page links its three files from the cite line, each a built file served with its type', async () => {
    const problems: string[] = [];
    for (const { slug, path, root } of plans) {
      const hrefs = root.citeHrefs;
      expect(hrefs.length, `${path}: links`).toBe(3);
      for (const { file, type } of FILES) {
        const href = `/plans/${slug}/${file}`;
        if (!hrefs.includes(href)) problems.push(`${path}: no link to ${href} in the cite line`);
        const response = await fetch(new URL(href.slice(1), baseUrl));
        if (response.status !== 200 || !response.headers.get('content-type')?.startsWith(type)) problems.push(`${href}: ${response.status} ${response.headers.get('content-type')}`);
      }
    }
    expectNone(problems, 'citation files');
  });

  test('RIS: a TY line first, "XX  - value" tags, ER last, CRLF line ends; TI the page title, SN the document number', () => {
    const problems = plans.flatMap(({ slug, root, data }) => {
      const ris = readSite(`plans/${slug}/cite.ris`);
      const lines = ris.split('\r\n');
      const out: string[] = [];
      if (!/^TY {2}- [A-Z]+$/u.test(lines[0]!)) out.push(`${slug}.ris: first line ${JSON.stringify(lines[0])}`);
      if (lines.at(-2) !== 'ER  - ' || lines.at(-1) !== '') out.push(`${slug}.ris: does not end with "ER  - " and CRLF`);
      const bad = lines.slice(0, -1).filter((l) => !/^[A-Z][A-Z0-9] {2}- /u.test(l));
      if (bad.length) out.push(`${slug}.ris: lines not in tag form: ${JSON.stringify(bad)}`);
      const tag = (t: string) => lines.filter((l) => l.startsWith(`${t}  - `)).map((l) => l.slice(6));
      if (JSON.stringify(tag('TI')) !== JSON.stringify([h1(root)])) out.push(`${slug}.ris: TI ${JSON.stringify(tag('TI'))}`);
      const docNumber = data.meta.docNumber?.value as string | undefined;
      if (data.meta.kind.value !== 'news' && JSON.stringify(tag('SN')) !== JSON.stringify(docNumber ? [docNumber] : [])) out.push(`${slug}.ris: SN ${JSON.stringify(tag('SN'))}, the data gives ${docNumber}`);
      return out;
    });
    expectNone(problems, 'RIS files');
  });

  test('BibTeX: one entry keyed by the slug, braces balanced, title the page title', () => {
    const problems = plans.flatMap(({ slug, root }) => {
      const bib = readSite(`plans/${slug}/cite.bib`);
      const out: string[] = [];
      if (!new RegExp(`^@(techreport|misc)\\{${slug},\\n`, 'u').test(bib)) out.push(`${slug}.bib: does not open an entry keyed ${slug}`);
      let depth = 0;
      for (const c of bib.replace(/\\[{}]/gu, '')) if ((depth += c === '{' ? 1 : c === '}' ? -1 : 0) < 0) break;
      if (depth !== 0) out.push(`${slug}.bib: unbalanced braces`);
      const title = /^ {2}title = \{(.*)\},$/mu.exec(bib)?.[1]?.replace(/\\([{}%&$#_])/gu, '$1');
      if (title !== h1(root)) out.push(`${slug}.bib: title ${JSON.stringify(title)}`);
      return out;
    });
    expectNone(problems, 'BibTeX files');
  });

  // CSL 1.0.2, Appendix III (item types), and csl-data.json (the variables these files use, with their types).
  const CSL_TYPES = [
    'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic', 'collection',
    'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic', 'hearing', 'interview',
    'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet', 'paper-conference', 'patent',
    'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book',
    'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage',
  ];
  const cslSchema = {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['type', 'id'],
      additionalProperties: false,
      properties: {
        id: { type: ['string', 'number'] },
        type: { enum: CSL_TYPES },
        title: { type: 'string' },
        author: { type: 'array', items: { $ref: '#/$defs/name' } },
        authority: { type: 'string' },
        publisher: { type: 'string' },
        'publisher-place': { type: 'string' },
        'container-title': { type: 'string' },
        number: { type: ['string', 'number'] },
        genre: { type: 'string' },
        jurisdiction: { type: 'string' },
        issued: { $ref: '#/$defs/date' },
        language: { type: 'string' },
        URL: { type: 'string' },
      },
    },
    $defs: {
      name: { type: 'object', additionalProperties: false, properties: { family: { type: 'string' }, given: { type: 'string' }, literal: { type: 'string' } } },
      date: {
        type: 'object',
        additionalProperties: false,
        properties: { 'date-parts': { type: 'array', minItems: 1, maxItems: 2, items: { type: 'array', minItems: 1, maxItems: 3, items: { type: ['string', 'number'] } } } },
      },
    },
  };

  test('CSL-JSON: valid CSL input data, one item keyed by the slug, type "regulation" (a news report: "article-newspaper")', () => {
    const validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(cslSchema);
    const problems = plans.flatMap(({ slug, root, data }) => {
      const items = JSON.parse(readSite(`plans/${slug}/cite.json`)) as { id: string; type: string; title: string; number?: string }[];
      if (!validate(items)) return [`${slug}/cite.json: ${JSON.stringify(validate.errors)}`];
      const [item] = items;
      const type = data.meta.kind.value === 'news' ? 'article-newspaper' : 'regulation';
      const out: string[] = [];
      if (items.length !== 1 || item!.id !== slug || item!.type !== type) out.push(`${slug}/cite.json: ${items.length} items, id ${item!.id}, type ${item!.type}`);
      if (item!.title !== h1(root)) out.push(`${slug}/cite.json: title ${JSON.stringify(item!.title)}`);
      if (item!.number !== ((data.meta.docNumber?.value as string | undefined) ?? undefined) && type === 'regulation') out.push(`${slug}/cite.json: number ${item!.number}`);
      return out;
    });
    expectNone(problems, 'CSL-JSON files');
  });
});
