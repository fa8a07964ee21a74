/**
 * A plan as reference managers read it: the facts of one plan (only those its data gives) and pure functions that
 * write them as RIS, BibTeX, CSL-JSON, schema.org JSON-LD and Highwire `citation_*` meta tags. A value the data
 * does not give is left out, never filled in. Tested in cite-formats.test.ts against hand-written records.
 */
import type { PlanDocument, PlanKind } from '../schemas/plan.ts';
import { planTitle } from './plan-view.ts';

/** What a citation of a plan can say. Strings are as the plan's data gives them. */
export interface CitationRecord {
  /** The plan's slug: key of the BibTeX entry and id of the CSL item. */
  id: string;
  kind: PlanKind;
  /** The kind as the site names it (`三年行动计划`). */
  kindLabel: string;
  title: string;
  /** 发文机关. */
  issuer: string | null;
  /** The source the portal names (`来源：宝坻区科技局`, `北方网`). */
  source: string | null;
  /** 发文字号. */
  docNumber: string | null;
  /** 成文日期, `YYYY-MM-DD`. */
  dateWritten: string | null;
  /** 发布日期, `YYYY-MM-DD`. */
  datePublished: string | null;
  /** The region the plan is of, with its GB/T 2260 code when the standard lists it. */
  region: { fullName: string; code: string | null } | null;
  period: { start: number; end: number } | null;
  /** Absolute URL of the plan page. */
  url: string;
}

export function citationRecord(doc: PlanDocument, kindLabel: string, url: string): CitationRecord {
  const m = doc.meta;
  return {
    id: doc.slug,
    kind: m.kind.value,
    kindLabel,
    title: planTitle(doc),
    issuer: m.issuer?.value ?? null,
    source: m.publisher?.value ?? null,
    docNumber: m.docNumber?.value ?? null,
    dateWritten: m.dateWritten?.value ?? null,
    datePublished: m.datePublished?.value ?? null,
    region: m.region ? { fullName: m.region.value.fullName, code: m.region.value.code } : null,
    period: m.period ? { start: m.period.value.start, end: m.period.value.end } : null,
    url,
  };
}

/** The date a citation gives: the publication date, else the date written (as the cite line does). */
export function citedDate(r: CitationRecord): string | null {
  return r.datePublished ?? r.dateWritten;
}

/** Who published it: the source the portal names, else the issuer. */
function publisherOf(r: CitationRecord): string | null {
  return r.source ?? r.issuer;
}

/** A news report is cited as a news article; every other kind as a government document. */
const isNews = (r: CitationRecord) => r.kind === 'news';

/** The language tag every format carries: the texts are Simplified Chinese as published in mainland China. */
export const LANGUAGE = 'zh-CN';

/**
 * RIS (the RefMan/EndNote tag format). A government document is `GOVDOC`, which Zotero, EndNote and Mendeley
 * import as a report: `PB` its institution, `SN` its number, `M3` its type. Lines end in CRLF, the record in `ER`.
 */
export function toRis(r: CitationRecord): string {
  const date = citedDate(r);
  const tags: [string, string | null][] = isNews(r)
    ? [
        ['TY', 'NEWS'],
        ['TI', r.title],
        ['AU', r.issuer],
        ['T2', r.source],
      ]
    : [
        ['TY', 'GOVDOC'],
        ['TI', r.title],
        ['AU', r.issuer],
        ['PB', publisherOf(r)],
        ['CY', r.region?.fullName ?? null],
        ['SN', r.docNumber],
        ['M3', r.kindLabel],
      ];
  tags.push(['PY', date ? date.slice(0, 4) : null], ['DA', date ? `${date.replaceAll('-', '/')}/` : null], ['LA', LANGUAGE], ['UR', r.url]);
  // A tag's value is one line: a line break inside a value would start a new tag.
  const lines = tags.flatMap(([tag, value]) => (value ? [`${tag}  - ${value.replace(/\s+/gu, ' ')}`] : []));
  return `${[...lines, 'ER  - '].join('\r\n')}\r\n`;
}

