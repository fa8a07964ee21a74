/**
 * Every factual claim of the curated registries carries its source (issue 13): one case per entry of
 * content/glossary.yaml, content/documents.yaml, content/indicators.yaml, content/instruments.yaml and
 * content/departments.yaml, named in the output. The rules are the issue's, checked on the YAML as editors write it (parsed with `yaml`, not with the
 * site's schemas, so that a schema that lets a claim through does not hide it here):
 * - a definition is either sourced (a document number, or a URL, or the text on this site; the day it was checked;
 *   what was read: official, reprint or secondary) or the editors' own wording (`editors: true`), which states no
 *   numbers, dates, document numbers or titles in 《》; its English (`textEn`) is there and states the same years,
 *   and a source's English (`sourceEn`) cites the same addresses and document numbers;
 * - an English name says whose it is: `editors`, or where it is published with the day that was checked;
 * - a document number, an issuer or a year of a cited document comes with a source;
 * - a department's full name comes with a source, or is marked as the editors' reading.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');
type Entry = Record<string, unknown> & { id: string };
const entries = (file: string): Entry[] => parse(readFileSync(join(CONTENT, file), 'utf8')) as Entry[];

/** A document number (津科规〔2021〕3号, 公告第35号), a URL, or the plan text this site holds. */
const CITABLE = /〔\d{4}〕\d+号|第[\d一二三四五六七八九十〇百]+号|https?:\/\/\S+|本站收录的原文（\d{3}）/u;
const AGAINST = ['official', 'reprint', 'secondary'];
/** What the editors' own wording must not state: numbers and dates, document numbers, titles of documents. */
const STATED_FACT = /[0-9０-９]|〔|〕|《|》/u;

