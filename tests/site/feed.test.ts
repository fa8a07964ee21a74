/**
 * The Atom feed (`/feed.xml`, RFC 4287): well-formed XML (parsed by Chromium's own XML parser, `DOMParser`), in
 * the Atom namespace, with the elements RFC 4287 requires (§4.1.1 feed: id, title, updated, author unless every
 * entry has one; §4.1.2 entry: id, title, updated; ids absolute IRIs, dates RFC 3339), one entry per plan page,
 * newest first, each linking its page. The entry dates are written here by hand from the seed texts: the
 * publication date, else the date written (src/lib/feed.ts: the data has no date of addition to the library).
 * Every page names the feed in its head; the home page links it.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { builtPages, planPages } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { expectNone } from '../support/report.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const ATOM = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/u;

interface Parsed {
  error: string | null;
  root: { name: string; ns: string | null; lang: string | null };
  /** Names (in the Atom namespace) of the feed's own child elements. */
  feedChildren: string[];
  feed: { id: string; title: string; updated: string; self: string | null; authors: number };
  entries: { id: string; title: string; updated: string; alternate: string | null; authors: number; children: string[] }[];
}

const browser = browserForFile();
let feed: { status: number; type: string | null; parsed: Parsed };

beforeAll(async () => {
  const response = await fetch(new URL('feed.xml', baseUrl));
  const text = await response.text();
  const parsed = await browser.page.evaluate(
    ({ xml, ns }): Parsed => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0];
      const root = doc.documentElement;
      const kids = (e: Element) => [...e.children].filter((c) => c.namespaceURI === ns);
      const text = (e: Element, name: string) => kids(e).find((c) => c.localName === name)?.textContent ?? '';
      const link = (e: Element, rel: string) => kids(e).find((c) => c.localName === 'link' && c.getAttribute('rel') === rel)?.getAttribute('href') ?? null;
      const authors = (e: Element) => kids(e).filter((c) => c.localName === 'author' && [...c.children].some((n) => n.localName === 'name' && n.textContent)).length;
      const entries = kids(root).filter((c) => c.localName === 'entry');
      return {
        error: error ? (error.textContent ?? 'parsererror') : null,
        root: { name: root.localName, ns: root.namespaceURI, lang: root.getAttribute('xml:lang') },
        feedChildren: kids(root).map((c) => c.localName),
        feed: { id: text(root, 'id'), title: text(root, 'title'), updated: text(root, 'updated'), self: link(root, 'self'), authors: authors(root) },
        entries: entries.map((e) => ({ id: text(e, 'id'), title: text(e, 'title'), updated: text(e, 'updated'), alternate: link(e, 'alternate'), authors: authors(e), children: kids(e).map((c) => c.localName) })),
      };
    },
    { xml: text, ns: ATOM },
  );
  feed = { status: response.status, type: response.headers.get('content-type'), parsed };
});

describe('feed.xml', () => {
  test('is well-formed Atom in Chinese', () => {
    expect(feed.status).toBe(200);
    expect(feed.parsed.error).toBeNull();
    expect(feed.parsed.root).toEqual({ name: 'feed', ns: ATOM, lang: 'zh-CN' });
  });

  test('has the feed elements RFC 4287 requires, once each', () => {
    const { feedChildren, feed: f, entries } = feed.parsed;
    for (const name of ['id', 'title', 'updated']) expect(feedChildren.filter((n) => n === name), name).toHaveLength(1);
    expect(() => new URL(f.id), 'feed id is an absolute IRI').not.toThrow();
    expect(f.updated).toMatch(RFC3339);
    expect(f.self, 'rel="self"').toBe(new URL('feed.xml', f.id).href);
    expect(f.authors > 0 || entries.every((e) => e.authors > 0), 'an author for the feed or for every entry').toBe(true);
  });

  test('one entry per plan page, each with id, title, updated and a link to its page', () => {
    const { entries } = feed.parsed;
    const slugs = planPages(siteDir).map((p) => p.path.split('/')[2]!);
    expect(slugs.length).toBeGreaterThan(0);
    expect(entries.map((e) => new URL(e.alternate ?? '').pathname.split('/')[2]).sort()).toEqual([...slugs].sort());
    const problems = entries.flatMap((e) => {
      const out: string[] = [];
      for (const name of ['id', 'title', 'updated']) if (e.children.filter((n) => n === name).length !== 1) out.push(`${e.id}: ${name} not once`);
      if (!RFC3339.test(e.updated)) out.push(`${e.id}: updated ${JSON.stringify(e.updated)} is not RFC 3339`);
      if (!/^https?:\/\//u.test(e.id)) out.push(`${e.id}: id is not an absolute IRI`);
      if (!e.title) out.push(`${e.id}: empty title`);
      return out;
    });
    expectNone(problems, 'feed entries');
    expect(new Set(entries.map((e) => e.id)).size, 'ids unique').toBe(entries.length);
  });

  test('entries newest first, dated by the publication date, else the date written (from the seed texts)', () => {
    const bySlug = feed.parsed.entries.map((e) => [new URL(e.alternate ?? '').pathname.split('/')[2], e.updated]);
    expect(bySlug).toEqual([
      ['xinji-14th-five-year', '2022-07-16T00:00:00+08:00'], // 发布日期 2022-07-16 (成文 2022-07-10)
      ['baodi-14th-five-year', '2021-09-28T00:00:00+08:00'], // 发布时间:2021-09-28
      ['beichen-2020-2022', '2021-04-19T00:00:00+08:00'], // 发文日期 2021年04月19日
      ['hongqiao-2020-2022', '2021-03-12T00:00:00+08:00'], // no publication date; 成文 2021年3月12日
      ['tianjin-2014-work-conference', '2014-02-14T00:00:00+08:00'], // ( 2014-02-14 )
    ]);
    expect(feed.parsed.feed.updated, 'the feed updated as its newest entry').toBe('2022-07-16T00:00:00+08:00');
  });

  test('every page names the feed in its head; the home page links it', () => {
    const pages = builtPages(siteDir);
    expect(pages.length).toBeGreaterThan(1);
    const missing = pages.filter((p) => !/<link rel="alternate" type="application\/atom\+xml" href="\/feed\.xml"/u.test(readFileSync(p.file, 'utf8'))).map((p) => p.path);
    expectNone(missing, 'pages without the feed link in their head');
    expect(readFileSync(`${siteDir}/index.html`, 'utf8')).toMatch(/<a href="\/feed\.xml"[^>]*>/u);
  });
});
