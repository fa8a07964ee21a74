/**
 * sitemap.xml and robots.txt of the built site. The sitemap is well-formed XML in the sitemaps.org namespace
 * (parsed by Chromium's own XML parser, `DOMParser`, so there is no parsing dependency of our own), lists every
 * built HTML page except the not-found pages (src/lib/sitemap.ts lists the pages; `404.html` and `en/404.html`
 * are the only built pages it leaves out, on purpose), once each, as absolute URLs under the site's configured origin
 * (astro.config.mjs `site`). robots.txt lets every crawler in and names that sitemap. Both are served with the
 * content type a crawler expects.
 */
import { beforeAll, describe, expect, inject, test } from 'vitest';
import config from '../../astro.config.mjs';
import { builtPages } from '../support/browser.ts';
import { browserForFile } from '../support/browser-per-file.ts';
import { expectNone } from '../support/report.ts';

const baseUrl = inject('baseUrl');
const siteDir = inject('siteDir');
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

// The site tests build with base `/` (global-setup.ts), so every URL in the files starts at the site's origin as
// astro.config.mjs configures it (SITE_URL, or its default).
if (!config.site) throw new Error('astro.config.mjs has no `site`: the sitemap could not have absolute URLs');
const siteRoot = new URL('/', config.site).href;

/** Built pages by URL path (`/`, `/plans/<slug>/`, `/404.html`). */
const pages = builtPages(siteDir);
/** What a crawler should find: every built page but the not-found pages (one per edition). */
const indexable = pages.filter((p) => p.path !== '/404.html' && p.path !== '/en/404.html').map((p) => p.path);

interface ParsedSitemap {
  /** Text of the `<parsererror>` element, or null when the XML is well-formed. */
  error: string | null;
  root: { name: string; ns: string | null };
  /** Every child of the root: its name, namespace and the texts of its `<loc>` children. */
  entries: { name: string; ns: string | null; locs: string[] }[];
}

const browser = browserForFile();
let sitemap: { status: number; type: string | null; text: string; parsed: ParsedSitemap };

beforeAll(async () => {
  const response = await fetch(new URL('sitemap.xml', baseUrl));
  const text = await response.text();
  const parsed = await browser.page.evaluate((xml): ParsedSitemap => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    const root = doc.documentElement;
    return {
      error: error ? (error.textContent ?? 'parsererror') : null,
      root: { name: root.localName, ns: root.namespaceURI },
      entries: [...root.children].map((u) => ({ name: u.localName, ns: u.namespaceURI, locs: [...u.children].filter((c) => c.localName === 'loc').map((c) => c.textContent ?? '') })),
    };
  }, text);
  sitemap = { status: response.status, type: response.headers.get('content-type'), text, parsed };
});

/** The `<loc>` values, in order. */
const locs = (): string[] => sitemap.parsed.entries.flatMap((e) => e.locs);

describe('sitemap.xml', () => {
  test('is served as application/xml; charset=utf-8', () => {
    expect(sitemap.status).toBe(200);
    expect(sitemap.type).toBe('application/xml; charset=utf-8');
  });

  test('is well-formed XML: a <urlset> in the sitemap namespace of <url> entries with one <loc> each', () => {
    expect(sitemap.parsed.error, 'XML parse error').toBeNull();
    expect(sitemap.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(sitemap.parsed.root).toEqual({ name: 'urlset', ns: SITEMAP_NS });
    expect(sitemap.parsed.entries.length).toBeGreaterThan(0);
    expectNone(
      sitemap.parsed.entries.filter((e) => e.name !== 'url' || e.ns !== SITEMAP_NS || e.locs.length !== 1).map((e) => `<${e.name}> (namespace ${e.ns}) with ${e.locs.length} <loc>`),
      'entries that are not a <url> with one <loc>',
    );
  });

  test(`every <loc> is an absolute URL under the configured site (${siteRoot}), listed once`, () => {
    expect(locs().length).toBeGreaterThan(0);
    expectNone(
      locs().filter((loc) => !URL.canParse(loc) || !loc.startsWith(siteRoot)),
      `<loc> values not absolute under ${siteRoot}`,
    );
    expectNone(
      locs().filter((loc, i, all) => all.indexOf(loc) !== i),
      'duplicate <loc> values',
    );
  });

  test('lists exactly the built pages, except the not-found pages', () => {
    // Sanity of the page list itself: the home page, a plan page and the not-found pages are built.
    expect(indexable).toContain('/');
    expect(indexable.some((p) => /^\/plans\/[^/]+\/$/u.test(p))).toBe(true);
    expect(pages.map((p) => p.path)).toContain('/404.html');
    expect(pages.map((p) => p.path)).toContain('/en/404.html');
    const listed = new Set(locs().map((loc) => `/${loc.slice(siteRoot.length)}`));
    expectNone(
      indexable.filter((p) => !listed.has(p)),
      'built pages missing from sitemap.xml',
    );
    const built = new Set(indexable);
    expectNone(
      [...listed].filter((p) => !built.has(p)),
      '<loc> values that map to no built page (or to the 404 page)',
    );
    expect(listed.size).toBe(indexable.length);
  });
});

describe('robots.txt', () => {
  test('is served as text/plain; charset=utf-8, lets every crawler in, and names the sitemap at the site’s own URL', async () => {
    const response = await fetch(new URL('robots.txt', baseUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const lines = (await response.text())
      .split('\n')
      .map((l) => l.replace(/#.*/u, '').trim())
      .filter((l) => l !== '');
    const field = (name: string) => lines.filter((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)).map((l) => l.slice(name.length + 1).trim());
    expect(field('User-agent')).toEqual(['*']);
    // Nothing is shut off: no Disallow with a path (an empty Disallow allows everything).
    expectNone(
      field('Disallow').filter((v) => v !== ''),
      'Disallow rules',
    );
    expect(field('Allow')).toEqual(['/']);
    const sitemaps = field('Sitemap');
    expect(sitemaps).toEqual([new URL('sitemap.xml', siteRoot).href]);
    // The sitemap it names is the one the site serves.
    const served = await fetch(new URL(new URL(sitemaps[0]!).pathname.slice(1), baseUrl));
    expect(served.status).toBe(200);
    expect(await served.text()).toBe(sitemap.text);
  });
});
