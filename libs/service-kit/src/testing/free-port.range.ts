import { createServer, type Server } from 'node:net';

const MAX_ATTEMPTS = 20;

function listen(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, () => resolve(server));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A port p such that p .. p+count-1 were all free a moment ago (for HTTP_BASE_PORT). */
export async function freePortRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const probe = await listen(0);
    if (probe === undefined) continue;
    const base = (probe.address() as { port: number }).port;
    const held: Server[] = [probe];
    for (let offset = 1; offset < count && held.length === offset; offset += 1) {
      const server = await listen(base + offset);
      if (server !== undefined) held.push(server);
    }
    const complete = held.length === count;
    await Promise.all(held.map(close));
    if (complete) return base;
  }
  throw new Error(`no range of ${count} free ports found in ${MAX_ATTEMPTS} attempts`);
}
