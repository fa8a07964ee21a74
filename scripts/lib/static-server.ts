/**
 * A small static HTTP server over a built site, for `npm start`, the browser tests and the benchmark (node:http,
 * no dependency). It serves
 * the folder under a base path (`/` or a sub-path such as `/plans/`, to test `--base` builds), maps
 * folders to their `index.html`, answers unknown paths with the nearest `404.html` (`en/404.html` under `/en/`, else
 * the site's own) and status 404, and
 * sends the content types a real host would, so tests can assert on them.
 */
import { createServer } from 'node:http';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

/** Content type by file extension. Pagefind's index files (`.pf_meta`, `.pf_index`, `.pf_fragment`) and its
 * `wasm.*.pagefind` module are opaque binary (gzip) blobs that pagefind.js fetches and decodes itself. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ris': 'application/x-research-info-systems',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

/** Whether a response of this type is text worth compressing (Pagefind's blobs are compressed already). */
function isText(type: string): boolean {
  return /^text\/|^application\/(javascript|json|xml)|^image\/svg\+xml/u.test(type);
}

/** Content type for a file path (`application/octet-stream` when unknown). */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Options of {@link startStaticServer}. */
export interface StaticServerOptions {
  /** The built site folder. */
  root: string;
  /** Path the folder is mounted under, with leading and trailing slash (default `/`). */
  base?: string;
  /** Port on 127.0.0.1 (default: a free one). */
  port?: number;
  /**
   * Compress text (HTML, CSS, JS, JSON, SVG, XML, plain text) with brotli or gzip when the browser accepts it, as
   * any real host does (default off: the tests assert on plain responses). `npm start` and the benchmark's
   * Lighthouse runs turn it on, so that what they measure is what a reader downloads.
   */
  compress?: boolean;
}

/** A running server; `url` is its origin plus base path, ending in `/`. */
export interface StaticServer {
  url: string;
  origin: string;
  close: () => Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function normaliseBase(base: string): string {
  return `/${base.replace(/^\/+|\/+$/gu, '')}/`.replace(/^\/\/$/u, '/');
}

/** Starts the server on 127.0.0.1 (a free port unless `port` is given). */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const base = normaliseBase(options.base ?? '/');

  // Compressed bodies by encoding and file as it was (a rebuild while `npm start` serves rewrites files: served stale
  // from here, a page showed the last build's HTML while the plain file had the new one).
  const compressed = new Map<string, Buffer>();

  /** The file's bytes, compressed once per encoding and version of the file when an encoding is given. */
  async function bodyOf(file: string, encoding: 'br' | 'gzip' | null): Promise<Buffer> {
    if (!encoding) return readFile(file);
    const { mtimeMs, size } = await stat(file);
    const key = `${encoding} ${mtimeMs} ${size} ${file}`;
    let packed = compressed.get(key);
    if (!packed) {
      const raw = await readFile(file);
      packed = encoding === 'br' ? brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(raw, { level: 9 });
      compressed.set(key, packed);
    }
    return packed;
  }

  async function send(res: ServerResponse, status: number, file: string, head: boolean, accept = ''): Promise<void> {
    const type = contentTypeFor(file);
    const compressible = options.compress === true && isText(type);
    const encoding = !compressible ? null : /\bbr\b/u.test(accept) ? 'br' : /\bgzip\b/u.test(accept) ? 'gzip' : null;
    const body = await bodyOf(file, encoding);
    res.writeHead(status, {
      'Content-Type': type,
      // Each test run builds afresh; never let the browser reuse an older response.
      'Cache-Control': 'no-store',
      ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
      'Content-Length': body.length,
    });
    res.end(head ? undefined : body);
  }

  /**
   * The nearest `404.html` up the folders of the path asked for (`path`, resolved inside the site), ending at the
   * site's own, as Cloudflare Pages serves it: the English edition's `en/404.html` for `/en/…`.
   */
  async function notFound(res: ServerResponse, head: boolean, path = root): Promise<void> {
    const folders = path.slice(root.length).split(sep).filter(Boolean).slice(0, -1);
    for (let n = folders.length; n >= 0; n--) {
      const page = join(root, ...folders.slice(0, n), '404.html');
      if (await isFile(page)) return send(res, 404, page, head);
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(head ? undefined : 'Not found\n');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const head = req.method === 'HEAD';
    const accept = String(req.headers['accept-encoding'] ?? '');
    if (req.method !== 'GET' && !head) {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    // The base without its trailing slash (`/plans`) is the site's root too: redirect it like a folder.
    if (base !== '/' && pathname === base.slice(0, -1)) {
      res.writeHead(301, { Location: base });
      res.end();
      return;
    }
    if (!pathname.startsWith(base)) return notFound(res, head);
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(base.length));
    } catch {
      return notFound(res, head);
    }
    const path = resolve(root, `.${sep}${relative}`);
    // Refuse anything that resolves outside the site folder (`..`, encoded or not).
    if (path !== root && !path.startsWith(root + sep)) return notFound(res, head);
    if (await isFile(path)) return send(res, 200, path, head, accept);
    if (await isDirectory(path)) {
      if (!pathname.endsWith('/')) {
        // Like static hosts do: a folder URL without its slash redirects, so relative links resolve.
        res.writeHead(301, { Location: `${pathname}/` });
        res.end();
        return;
      }
      const index = join(path, 'index.html');
      if (await isFile(index)) return send(res, 200, index, head, accept);
    }
    return notFound(res, head, path);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
