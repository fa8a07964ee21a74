/** The test server itself: content types, folder index, the site's 404 page, base-path mounting, traversal. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStaticServer } from './static-server.ts';
import type { StaticServer } from './static-server.ts';
import { temporaryFolders } from '../../tests/support/temporary-folders.ts';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'site-tests-server-'));
  const files: Record<string, string> = {
    'index.html': '<!doctype html><title>home</title>',
    '404.html': '<!doctype html><title>not found</title>',
    'en/404.html': '<!doctype html><title>English: not found</title>',
    'en/index.html': '<!doctype html><title>English home</title>',
    'plans/a/index.html': '<!doctype html><title>a</title>',
    'sources/a.txt': '文本',
    'style.css': 'body{}',
    'app.js': '1',
    'data.json': '{}',
    'pic.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'pagefind/pagefind.zh-cn_1.pf_meta': 'x',
    'pagefind/index/zh-cn_1.pf_index': 'x',
    'pagefind/fragment/zh-cn_1.pf_fragment': 'x',
    'pagefind/wasm.unknown.pagefind': 'x',
    'm.wasm': 'x',
  };
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), body);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(['/', '/plans/'])('mounted at %s', (base) => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer({ root, base });
  });
  afterAll(() => server.close());

  // The files of each type the site serves; Pagefind's own files have no registered type and go out as bytes.
  test.each([
    { files: 'the home page and a folder index', type: 'text/html; charset=utf-8', paths: ['', 'plans/a/'] },
    { files: 'a plan source text', type: 'text/plain; charset=utf-8', paths: ['sources/a.txt'] },
    { files: 'a stylesheet', type: 'text/css; charset=utf-8', paths: ['style.css'] },
    { files: 'a script', type: 'application/javascript; charset=utf-8', paths: ['app.js'] },
    { files: 'a data file', type: 'application/json; charset=utf-8', paths: ['data.json'] },
    { files: 'an SVG image', type: 'image/svg+xml', paths: ['pic.svg'] },
    { files: 'Pagefind’s own files', type: 'application/octet-stream', paths: ['pagefind/pagefind.zh-cn_1.pf_meta', 'pagefind/index/zh-cn_1.pf_index', 'pagefind/fragment/zh-cn_1.pf_fragment', 'pagefind/wasm.unknown.pagefind'] },
    { files: 'a WebAssembly module', type: 'application/wasm', paths: ['m.wasm'] },
  ])('GET $files → 200 $type', async ({ type, paths }) => {
    for (const path of paths) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
    }
  });

  test('GET of a missing path → 404, the site’s 404.html', async () => {
    const response = await fetch(`${server.url}missing/`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('not found');
  });

  test('a missing path under a folder with its own 404.html → that page (the English edition’s), else the site’s', async () => {
    for (const path of ['en/missing/', 'en/plans/x/y/', 'en/missing.html', 'en/%E7%BC%BA']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain('English: not found');
    }
    for (const path of ['plans/missing/', 'enx/missing/', 'plans/a/b/c']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe('<!doctype html><title>not found</title>');
    }
  });

  test('a folder without its slash redirects to it', async () => {
    const response = await fetch(`${server.url}plans/a`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`${base}plans/a/`);
  });

  test('encoded ../ cannot leave the site folder', async () => {
    // Sent raw: fetch() would normalise the path before it reaches the server.
    for (const path of ['..%2f..%2f..%2fetc%2fpasswd', '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd']) {
      expect(await rawStatus(server.origin, `${base}${path}`), path).toBe(404);
    }
  });
});

const newOuter = temporaryFolders('site-tests-outer-');
test('a `..` that comes back into the site does not pick a 404.html outside it on the way', async () => {
  const outer = newOuter();
  mkdirSync(join(outer, 'site'));
  writeFileSync(join(outer, '404.html'), 'outside');
  // The site has no 404.html of its own: walking up `x/../..` as written would reach the one outside.
  const server = await startStaticServer({ root: join(outer, 'site') });
  try {
    const response = await rawGet(server.origin, '/x/../../site/missing', {});
    expect(response.status).toBe(404);
    expect(response.body.toString()).toBe('Not found\n');
  } finally {
    await server.close();
  }
});

test('mounted at /plans/, paths outside the base are not found', async () => {
  const server = await startStaticServer({ root, base: '/plans/' });
  try {
    expect((await fetch(`${server.origin}/index.html`)).status).toBe(404);
    expect((await fetch(`${server.origin}/plans`, { redirect: 'manual' })).headers.get('location')).toBe('/plans/');
  } finally {
    await server.close();
  }
});

/** Status of a GET whose path is sent exactly as given. */
async function rawStatus(origin: string, path: string): Promise<number> {
  return (await rawGet(origin, path, {})).status;
}

/** A GET of the path exactly as given (fetch() would normalise it), with the given headers; the body exactly as sent (no decompression). */
function rawGet(origin: string, path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((done, fail) => {
    const url = new URL(origin);
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('with compress: text compressed as a real host does, and only when the browser accepts it', () => {
  test('brotli preferred, gzip otherwise, plain without Accept-Encoding; Pagefind blobs never', async () => {
    const server = await startStaticServer({ root, compress: true });
    try {
      const br = await rawGet(server.origin, '/plans/a/', { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['vary']).toBe('Accept-Encoding');
      expect(brotliDecompressSync(br.body).toString()).toBe('<!doctype html><title>a</title>');
      const gz = await rawGet(server.origin, '/sources/a.txt', { 'accept-encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body).toString()).toBe('文本');
      const plain = await rawGet(server.origin, '/style.css', {});
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe('body{}');
      const blob = await rawGet(server.origin, '/pagefind/fragment/zh-cn_1.pf_fragment', { 'accept-encoding': 'br' });
      expect(blob.headers['content-encoding']).toBeUndefined();
      expect(blob.body.toString()).toBe('x');
    } finally {
      await server.close();
    }
  });
  test('a file rewritten while served (a rebuild under `npm start`) is sent as it is now, not as first compressed', async () => {
    const server = await startStaticServer({ root, compress: true });
    const page = join(root, 'plans', 'a', 'index.html');
    try {
      const before = await rawGet(server.origin, '/plans/a/', { 'accept-encoding': 'br' });
      expect(brotliDecompressSync(before.body).toString()).toBe('<!doctype html><title>a</title>');
      writeFileSync(page, '<!doctype html><title>a, rebuilt</title>');
      const after = await rawGet(server.origin, '/plans/a/', { 'accept-encoding': 'br' });
      expect(brotliDecompressSync(after.body).toString()).toBe('<!doctype html><title>a, rebuilt</title>');
    } finally {
      writeFileSync(page, '<!doctype html><title>a</title>');
      await server.close();
    }
  });
  test('off by default: the tests see plain responses', async () => {
    const server = await startStaticServer({ root });
    try {
      expect((await rawGet(server.origin, '/', { 'accept-encoding': 'br' })).headers['content-encoding']).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
