/**
 * The citation formats of a plan, against records written by hand from the seed texts: seed 000 (北辰, every fact
 * given: lines 3–9 of the portal header), seed 003 (宝坻: no issuer, no document number, no date written; the
 * portal's 来源 and 发布时间 only) and seed 001 (a 北方网 news report of 2014-02-14).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadRegistries } from '../../scripts/registries.ts';
import { buildPlanDocument } from '../../scripts/pipeline/document.ts';
import { citationRecord, highwireTags, jsonLd, jsonLdScriptText, toBibtex, toCslJson, toRis, type CitationRecord } from './cite-formats.ts';

const reg = loadRegistries('seeds', 'content');
const record = (file: string, url: string): CitationRecord => {
  const doc = buildPlanDocument({ name: file, path: `seeds/${file}`, bytes: readFileSync(`seeds/${file}`) }, reg);
  return citationRecord(doc, reg.kinds.find((k) => k.id === doc.meta.kind.value)!.label, url);
};
const BEICHEN_URL = 'https://example.org/plans/beichen-2020-2022/';
const beichen = record('000_df8e3af4caff0a08.txt', BEICHEN_URL);
const baodi = record('003_9c4896c03185b26c.txt', 'https://example.org/plans/baodi-14th-five-year/');
const news = record('001_b19521e93b2b759c.txt', 'https://example.org/plans/tianjin-2014-work-conference/');

describe('citationRecord(doc, kindLabel, url)', () => {
  test('takes the facts the text gives, and null for those it does not', () => {
    expect(beichen).toEqual({
      id: 'beichen-2020-2022',
      kind: 'three-year-action-plan',
      kindLabel: '三年行动计划',
      title: '北辰区科技创新三年行动计划实施方案(2020-2022年)',
      issuer: '天津市北辰区人民政府',
      source: null,
      docNumber: '北辰政发〔2021〕5号',
      dateWritten: '2021-04-19',
      datePublished: '2021-04-19',
      region: { fullName: '天津市北辰区', code: '120113' },
      period: { start: 2020, end: 2022 },
      url: BEICHEN_URL,
    });
    expect(baodi).toMatchObject({ issuer: null, docNumber: null, dateWritten: null, datePublished: '2021-09-28', source: '宝坻区科技局' });
  });
});

describe('toRis(record)', () => {
  test('a government document: GOVDOC, each tag on its own CRLF line, ER last', () => {
    expect(toRis(beichen)).toBe(
      [
        'TY  - GOVDOC',
        'TI  - 北辰区科技创新三年行动计划实施方案(2020-2022年)',
        'AU  - 天津市北辰区人民政府',
        'PB  - 天津市北辰区人民政府',
        'CY  - 天津市北辰区',
        'SN  - 北辰政发〔2021〕5号',
        'M3  - 三年行动计划',
        'PY  - 2021',
        'DA  - 2021/04/19/',
        'LA  - zh-CN',
        `UR  - ${BEICHEN_URL}`,
        'ER  - ',
        '',
      ].join('\r\n'),
    );
  });
  test('leaves out what the text does not give: no author, no number for 宝坻', () => {
    const ris = toRis(baodi);
    expect(ris).not.toMatch(/^(AU|SN)  - /mu);
    expect(ris).toContain('PB  - 宝坻区科技局\r\n');
    expect(ris).toContain('DA  - 2021/09/28/\r\n');
  });
  test('a news report: NEWS, the outlet as T2', () => {
    expect(toRis(news)).toMatch(/^TY {2}- NEWS\r\nTI {2}- 科委将实施科技支撑美丽天津建设工程\r\nT2 {2}- 北方网\r\nPY {2}- 2014\r\nDA {2}- 2014\/02\/14\/\r\n/u);
  });
});

describe('toBibtex(record)', () => {
  test('a government document: @techreport, the issuer a corporate author in double braces', () => {
    expect(toBibtex(beichen)).toBe(`@techreport{beichen-2020-2022,
  author = {{天津市北辰区人民政府}},
  title = {北辰区科技创新三年行动计划实施方案(2020-2022年)},
  type = {三年行动计划},
  number = {北辰政发〔2021〕5号},
  institution = {天津市北辰区人民政府},
  address = {天津市北辰区},
  year = {2021},
  date = {2021-04-19},
  language = {zh-CN},
  url = {${BEICHEN_URL}},
}
`);
  });
  test('escapes what BibTeX reads as markup', () => {
    const bib = toBibtex({ ...beichen, title: '100%达标_{A}&B#1' });
    expect(bib).toContain('title = {100\\%达标\\_\\{A\\}\\&B\\#1},');
  });
  test('leaves out author and number when the text gives none', () => {
    expect(toBibtex(baodi)).not.toMatch(/^ {2}(author|number) = /mu);
  });
});

describe('toCslJson(record)', () => {
  test('one item of CSL type "regulation", with a literal corporate author and the date as date-parts', () => {
    expect(toCslJson(beichen)).toEqual([
      {
        id: 'beichen-2020-2022',
        type: 'regulation',
        title: '北辰区科技创新三年行动计划实施方案(2020-2022年)',
        author: [{ literal: '天津市北辰区人民政府' }],
        authority: '天津市北辰区人民政府',
        publisher: '天津市北辰区人民政府',
        'publisher-place': '天津市北辰区',
        jurisdiction: '天津市北辰区',
        number: '北辰政发〔2021〕5号',
        genre: '三年行动计划',
        issued: { 'date-parts': [[2021, 4, 19]] },
        language: 'zh-CN',
        URL: BEICHEN_URL,
      },
    ]);
  });
  test('a news report is an article-newspaper in its outlet', () => {
    expect(toCslJson(news)[0]).toMatchObject({ type: 'article-newspaper', 'container-title': '北方网', issued: { 'date-parts': [[2014, 2, 14]] } });
    expect(toCslJson(news)[0]).not.toHaveProperty('author');
  });
});

describe('jsonLd(record)', () => {
  test('schema.org Legislation with the document number, issuer, dates, jurisdiction, language and URL', () => {
    const issuer = { '@type': 'GovernmentOrganization', name: '天津市北辰区人民政府' };
    expect(jsonLd(beichen)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Legislation',
      name: '北辰区科技创新三年行动计划实施方案(2020-2022年)',
      legislationIdentifier: '北辰政发〔2021〕5号',
      legislationType: '三年行动计划',
      legislationPassedBy: issuer,
      author: issuer,
      publisher: issuer,
      legislationDate: '2021-04-19',
      datePublished: '2021-04-19',
      legislationJurisdiction: {
        '@type': 'AdministrativeArea',
        name: '天津市北辰区',
        identifier: { '@type': 'PropertyValue', propertyID: 'GB/T 2260', value: '120113' },
      },
      temporalCoverage: '2020/2022',
      inLanguage: 'zh-CN',
      url: BEICHEN_URL,
    });
  });
  test('a missing document number, issuer or date is omitted, not faked', () => {
    const ld = jsonLd(baodi);
    for (const key of ['legislationIdentifier', 'legislationPassedBy', 'author', 'legislationDate']) expect(ld, key).not.toHaveProperty(key);
    expect(ld).toMatchObject({ datePublished: '2021-09-28', publisher: { '@type': 'Organization', name: '宝坻区科技局' } });
  });
  test('a news report is a NewsArticle', () => {
    expect(jsonLd(news)).toMatchObject({ '@type': 'NewsArticle', headline: '科委将实施科技支撑美丽天津建设工程', datePublished: '2014-02-14' });
  });
  test('the script text cannot close its element', () => {
    const text = jsonLdScriptText({ ...beichen, title: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text).name).toBe('</script><script>alert(1)</script>');
  });
});

describe('highwireTags(record)', () => {
  test('the tags Zotero reads, dates as YYYY/MM/DD, the document number as the report number', () => {
    expect(highwireTags(beichen)).toEqual([
      ['citation_title', '北辰区科技创新三年行动计划实施方案(2020-2022年)'],
      ['citation_author', '天津市北辰区人民政府'],
      ['citation_publication_date', '2021/04/19'],
      ['citation_date', '2021/04/19'],
      ['citation_publisher', '天津市北辰区人民政府'],
      ['citation_technical_report_institution', '天津市北辰区人民政府'],
      ['citation_technical_report_number', '北辰政发〔2021〕5号'],
      ['citation_language', 'zh-CN'],
      ['citation_public_url', BEICHEN_URL],
      ['citation_abstract_html_url', BEICHEN_URL],
      ['citation_fulltext_html_url', BEICHEN_URL],
    ]);
  });
  test('no author or number tag when the text gives none', () => {
    const names = highwireTags(baodi).map(([n]) => n);
    expect(names).not.toContain('citation_author');
    expect(names).not.toContain('citation_technical_report_number');
    expect(names).toContain('citation_date');
  });
});