/** BibTeX value: braces keep case and protect the text; the characters BibTeX treats as markup are escaped. */
function bibValue(s: string): string {
  return s.replace(/[\\{}$&%#_^~]/gu, (c) => (c === '\\' ? '\\textbackslash{}' : c === '^' ? '\\^{}' : c === '~' ? '\\~{}' : `\\${c}`));
}

/**
 * BibTeX. A government document is a `@techreport` (an issuing body as `institution`, its number, its kind as
 * `type`), the entry type biblatex reads as `@report` and Zotero as a report; a news report is `@misc`. The issuer
 * is a corporate author, in double braces so that it is never split into given and family names.
 */
export function toBibtex(r: CitationRecord): string {
  const date = citedDate(r);
  const fields: [string, string | null][] = isNews(r)
    ? [
        ['author', r.issuer ? `{${bibValue(r.issuer)}}` : null],
        ['title', bibValue(r.title)],
        ['howpublished', r.source ? bibValue(r.source) : null],
      ]
    : [
        ['author', r.issuer ? `{${bibValue(r.issuer)}}` : null],
        ['title', bibValue(r.title)],
        ['type', bibValue(r.kindLabel)],
        ['number', r.docNumber ? bibValue(r.docNumber) : null],
        ['institution', publisherOf(r) ? bibValue(publisherOf(r)!) : null],
        ['address', r.region ? bibValue(r.region.fullName) : null],
      ];
  fields.push(['year', date ? date.slice(0, 4) : null], ['date', date], ['language', LANGUAGE], ['url', r.url]);
  const body = fields.flatMap(([k, v]) => (v ? [`  ${k} = {${v}},`] : [])).join('\n');
  return `@${isNews(r) ? 'misc' : 'techreport'}{${r.id},\n${body}\n}\n`;
}

/** A CSL-JSON item (CSL 1.0.2 input data), as far as a plan fills it. */
export interface CslItem {
  id: string;
  type: 'regulation' | 'article-newspaper';
  title: string;
  author?: { literal: string }[];
  authority?: string;
  publisher?: string;
  'publisher-place'?: string;
  'container-title'?: string;
  number?: string;
  genre?: string;
  jurisdiction?: string;
  issued?: { 'date-parts': [[number, number, number]] };
  language: string;
  URL: string;
}

/**
 * CSL-JSON (an array of one item). CSL 1.0.2 has `legislation` for enacted acts and `regulation` for what an
 * executive or administrative body issues; a plan issued by a people's government or its office is the latter. A
 * corporate author is a `literal` name, so that no processor splits it into given and family names.
 */
export function toCslJson(r: CitationRecord): CslItem[] {
  const date = citedDate(r);
  const item: CslItem = { id: r.id, type: isNews(r) ? 'article-newspaper' : 'regulation', title: r.title, language: LANGUAGE, URL: r.url };
  if (r.issuer) item.author = [{ literal: r.issuer }];
  if (isNews(r)) {
    if (r.source) item['container-title'] = r.source;
  } else {
    if (r.issuer) item.authority = r.issuer;
    if (publisherOf(r)) item.publisher = publisherOf(r)!;
    if (r.region) {
      item['publisher-place'] = r.region.fullName;
      item.jurisdiction = r.region.fullName;
    }
    if (r.docNumber) item.number = r.docNumber;
    item.genre = r.kindLabel;
  }
  if (date) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    item.issued = { 'date-parts': [[y, m, d]] };
  }
  return [item];
}

/**
 * schema.org JSON-LD: a plan is `Legislation` (a legal document of a government, "enforceable or not"), its
 * document number the `legislationIdentifier`, its issuer the body that passed it, its region the jurisdiction; a
 * news report is a `NewsArticle`. Dates are the ones the text gives: `legislationDate` the date written,
 * `datePublished` the date published.
 */
export function jsonLd(r: CitationRecord): Record<string, unknown> {
  const issuer = r.issuer ? { '@type': 'GovernmentOrganization', name: r.issuer } : undefined;
  const place = r.region
    ? {
        '@type': 'AdministrativeArea',
        name: r.region.fullName,
        ...(r.region.code ? { identifier: { '@type': 'PropertyValue', propertyID: 'GB/T 2260', value: r.region.code } } : {}),
      }
    : undefined;
  const common = { '@context': 'https://schema.org', name: r.title, inLanguage: LANGUAGE, url: r.url };
  const ld: Record<string, unknown> = isNews(r)
    ? {
        ...common,
        '@type': 'NewsArticle',
        headline: r.title,
        author: issuer,
        publisher: r.source ? { '@type': 'Organization', name: r.source } : undefined,
        datePublished: r.datePublished ?? undefined,
        contentLocation: place,
      }
    : {
        ...common,
        '@type': 'Legislation',
        legislationIdentifier: r.docNumber ?? undefined,
        legislationType: r.kindLabel,
        legislationPassedBy: issuer,
        author: issuer,
        publisher: r.source ? { '@type': 'Organization', name: r.source } : issuer,
        legislationDate: r.dateWritten ?? undefined,
        datePublished: r.datePublished ?? undefined,
        legislationJurisdiction: place,
        temporalCoverage: r.period ? `${r.period.start}/${r.period.end}` : undefined,
      };
  // Absent facts are left out, not written as null.
  return Object.fromEntries(Object.entries(ld).filter(([, v]) => v !== undefined));
}

/** JSON-LD as the text of a `<script type="application/ld+json">`: `<` escaped so the text cannot close the element. */
export function jsonLdScriptText(r: CitationRecord): string {
  return JSON.stringify(jsonLd(r)).replace(/</gu, '\\u003c');
}

/**
 * Highwire Press `citation_*` meta tags, the ones Zotero's Embedded Metadata translator reads: title, author,
 * date (`YYYY/MM/DD`), publisher, language and URL; `citation_technical_report_institution` makes it save a
 * government document as a report with its institution and `citation_technical_report_number` (the document number).
 */
export function highwireTags(r: CitationRecord): [name: string, content: string][] {
  const date = citedDate(r)?.replaceAll('-', '/') ?? null;
  const tags: [string, string | null][] = [
    ['citation_title', r.title],
    ['citation_author', r.issuer],
    ['citation_publication_date', date],
    ['citation_date', date],
    ['citation_publisher', publisherOf(r)],
    ...(isNews(r)
      ? []
      : ([
          ['citation_technical_report_institution', publisherOf(r)],
          ['citation_technical_report_number', r.docNumber],
        ] as [string, string | null][])),
    ['citation_language', LANGUAGE],
    ['citation_public_url', r.url],
    ['citation_abstract_html_url', r.url],
    ['citation_fulltext_html_url', r.url],
  ];
  return tags.flatMap(([name, content]) => (content ? [[name, content] as [string, string]] : []));
}
