// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { basePath, siteUrl } from './src/lib/site-config.ts';
import { siteFilesDuringDev } from './src/lib/site-files-dev.ts';
import { recordSiteOutputs } from './scripts/lib/site-in-place.ts';

// Astro 7's default Markdown processor (Sätteri) ignores remark plugins; the unified processor runs them
// (../shared/docs/stack-notes.md). SmartyPants is off: it would rewrite the source's quotes and dashes.
// GFM is off: its autolink literals (www.x.cn, https://…) turn plan text into links even when escaped, and
// the generated MDX writes tables as elements, so nothing needs GFM (scripts/pipeline/mdx-readback.ts).
export default defineConfig({
  site: siteUrl(),
  base: basePath(),
  // scripts/build.ts gives builds of other content (tests, benchmark) their own content-layer cache.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'ignore',
  // The English edition lives under /en/ (issue 13); the Chinese pages keep their unprefixed URLs. Pages read
  // `Astro.currentLocale` to speak the reader's language; src/lib/i18n/ holds the strings.
  i18n: { locales: ['zh-CN', 'en'], defaultLocale: 'zh-CN', routing: { prefixDefaultLocale: false } },
  markdown: {
    processor: unified({ remarkPlugins: [remarkCjkFriendly], smartypants: false, gfm: false }),
  },
  // The files that are not pages (source texts, open data, citation and chart files) are written by
  // scripts/site-files.ts after `astro build`; the dev server makes them on request. A build part records the files
  // it wrote, so that the next build can update the site in place (scripts/lib/site-in-place.ts).
  integrations: [mdx(), siteFilesDuringDev(), recordSiteOutputs()],
  // Styles inline: a page needs no request before its first paint (Lighthouse counted the plan page's three
  // stylesheets as render-blocking), and its HTML and CSS compress together (the largest plan 0.1 KB lighter than
  // as three files). Each page's CSP names only its own style's hash (src/middleware.ts). The print stylesheet stays a
  // file (`media="print"`): a screen never waits for it.
  build: { format: 'directory', inlineStylesheets: 'always' },
  // A Content-Security-Policy <meta> on every page: Astro hashes its own inline styles and scripts; everything
  // else must come from this site. Pagefind's search runs WebAssembly, hence 'wasm-unsafe-eval'.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  devToolbar: { enabled: false },
  // A rebuild keeps a page whose route code and `cacheKey` (from getStaticPaths: a digest of everything the page
  // reads) are those of the last build, instead of rendering it again (Astro 7.2+, experimental; issue 15). Routes
  // without a key render every time. scripts/build.ts gives each rendering part its own cache folder.
  experimental: { incrementalBuild: true },
});
