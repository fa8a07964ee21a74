/** Sitemap files from their `<url>` elements (sitemaps.org: at most 50,000 URLs a file, else an index). Pure. */

/** The most URLs one sitemap file may list (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

const URLSET_OPEN = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">';

/** `/sitemap.xml` and the parts it names: one `<urlset>`, or an index and `limit` URLs a part. Pure. */
export function sitemapFiles(urlElements: readonly string[], partUrl: (n: number) => string, limit = SITEMAP_LIMIT): { main: string; parts: string[] } {
  const urlset = (elements: readonly string[]) => `${URLSET_OPEN}\n${elements.join('\n')}\n</urlset>\n`;
  if (urlElements.length <= limit) return { main: urlset(urlElements), parts: [] };
  const parts: string[] = [];
  for (let i = 0; i < urlElements.length; i += limit) parts.push(urlset(urlElements.slice(i, i + limit)));
  const index = parts.map((_, i) => `  <sitemap><loc>${partUrl(i + 1)}</loc></sitemap>`).join('\n');
  return { main: `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index}\n</sitemapindex>\n`, parts };
}
