import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { PORTS_TRIED, serveOnFreePort } from './serve.ts';
import type { StaticServer } from './lib/static-server.ts';

const held: Server[] = [];
let serving: StaticServer | undefined;
afterEach(async () => {
  await serving?.close();
  serving = undefined;
  await Promise.all(held.splice(0).map((s) => new Promise((done) => s.close(done))));
});

/** Holds `count` consecutive ports on 127.0.0.1 (the first chosen by the system); returns the first. */
async function holdPorts(count: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const servers: Server[] = [];
    const listen = (port: number) =>
      new Promise<Server | null>((done) => {
        const s = createServer();
        s.once('error', () => done(null));
        s.listen(port, '127.0.0.1', () => done(s));
      });
    const first = await listen(0);
    if (!first) continue;
    servers.push(first);
    const port = (first.address() as { port: number }).port;
    for (let p = port + 1; p < port + count; p++) {
      const s = await listen(p);
      if (!s) break;
      servers.push(s);
    }
    if (servers.length === count) {
      held.push(...servers);
      return port;
    }
    await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  }
  throw new Error(`could not hold ${count} consecutive ports`);
}

describe('serveOnFreePort(dir, base, port)', () => {
  test('a port in use: the next free one is taken, and said', async () => {
    const port = await holdPorts(2);
    const said: string[] = [];
    serving = await serveOnFreePort('tests/fixtures', '/', port, (line) => said.push(line));
    expect(serving.url).toBe(`http://127.0.0.1:${port + 2}/`);
    expect(said).toEqual([
      `serve: port ${port} is in use (another \`npm start\` still running?); trying ${port + 1}`,
      `serve: port ${port + 1} is in use (another \`npm start\` still running?); trying ${port + 2}`,
    ]);
  });

  test('the port and the ten after it in use: an error that says what to do, not a stack', async () => {
    const port = await holdPorts(PORTS_TRIED + 1);
    await expect(serveOnFreePort('tests/fixtures', '/', port, () => {})).rejects.toThrow(
      `serve: ports ${port}–${port + PORTS_TRIED} on 127.0.0.1 are all in use: stop what holds them, or pass another port (npm start -- --port N)`,
    );
  });
});
