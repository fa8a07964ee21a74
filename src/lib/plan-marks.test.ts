/**
 * `planMarks`: what a plan's citation, term, value and heading marks link to. Expectations from reading the seeds
 * (line numbers quoted) and the registries' entries named in the tests, not from the function's output.
 */
import { describe, expect, test } from 'vitest';
import { planMarks } from './plan-marks.ts';
import { relatedSections } from './crosslinks/index.ts';
import { realSeeds } from './crosslinks/test-fixtures.ts';
import { localUrl } from './i18n/index.ts';

const { reg, plans, bySlug } = realSeeds();
const related = relatedSections(plans, reg.themes);
const marksOf = (slug: string, link?: (path: string) => string) => {
  const doc = bySlug(slug);
  const mine = new Map(doc.sectionThemes.map((s) => [s.sectionId, related.get(`${slug}#${s.sectionId}`) ?? []]));
  return { doc, marks: planMarks(doc, { documents: reg.documents, glossary: reg.glossary, indicators: reg.indicators, related: mine, link }) };
};
/** The mark of a plan's citation of `title`, which the seed must cite. */
const citationMark = (slug: string, title: string, link?: (path: string) => string) => {
  const { doc, marks } = marksOf(slug, link);
  const c = doc.citations.find((x) => x.title === title);
  expect(c, `${slug} cites 《${title}》`).toBeDefined();
  return marks.cites.get(c!.id);
};
/** The mark of a plan's value mapped to `indicatorId`, which the seed must have. */
const valueMark = (slug: string, indicatorId: string) => {
  const { doc, marks } = marksOf(slug);
  const t = doc.targets.find((x) => x.indicatorId === indicatorId);
  expect(t, `${slug} has a value of ${indicatorId}`).toBeDefined();
  return marks.values.get(t!.id);
};