/** A real calendar day written YYYY-MM-DD (YAML may hand over a Date when the value is unquoted). */
function isDay(value: unknown): boolean {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/u.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Problems of a record stating facts: its source, checked day and what was read. */
function provenanceProblems(r: Record<string, unknown>, what: string): string[] {
  const problems: string[] = [];
  if (typeof r.source !== 'string' || !CITABLE.test(r.source)) problems.push(`${what}: source must name a document number, a URL or the text on this site (got ${JSON.stringify(r.source)})`);
  if (!isDay(r.checked)) problems.push(`${what}: checked must be the day the source was checked, YYYY-MM-DD (got ${JSON.stringify(r.checked)})`);
  if (!AGAINST.includes(r.against as string)) problems.push(`${what}: against must say what was read, one of ${AGAINST.join(', ')} (got ${JSON.stringify(r.against)})`);
  return problems;
}

/** Four-digit numbers (years, mostly) in a text: `2021年`, `（2021）`, `in 2015`; not an amount (`2000万元`: 20 million). */
const fourDigits = (s: string) => new Set(s.match(/(?<!\d)\d{4}(?![\d万亿])/gu) ?? []);

/**
 * Problems of a definition's English (`textEn`, shown on the English edition): it is there, and it is a
 * translation, not a new claim: it states no year the Chinese does not, and drops none the Chinese states.
 */
function englishProblems(r: Record<string, unknown>, what: string): string[] {
  if (typeof r.textEn !== 'string' || r.textEn.trim().length === 0) return [`${what}: no textEn (the English the English edition shows)`];
  const zh = fourDigits(r.text as string);
  const en = fourDigits(r.textEn);
  const added = [...en].filter((n) => !zh.has(n));
  const dropped = [...zh].filter((n) => !en.has(n));
  return [
    ...(added.length > 0 ? [`${what}: textEn states ${added.join(', ')}, which the Chinese does not`] : []),
    ...(dropped.length > 0 ? [`${what}: textEn drops ${dropped.join(', ')}, which the Chinese states`] : []),
    ...(r.editors === true && STATED_FACT.test(r.textEn) ? [`${what}: the editors' own English states a number or a document: ${r.textEn}`] : []),
  ];
}

/** Problems of a source's English (`sourceEn`): there, citing every address and document number `source` cites. */
function sourceEnProblems(r: Record<string, unknown>, what: string): string[] {
  if (typeof r.sourceEn !== 'string' || !/[A-Za-z]{3,}/u.test(r.sourceEn)) return [`${what}: no sourceEn (the source in English, for the English edition)`];
  const cited = [...((r.source as string).match(/https?:\/\/[^\s；，。（）()]+|\p{Script=Han}{1,6}〔\d{4}〕\d+号|第[\d一二三四五六七八九十〇]+号/gu) ?? [])];
  const sourceEn = r.sourceEn;
  return cited.filter((c) => !sourceEn.includes(c)).map((c) => `${what}: sourceEn does not cite ${c}`);
}

/** Problems of a definition: sourced, or the editors' own wording that states no facts; in Chinese and in English. */
function definitionProblems(d: unknown, what: string): string[] {
  if (d === null || typeof d !== 'object') return [`${what}: a definition is { text, textEn, source, checked, against } or { text, textEn, editors: true } (got ${JSON.stringify(d)})`];
  const r = d as Record<string, unknown>;
  if (typeof r.text !== 'string' || r.text.length === 0) return [`${what}: no text`];
  if (r.editors === true) {
    const extra = ['source', 'checked', 'against'].filter((k) => k in r).map((k) => `${what}: the editors' own wording has a ${k}`);
    return [...(STATED_FACT.test(r.text) ? [...extra, `${what}: the editors' own wording states a number, a date or a document: ${r.text}`] : extra), ...englishProblems(r, what)];
  }
  const provenance = provenanceProblems(r, what);
  return [...provenance, ...(provenance.length === 0 ? sourceEnProblems(r, what) : []), ...englishProblems(r, what)];
}

/** Problems of an English name: whose it is, and when a published one was checked. */
function nameEnProblems(e: Entry): string[] {
  if (typeof e.nameEn !== 'string') return [];
  if (e.nameEnSource === 'editors') return [];
  if (typeof e.nameEnSource !== 'string' || e.nameEnSource.length === 0) return [`nameEn “${e.nameEn}”: nameEnSource must be editors or where it is published`];
  return isDay(e.nameEnChecked) ? [] : [`nameEn “${e.nameEn}”: a published English name needs nameEnChecked, the day it was checked`];
}

const REGISTRIES: { file: string; problems: (e: Entry) => string[] }[] = [
  {
    file: 'glossary.yaml',
    problems: (e) => {
      const byRegion = (e.byRegion ?? []) as unknown[];
      const defs = [
        ...(e.definition === undefined ? [] : definitionProblems(e.definition, 'definition')),
        ...byRegion.flatMap((d, i) => definitionProblems(d, `byRegion ${i} (${(d as { region?: string })?.region ?? '?'})`)),
      ];
      const none = e.definition === undefined && byRegion.length === 0 ? ['no definition at all'] : [];
      return [...none, ...defs, ...nameEnProblems(e)];
    },
  },
  {
    file: 'documents.yaml',
    problems: (e) => {
      const stated = ['docNumber', 'issuer', 'year'].filter((k) => e[k] !== undefined && e[k] !== null);
      return stated.length > 0 || e.source !== undefined ? provenanceProblems(e, `states ${stated.join(', ') || 'a source'}`) : [];
    },
  },
  { file: 'indicators.yaml', problems: (e) => [...definitionProblems(e.definition, 'definition'), ...nameEnProblems(e)] },
  { file: 'instruments.yaml', problems: (e) => [...definitionProblems(e.definition, 'definition'), ...nameEnProblems(e)] },
  {
    file: 'departments.yaml',
    problems: (e) => {
      const fullName = e.fullName === undefined || e.fullName === null ? [] : e.fullNameEditors === true ? [] : provenanceProblems(e, `full name ${String(e.fullName)}`);
      return [...fullName, ...nameEnProblems(e)];
    },
  },
];

for (const { file, problems } of REGISTRIES) {
  describe(`content/${file}: every claim sourced or the editors' own`, () => {
    const list = entries(file);
    test('has entries', () => {
      expect(list.length).toBeGreaterThan(10);
    });
    test.each(list.map((e) => [e.id, e] as const))('%s', (_id, e) => {
      expect(problems(e)).toEqual([]);
    });
  });
}

describe('the rules themselves', () => {
  test('an editors’ definition that states a year is refused; one sourced without a URL or number is refused', () => {
    expect(definitionProblems({ text: '2016年印发。', textEn: 'Issued in 2016.', editors: true }, 'd')).toHaveLength(2);
    expect(definitionProblems({ text: '定义。', textEn: 'A definition.', source: '某办法', checked: '2026-12-01', against: 'official' }, 'd')).toHaveLength(1);
    expect(definitionProblems({ text: '定义。', textEn: 'A definition.', source: '某办法（国科发火〔2016〕32号）', checked: '2026-13-01', against: 'official' }, 'd')).toHaveLength(1);
    expect(definitionProblems({ text: '定义。', textEn: 'A definition.', source: '某办法（国科发火〔2016〕32号）', sourceEn: 'A measure (国科发火〔2016〕32号)', checked: '2026-12-01', against: 'official' }, 'd')).toEqual([]);
  });
  test('a definition without its English, or whose English adds or drops a year, is refused', () => {
    const sourced = { source: '某办法（国科发火〔2016〕32号）', sourceEn: 'A measure (国科发火〔2016〕32号)', checked: '2026-12-01', against: 'official' };
    expect(definitionProblems({ text: '释义。', editors: true }, 'd')).toEqual(['d: no textEn (the English the English edition shows)']);
    expect(definitionProblems({ text: '2015年起实施。', textEn: 'In force since 2016.', ...sourced }, 'd')).toEqual(['d: textEn states 2016, which the Chinese does not', 'd: textEn drops 2015, which the Chinese states']);
    expect(definitionProblems({ text: '2015年起实施。', textEn: 'In force since 2015.', ...sourced }, 'd')).toEqual([]);
    expect(definitionProblems({ text: '释义。', textEn: 'Some 3 things.', editors: true }, 'd')).toHaveLength(1);
  });
  test('a source without its English, or whose English drops an address or a document number, is refused', () => {
    const d = { text: '定义。', textEn: 'A definition.', source: '某办法（国科发火〔2016〕32号）第二条；转载：https://example.org/a.html', checked: '2026-12-01', against: 'reprint' };
    expect(definitionProblems(d, 'd')).toEqual(['d: no sourceEn (the source in English, for the English edition)']);
    expect(definitionProblems({ ...d, sourceEn: 'A measure (国科发火〔2016〕32号), Article 2; reprint' }, 'd')).toEqual(['d: sourceEn does not cite https://example.org/a.html']);
    expect(definitionProblems({ ...d, sourceEn: 'A measure, Article 2; reprint: https://example.org/a.html' }, 'd')).toEqual(['d: sourceEn does not cite 国科发火〔2016〕32号']);
    expect(definitionProblems({ ...d, sourceEn: 'A measure (国科发火〔2016〕32号), Article 2; reprint: https://example.org/a.html' }, 'd')).toEqual([]);
  });
});
