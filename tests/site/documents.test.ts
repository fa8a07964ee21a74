/**
 * A document on the site that names itself (its covering notice: 现将《…》印发给你们) is not a plan citing it: its page
 * lists those places apart, and the list of cited documents marks it. Read by hand from the seeds: Hongqiao's notice
 * names its plan twice (002 lines 2 and 5); Beichen and Hongqiao cite the Tianjin three-year plan, which is not on
 * the site.
 */
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { parsedHtmlFile } from '../support/parsed-html.ts';

const siteDir = inject('siteDir');
const text = (el: { textContent: string } | null) => (el?.textContent ?? '').replace(/\s+/gu, ' ').trim();

const WORDS = {
  '': { citedBy: '引用它的规划', self: '文件自身提及之处', mark: '（文件自身）' },
  'en/': { citedBy: 'Plans that cite it', self: 'Where the document names itself', mark: '(the document itself)' },
} as const;

describe.each(['', 'en/'] as const)('/%sdocuments/', (edition) => {
  const w = WORDS[edition];
  const page = (slug: string) => parsedHtmlFile(join(siteDir, edition, 'documents', slug, 'index.html'));
  const headings = (slug: string) => page(slug).querySelectorAll('main h2').map(text);

  test('a plan naming itself: no plan cites it, its own places are listed apart', () => {
    const hongqiao = headings('hongqiao-st-innovation-3yr-2020-2022');
    expect(hongqiao.filter((h) => h.startsWith(w.citedBy))).toEqual([]);
    expect(hongqiao).toContain(w.self);
    const section = page('hongqiao-st-innovation-3yr-2020-2022').querySelectorAll('main section').find((s) => text(s.querySelector('h2')) === w.self);
    expect(section?.querySelectorAll('li').length, 'its notice’s two places').toBe(2);
  });

  test('a document two plans cite: both, and nothing of itself', () => {
    const tianjin = headings('tianjin-st-innovation-3yr-2020-2022');
    expect(tianjin.filter((h) => h.startsWith(w.citedBy))).toEqual([edition ? `${w.citedBy} (2)` : `${w.citedBy}（2）`]);
    expect(tianjin).not.toContain(w.self);
  });

  test('the list’s count leaves out the three plans whose covering notices name them (000 line 19, 002 line 5, 004 line 8)', () => {
    const intro = text(parsedHtmlFile(join(siteDir, edition, 'documents/index.html')).querySelector('.page-intro'));
    expect(intro).toContain(edition ? '; 3 more are only a document on this site naming itself' : '，另有3种只是本站文件在印发通知或正文中提及自身');
  });

  test('the list marks a document cited only by itself', () => {
    const rows = parsedHtmlFile(join(siteDir, edition, 'documents/index.html')).querySelectorAll('table.document-list tbody tr');
    const linksTo = (href: string | undefined, slug: string) => href?.endsWith(`/documents/${slug}/`) === true;
    const cell = (slug: string) => text(rows.find((r) => linksTo(String(r.querySelector('th a')?.getAttribute('href')?.value), slug))?.querySelectorAll('td').at(-1) ?? null);
    expect(cell('hongqiao-st-innovation-3yr-2020-2022').endsWith(w.mark)).toBe(true);
    expect(cell('beichen-st-innovation-3yr-2020-2022').endsWith(w.mark)).toBe(true);
    expect(cell('tianjin-st-innovation-3yr-2020-2022')).not.toContain(w.mark);
  });
});
