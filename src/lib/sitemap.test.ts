import { describe, expect, test } from 'vitest';
import { sitemapFiles } from './sitemap-files.ts';

const urls = (n: number) => Array.from({ length: n }, (_, i) => `  <url><loc>https://example.org/p${i + 1}/</loc></url>`);
const part = (n: number) => `https://example.org/sitemaps/${n}.xml`;

describe('sitemapFiles(urlElements, partUrl, limit)', () => {
  test('up to the limit: one <urlset> and no parts', () => {
    const { main, parts } = sitemapFiles(urls(3), part, 3);
    expect(parts).toEqual([]);
    expect(main).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9"/u);
    expect(main.match(/<url>/gu)).toHaveLength(3);
  });
  test('past the limit: an index naming each part, every URL in exactly one part, none over the limit', () => {
    const { main, parts } = sitemapFiles(urls(7), part, 3);
    expect(main).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect([...main.matchAll(/<sitemap><loc>([^<]+)<\/loc><\/sitemap>/gu)].map((m) => m[1])).toEqual([part(1), part(2), part(3)]);
    expect(parts.map((p) => p.match(/<url>/gu)!.length)).toEqual([3, 3, 1]);
    expect(parts.join('').match(/p7\//gu)).toHaveLength(1);
    expect(main).not.toContain('<url>');
  });
});
