/**
 * A page's Content-Security-Policy with only the hashes that page uses.
 *
 * Astro's `security.csp` writes the same `<meta http-equiv="content-security-policy">` into every page: the hashes
 * of every inline script and style of the whole build, plus its island and client-directive scripts (an MDX
 * renderer counts as islands), although no page here has an island. Astro 7 has no setting to scope them per page
 * (`Astro.csp` can only add), so after the build each page keeps the hashes of its own inline `<script>` and
 * `<style>` elements and drops the rest: the policy is stricter and the largest plan 0.3 KB lighter.
 */
import { createHash } from 'node:crypto';

/** Inline elements a hash can allow: scripts that run (not JSON data blocks, which CSP does not govern) and styles. */
const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/giu;
const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/iu;
const HASH = /'sha(256|384|512)-[A-Za-z0-9+/=]+'/gu;

function isDataBlock(attrs: string): boolean {
  const type = /\btype=["']?([^"'\s>]+)/iu.exec(attrs)?.[1]?.toLowerCase();
  return type !== undefined && type !== 'module' && !/javascript|ecmascript/u.test(type);
}

/** Digests made so far, by algorithm and content: the same few stylesheets are inlined in thousands of pages. */
const digests = new Map<string, string>();

function digest(algorithm: string, content: string): string {
  const key = `${algorithm}:${content}`;
  let out = digests.get(key);
  if (out === undefined) {
    out = `'sha${algorithm}-${createHash(`sha${algorithm}`).update(content, 'utf8').digest('base64')}'`;
    // A build has few distinct inline elements; the bound keeps a page-specific one from growing the map without end.
    if (digests.size >= 1000) digests.clear();
    digests.set(key, out);
  }
  return out;
}

const decoder = new TextDecoder();

/**
 * The page (its UTF-8 bytes, as the renderer gives them) with its CSP `<meta>` naming only the hashes of the page's
 * own inline scripts (in `script-src`) and styles (in `style-src`). A page without such a `<meta>` is returned
 * unchanged. Entities in the attribute are not expected: Astro writes hashes, keywords and URLs only. Only the
 * `<meta>` is encoded again; the rest of the page is copied as it is (decoding the page, changing the string and
 * encoding it all again was 2 % of rendering at 3,000 plans).
 */
export function scopeCspHashes(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const html = decoder.decode(bytes);
  const meta = CSP_META.exec(html);
  if (!meta) return bytes;
  const start = Buffer.byteLength(html.slice(0, meta.index));
  return Buffer.concat([bytes.subarray(0, start), Buffer.from(scopedMeta(html, meta)), bytes.subarray(start + Buffer.byteLength(meta[0]))]);
}

/** The page's CSP `<meta>` (`meta`, found in `html`) naming only the hashes of the page's own inline elements. */
function scopedMeta(html: string, meta: RegExpExecArray): string {
  const inline = { script: [] as string[], style: [] as string[] };
  for (const m of html.matchAll(INLINE)) {
    const kind = m[1]!.toLowerCase() as 'script' | 'style';
    if (kind === 'script' && (isDataBlock(m[2]!) || /\bsrc=/iu.test(m[2]!))) continue;
    inline[kind].push(m[3]!);
  }
  const policy = meta[2]!
    .split(';')
    .map((directive) => {
      const name = directive.trim().split(/\s+/u)[0];
      const kind = name === 'script-src' ? 'script' : name === 'style-src' ? 'style' : null;
      if (!kind) return directive;
      const used = new Set<string>();
      return directive
        .replace(HASH, (hash, algorithm: string) => {
          if (used.size === 0) for (const content of inline[kind]) used.add(digest(algorithm, content));
          return used.has(hash) ? hash : '';
        })
        .replace(/\s+/gu, ' ')
        .replace(/ $/u, '');
    })
    .join(';');
  return meta[1] + policy + meta[3];
}
