/**
 * `node scripts/serve.ts [--dir dist] [--port 4321] [--base /]`: serve the built site the way a static host
 * should (used by `npm start`): correct content types with charsets (`.txt` sources as
 * `text/plain; charset=utf-8`), folders to their index.html, the site's 404 page for unknown paths.
 */
import { parseArgs } from 'node:util';
import { startStaticServer } from './lib/static-server.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '4321' },
    base: { type: 'string', default: process.env.BASE_PATH ?? '/' },
  },
});
const server = await startStaticServer({ root: values.dir, base: values.base, port: Number(values.port), compress: true });
console.log(`serving ${values.dir} at ${server.url} (Ctrl-C to stop)`);
