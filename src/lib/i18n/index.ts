/**
 * The site's two languages (issue 13): Chinese at the root, an English edition under `/en/` for the pages listed
 * in `ENGLISH_PAGES`. Pages are shared: each reads its locale from `Astro.currentLocale` (astro.config.mjs `i18n`)
 * and takes its words from `ui(locale)`. Pure: no Astro imports, so that unit tests can read it.
 */
import { url } from '../url.ts';
import { en, zh, type UiStrings } from './ui.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** `Astro.currentLocale` → a locale of the site (anything but `en` is the Chinese site). */
export function localeOf(current: string | undefined): Locale {
  return current === 'en' ? 'en' : 'zh-CN';
}

/** The words of the site in `locale`. */
export function ui(locale: Locale): UiStrings {
  return locale === 'en' ? en : zh;
}

/** A page's edition from `Astro.currentLocale`: its locale, its words, and whether it is the English one. */
export function edition(current: string | undefined): { locale: Locale; t: UiStrings; en: boolean } {
  const locale = localeOf(current);
  return { locale, t: ui(locale), en: locale === 'en' };
}

/** Pages with an English edition, as paths relative to the base without a leading slash: every page but the 404. */
const ENGLISH_PAGES: RegExp[] = [
  /^$/u,
  /^plans\/[^/]+\/(?:source\/|analysis\/)?$/u,
  // A list past one page has its pages in both editions: `regions/<id>/2/`, `departments/2/`, `compare/2/` (issue 15).
  /^(indicators|glossary|regions|departments|documents|themes|instruments|incentives|alignment)\/(?:[^/]+\/(?:\d+\/)?)?$/u,
  // A region's departments without a page of their own (`departmentPages`).
  /^departments\/region\/[^/]+\/(?:\d+\/)?$/u,
  /^browse\/[^/]+\/(?:\d+\/)?$/u,
  /^(compare|reuse)\/(?:\d+\/)?$/u,
  /^(data|search)\/$/u,
  // A chart on its own (issue 14), in each edition's words (`/en/charts/<id>.svg` on the English one).
  /^embed\/[^/]+\/$/u,
];

/** Whether the page at `path` (relative to the base) has an English edition. */
export function hasEnglish(path: string): boolean {
  return ENGLISH_PAGES.some((p) => p.test(path));
}

/**
 * Link to `path` (relative to the base, `#fragment` allowed) from a page in `locale`: the English edition of the
 * page when the reader is on the English site and it has one, else the Chinese page (files and Chinese-only pages).
 */
export function localUrl(locale: Locale, path = ''): string {
  const [page = '', fragment] = path.replace(/^\//u, '').split('#');
  const target = locale === 'en' && hasEnglish(page) ? `en/${page}` : page;
  return url(target) + (fragment === undefined ? '' : `#${fragment}`);
}

/** A plan page (or a section of it) in `locale`. */
export function localPlanUrl(locale: Locale, slug: string, anchor?: string): string {
  return localUrl(locale, `plans/${slug}/${anchor ? `#${anchor}` : ''}`);
}

/** A plan's figures-and-analysis page (or a section of it) in `locale`. */
export function localAnalysisUrl(locale: Locale, slug: string, anchor?: string): string {
  return localUrl(locale, `plans/${slug}/analysis/${anchor ? `#${anchor}` : ''}`);
}

/** The page a URL path (from the site root, with the base) is, relative to the base, and its locale. */
export function pageOf(pathname: string): { locale: Locale; path: string } {
  const base = url();
  const rel = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//u, '');
  return rel === 'en' || rel.startsWith('en/') ? { locale: 'en', path: rel.replace(/^en\/?/u, '') } : { locale: 'zh-CN', path: rel };
}

/**
 * The same page in each language, as URL paths with the base; `null` for a language the page does not exist in.
 * A Chinese page without an English edition has none; the not-found pages (`404.html`, `en/404.html`) have none.
 */
export function editions(pathname: string): Record<Locale, string | null> {
  const { path } = pageOf(pathname);
  // Each edition's not-found page stands for whatever address was asked for: it is no edition of the other's.
  if (/^404(?:\.html|\/)?$/u.test(path)) return { 'zh-CN': null, en: null };
  return { 'zh-CN': url(path), en: hasEnglish(path) ? url(`en/${path}`) : null };
}

/**
 * The `<link rel="alternate" hreflang>` of a page with an English edition: both editions and the Chinese as
 * x-default, absolute; none for a page with only one edition.
 */
export function hreflangAlternates(pages: Record<Locale, string | null>, site: URL | undefined): { lang: string; href: string }[] {
  if (!pages.en) return [];
  const zh = new URL(pages['zh-CN']!, site).href;
  return [{ lang: 'zh-CN', href: zh }, { lang: 'en', href: new URL(pages.en, site).href }, { lang: 'x-default', href: zh }];
}

/**
 * An English page title within 70 characters as written in the HTML (html-validate's long-title: `&` and quotes
 * are written as references), cut at a word with `…`.
 */
export function fitTitle(s: string, max = 70): string {
  // As Astro writes a title: `&amp;`, `&quot;`, `&#39;`.
  const written = (x: string) => x.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/'/gu, '&#39;').length;
  let cut = s;
  while (written(cut) > max) cut = `${cut.slice(0, cut.lastIndexOf(' ', cut.length - 2))}…`;
  return cut;
}