describe('planMarks on the real seeds', () => {
  test('a citation of a registered document links to its page and its endnote names the official title (001 line 38)', () => {
    expect(citationMark('tianjin-2014-work-conference', '天津市促进科技进步条例')).toEqual({ href: '/documents/tianjin-st-progress-regulation/', noteLabel: '《天津市科学技术进步促进条例》' });
  });

  test('on the English edition the same citation links to the English page of the document (001 line 38)', () => {
    expect(citationMark('tianjin-2014-work-conference', '天津市促进科技进步条例', (path) => localUrl('en', path))?.href).toBe('/en/documents/tianjin-st-progress-regulation/');
  });

  test('a citation of an unregistered document keeps the title as written and links to a k-<hash> page (004 line 90)', () => {
    const link = citationMark('xinji-14th-five-year', '关于全面深入推行科技特派员制度的实施方案')!;
    expect(link.noteLabel).toBe('《关于全面深入推行科技特派员制度的实施方案》');
    expect(link.href).toMatch(/^\/documents\/k-[0-9a-f]{10}\/$/u);
  });

  test('every citation of every seed has a link (none left to a lookup in the component)', () => {
    const all = plans.flatMap((p) => p.citations.map((c) => ({ slug: p.slug, id: c.id })));
    expect(all.length).toBeGreaterThan(10);
    for (const { slug, id } of all) expect(marksOf(slug).marks.cites.has(id), `${slug} ${id}`).toBe(true);
  });

  test('a mapped value links to its indicator and reads as the registry names it (000 line 37: 有效发明专利达到3500件)', () => {
    const mark = valueMark('beichen-2020-2022', 'valid-invention-patents')!;
    expect(mark.href).toBe('/indicators/valid-invention-patents/');
    expect(mark.reading).toContain('有效发明专利拥有量');
    expect(mark.reading).toContain('3500件');
    expect(mark.reading).toContain('2022');
  });

  test('on the English edition a value reads in English as the English charts word it (000 line 37; 004 line 19)', () => {
    const englishMarks = (slug: string) => {
      const doc = bySlug(slug);
      return { doc, marks: planMarks(doc, { documents: reg.documents, glossary: reg.glossary, indicators: reg.indicators, related: new Map(), link: (path) => localUrl('en', path), english: true }) };
    };
    const text = (words: { text: string }[] | undefined) => words?.map((w) => w.text).join('');
    const beichen = englishMarks('beichen-2020-2022');
    const rd = beichen.doc.targets.find((t) => t.indicatorId === 'rd-intensity')!;
    // 全社会研发投入强度力争达到3.2%以上 by 2022; content/indicators.yaml names it Gross R&D intensity (GERD / GDP).
    expect(text(beichen.marks.values.get(rd.id)?.readingEn)).toBe('Gross R&D intensity (GERD / GDP) · target · striving for at least 3.2% · 2022');
    expect(beichen.marks.values.get(rd.id)?.readingEn?.every((w) => w.lang === 'en')).toBe(true);
    // 比2015年分别增加了87家: an increase, not the level the indicator counts; said so.
    const xinji = englishMarks('xinji-14th-five-year');
    const increase = xinji.doc.targets.find((t) => t.indicatorId === 'high-tech-enterprises' && t.valueText.includes('87'))!;
    expect(text(xinji.marks.values.get(increase.id)?.readingEn)).toMatch(/^Number of certified high and new technology enterprises · result · an increase of 87 · 2015–2020 · another measure: /u);
    // The Chinese edition carries no English reading.
    expect(valueMark('beichen-2020-2022', 'rd-intensity')?.readingEn).toBeUndefined();
  });

  test('an unmapped value links to its row in the targets table', () => {
    const unmapped = plans.flatMap((p) => p.targets.filter((t) => !t.indicatorId).map((t) => ({ slug: p.slug, t })));
    expect(unmapped.length).toBeGreaterThan(0);
    const { slug, t } = unmapped[0]!;
    expect(marksOf(slug).marks.values.get(t.id)?.href).toBe(`/plans/${slug}/analysis/#target-${t.id}`);
  });

  test('a glossary term with one definition links to its page and names itself in the endnote', () => {
    const { marks } = marksOf('xinji-14th-five-year');
    expect(marks.terms.get('gaoxin-jishu-qiye')).toEqual({ href: '/glossary/gaoxin-jishu-qiye/', noteLabel: '术语“高新技术企业”' });
    expect(marks.terms.get('no-such-term')).toBeUndefined();
  });

  test('雏鹰企业, defined by Tianjin’s 津科规〔2021〕3号 only: a Tianjin plan links to that definition, the Hebei plan to the note that none is recorded for 河北省 (issue 13)', () => {
    expect(marksOf('beichen-2020-2022').marks.terms.get('chuying-qiye')).toEqual({ href: '/glossary/chuying-qiye/#def-tianjin', noteLabel: '术语“雏鹰企业”（天津市的定义）' });
    expect(marksOf('xinji-14th-five-year').marks.terms.get('chuying-qiye')).toEqual({ href: '/glossary/chuying-qiye/#def-hebei', noteLabel: '术语“雏鹰企业”（未记录河北省的定义）' });
  });

  test('each department a responsibility clause names links where it is shown: its own page, or its place in its region’s list (002 lines 24–33)', () => {
    const doc = bySlug('hongqiao-2020-2022');
    const shared = new Map([['tianjin-hongqiao-qu-shangwuju', 'departments/region/tianjin-hongqiao/#tianjin-hongqiao-qu-shangwuju']]);
    const marks = planMarks(doc, { documents: reg.documents, glossary: reg.glossary, indicators: reg.indicators, related: new Map(), departments: shared, link: (path) => localUrl('en', path) });
    expect(marks.departments.get('tianjin-hongqiao-qu-shangwuju')).toBe('/en/departments/region/tianjin-hongqiao/#tianjin-hongqiao-qu-shangwuju');
    expect(marks.departments.get('tianjin-hongqiao-qu-kejiju')).toBe('/en/departments/tianjin-hongqiao-qu-kejiju/');
  });

  test('related sections sit only after level-1 and level-2 headings', () => {
    const levels = new Map<string, number>(plans.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'heading' ? [[`${p.slug}#${b.id}`, b.level] as const] : []))));
    const shown = plans.flatMap((p) => [...marksOf(p.slug).marks.related.keys()].map((id) => `${p.slug}#${id}`));
    expect(shown.length).toBeGreaterThan(0);
    for (const key of shown) expect(levels.get(key), key).toBeLessThanOrEqual(2);
  });
});
