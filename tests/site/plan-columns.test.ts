/**
 * The tables with a column per plan (indicators compared, departments, instruments) head each column by where and
 * when, then the title: researchers compare regions and periods, and a title need not name either (the 2014 report's
 * 科委将实施科技支撑美丽天津建设工程 names no year; 2023年全市科技创新工作要点 no region). The expectations are
 * read by hand from the seeds and content/regions.yaml's sourced English names (Beichen has one, Hongqiao and
 * Baodi none, so their English columns keep the Chinese, marked as such).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import type { HtmlElement } from 'html-validate';
import { parsedHtmlFile } from '../support/parsed-html.ts';

const siteDir = inject('siteDir');

interface Head {
  place: string;
  when: string;
  placeEn: string;
  /** The English place is the Chinese name (no sourced English name for a region of its chain). */
  placeEnIsChinese: boolean;
  whenEn: string;
}

const HEADS: Record<string, Head> = {
  'beichen-2020-2022': { place: '天津市北辰区', when: '2020—2022年', placeEn: 'Tianjin › Beichen District', placeEnIsChinese: false, whenEn: '2020–2022' },
  // Its year as seeds/catalog.yaml gives it (the report names none; it was published on 14 February 2014).
  'tianjin-2014-work-conference': { place: '天津市', when: '2014年', placeEn: 'Tianjin', placeEnIsChinese: false, whenEn: '2014' },
  'hongqiao-2020-2022': { place: '天津市红桥区', when: '2020—2022年', placeEn: '天津市红桥区', placeEnIsChinese: true, whenEn: '2020–2022' },
  'baodi-14th-five-year': { place: '天津市宝坻区', when: '2021—2025年', placeEn: '天津市宝坻区', placeEnIsChinese: true, whenEn: '2021–2025' },
  'xinji-14th-five-year': { place: '河北省石家庄市辛集市', when: '2021—2025年（展望2035年）', placeEn: '河北省石家庄市辛集市', placeEnIsChinese: true, whenEn: '2021–2025 (outlook to 2035)' },
};

const text = (el: { textContent: string } | null) => (el?.textContent ?? '').replace(/\s+/gu, ' ').trim();

/** Each column head of the page's plan table: the plan it links to, its place (and that place's language), when. */
function columnHeads(path: string) {
  const root = parsedHtmlFile(join(siteDir, path, 'index.html'));
  return root.querySelectorAll('.matrix-wrap thead th.plan-col').map((th) => {
    const place = th.querySelector('.col-place');
    return {
      slug: String(th.querySelector('a')?.getAttribute('href')?.value ?? '').replace(/^.*\/plans\/([^/]+)\/$/u, '$1'),
      place: text(place),
      placeChinese: place?.querySelector('[lang="zh-CN"]') !== null,
      when: text(th.querySelector('.col-when')),
      title: text(th.querySelector('a')),
    };
  });
}

describe.each(['compare', 'departments', 'instruments'])('/%s/', (page) => {
  test('each plan’s column is headed by its region and period (else its date), in Chinese', () => {
    const heads = columnHeads(page);
    if (page === 'compare') expect(heads.map((h) => h.slug).sort()).toEqual(Object.keys(HEADS).sort());
    expect(heads.length, 'columns').toBeGreaterThanOrEqual(2);
    for (const h of heads) {
      const want = HEADS[h.slug];
      expect(want, `a hand-read head for ${h.slug}`).toBeDefined();
      expect({ slug: h.slug, place: h.place, when: h.when }).toEqual({ slug: h.slug, place: want!.place, when: want!.when });
      expect(h.title.length, `${h.slug}: the title under them`).toBeGreaterThan(8);
    }
  });

  test('and in English: sourced English region names, else the Chinese marked as Chinese', () => {
    const heads = columnHeads(`en/${page}`);
    expect(heads.length, 'columns').toBeGreaterThanOrEqual(2);
    for (const h of heads) {
      const want = HEADS[h.slug]!;
      expect({ slug: h.slug, place: h.place, placeChinese: h.placeChinese, when: h.when }).toEqual({ slug: h.slug, place: want.placeEn, placeChinese: want.placeEnIsChinese, when: want.whenEn });
    }
  });
});

describe.each(['', 'en/'])('/%sindicators/rd-intensity/', (edition) => {
  test('each plan’s values stand under its title and its region · period line', () => {
    const root = parsedHtmlFile(join(siteDir, edition, 'indicators/rd-intensity/index.html'));
    const idOf = (section: HtmlElement) => section.querySelector('h3[id]')?.id ?? '';
    const sections = root.querySelectorAll('main section').filter((s) => idOf(s).startsWith('in-'));
    expect(sections.length, 'plans with a value of R&D intensity').toBeGreaterThanOrEqual(3);
    for (const section of sections) {
      const slug = idOf(section).replace(/^in-/u, '');
      const want = HEADS[slug]!;
      const line = section.querySelector('.plan-place');
      const [place, when] = edition ? [want.placeEn, want.whenEn] : [want.place, want.when];
      expect({ slug, line: text(line) }).toEqual({ slug, line: `${place} · ${when}` });
      expect(line?.querySelector('[lang="zh-CN"]') !== null, `${slug}: the place marked as Chinese`).toBe(edition !== '' && want.placeEnIsChinese);
    }
  });
});

// Every page that groups passages by plan (a cited document's citing plans, a theme's sections, an instrument's
// sentences, an indicator's values) sets the region · period line under each plan's heading, in both editions.
describe.each(['', 'en/'])('/%s{documents,themes,instruments,indicators}/<id>/', (edition) => {
  test('each plan’s group gives its region · period under its heading', () => {
    const problems: string[] = [];
    let groups = 0;
    for (const folder of ['documents', 'themes', 'instruments', 'indicators']) {
      for (const id of readdirSync(join(siteDir, edition, folder), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(siteDir, edition, folder, d.name, 'index.html')))) {
        const root = parsedHtmlFile(join(siteDir, edition, folder, id.name, 'index.html'));
        for (const section of root.querySelectorAll('main section')) {
          const heading = section.querySelector('h2, h3');
          const href = String(heading?.querySelector('a')?.getAttribute('href')?.value ?? '');
          const slug = /^\/(?:en\/)?plans\/([^/]+)\/$/u.exec(href)?.[1];
          if (!slug) continue;
          groups++;
          const want = HEADS[slug]!;
          const line = text(section.querySelector('.plan-place'));
          const expected = edition ? `${want.placeEn} · ${want.whenEn}` : `${want.place} · ${want.when}`;
          if (line !== expected) problems.push(`/${edition}${folder}/${id.name}/ ${slug}: “${line}”, not “${expected}”`);
        }
      }
    }
    expect(groups, 'plan groups on these pages').toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });
});
