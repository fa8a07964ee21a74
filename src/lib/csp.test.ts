import { describe, expect, test } from 'vitest';
import { scopeCspHashes as scopeBytes } from './csp.ts';

/** The page through `scopeCspHashes` as the middleware calls it: UTF-8 bytes in and out. */
const scopeCspHashes = (html: string) => new TextDecoder().decode(scopeBytes(new TextEncoder().encode(html)));

// Hashes computed outside the code: printf '%s' 'p{color:red}' | openssl dgst -sha256 -binary | base64
const STYLE = 'p{color:red}';
const STYLE_HASH = "'sha256-p0bF+un5yUb9MBO6xRb8kPHlY2BdpHVtLiFkDrZPF64='";
const SCRIPT = 'console.log(1)';
const SCRIPT_HASH = "'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='";
const OTHER = "'sha256-BF0290pkb3jxQsE7z00xR8Imp8X34FLC88L0lkMnrGw='";

const page = (body: string) =>
  `<html><head><meta http-equiv="content-security-policy" content="default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval' ${OTHER} ${SCRIPT_HASH}; style-src 'self' ${STYLE_HASH} ${OTHER};">${body}</head></html>`;
const policy = (html: string) => /content="([^"]*)"/u.exec(html)![1];

describe('scopeCspHashes', () => {
  test('a page without inline scripts or styles keeps no hash; other directives untouched', () => {
    expect(policy(scopeCspHashes(page('<script src="/x.js"></script><script type="application/ld+json">{"a":1}</script>')))).toBe(
      "default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';",
    );
  });
  test("a page keeps the hashes of its own inline style and script, and only those", () => {
    expect(policy(scopeCspHashes(page(`<style>${STYLE}</style><script type="module">${SCRIPT}</script>`)))).toBe(
      `default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval' ${SCRIPT_HASH}; style-src 'self' ${STYLE_HASH};`,
    );
  });
  test('the rest of the page is unchanged; a page without the meta is returned as it is', () => {
    const html = page(`<style>${STYLE}</style>`);
    expect(scopeCspHashes(html).replace(/<meta[^>]*>/u, '')).toBe(html.replace(/<meta[^>]*>/u, ''));
    expect(scopeCspHashes('<p>no policy</p>')).toBe('<p>no policy</p>');
  });
  test('Chinese before and after the meta (three bytes a character) is kept byte for byte', () => {
    const html = `<html><head><title>北辰区科技创新方案</title>${page(`<style>${STYLE}</style><p>正文：研发投入强度</p>`).slice('<html><head>'.length)}`;
    const out = scopeCspHashes(html);
    expect(policy(out)).toBe(`default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' ${STYLE_HASH};`);
    expect(out.replace(/<meta[^>]*>/u, '')).toBe(html.replace(/<meta[^>]*>/u, ''));
  });
});
