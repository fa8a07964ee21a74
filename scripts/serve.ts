/**
 * `node scripts/serve.ts [--dir dist] [--port 4321] [--base /]`: serve the built site the way a static host
 * should (used by `npm start`): correct content types with charsets (`.txt` sources as
 * `text/plain; charset=utf-8`), folders to their index.html, the site's 404 page for unknown paths.
 * A port in use (another `npm start` still running, a dev server) is not a crash after the build: the next free
 * port of the ten after it is taken, and said.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer, type StaticServer } from './lib/static-server.ts';
import { parseCommandLine } from './lib/command-line.ts';

/** How many ports after the one asked for are tried when it is in use. */
export const PORTS_TRIED = 10;

/** Serves `dir` on `port` or, when that is in use, on the first free one of the {@link PORTS_TRIED} after it. */
export async function serveOnFreePort(dir: string, base: string, port: number, say: (line: string) => void = console.log): Promise<StaticServer> {
  for (let p = port; ; p++) {
    try {
      return await startStaticServer({ root: dir, base, port: p, compress: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
      if (p >= port + PORTS_TRIED) {
        throw new Error(`serve: ports ${port}–${p} on 127.0.0.1 are all in use: stop what holds them, or pass another port (npm start -- --port N)`, { cause: e });
      }
      say(`serve: port ${p} is in use (another \`npm start\` still running?); trying ${p + 1}`);
    }
  }
}

if (import.meta.main) {
  const { values } = parseCommandLine('serve', {
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4321' },
      base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
    },
  });
  if (!existsSync(join(values.dir, 'index.html'))) {
    console.error(`serve: ${values.dir} holds no built site (no index.html): build it first (npm run build, or npm start, which builds and serves)`);
    process.exit(1);
  }
  try {
    const server = await serveOnFreePort(values.dir, values.base, Number(values.port));
    console.log(`serving ${values.dir} at ${server.url} (Ctrl-C to stop)`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
