import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const FORWARDED_HEADERS = ['content-type', 'x-twilio-signature'];

/**
 * What a Kubernetes Service is in front of scheduler replicas: one public origin for Twilio's
 * callbacks, forwarded to the first replica that answers (a killed one refuses connections).
 */
export class CallbackProxy {
  private backends: readonly string[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<CallbackProxy> {
    const holder: { self?: CallbackProxy } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        void holder.self?.forward(request.method ?? 'POST', request.url ?? '/', request.headers, Buffer.concat(chunks)).then(
          (answer) => response.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body),
          () => response.writeHead(502).end(),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const self = new CallbackProxy(server);
    holder.self = self;
    return self;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  setBackends(origins: readonly string[]): void {
    this.backends = origins;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
  }

  private async forward(method: string, path: string, headers: Readonly<Record<string, string | string[] | undefined>>, body: Buffer): Promise<{ status: number; contentType: string; body: string }> {
    const forwarded = Object.fromEntries(FORWARDED_HEADERS.flatMap((name) => (typeof headers[name] === 'string' ? [[name, headers[name]]] : [])));
    // A different first replica per request, as a load balancer would spread them.
    const start = Math.floor(Math.random() * Math.max(1, this.backends.length));
    const order = [...this.backends.slice(start), ...this.backends.slice(0, start)];
    for (const origin of order) {
      try {
        const answer = await fetch(`${origin}${path}`, { method, headers: forwarded, body: method === 'GET' ? undefined : body });
        return { status: answer.status, contentType: answer.headers.get('content-type') ?? 'text/plain', body: await answer.text() };
      } catch {
        // That replica is gone: try the next.
      }
    }
    throw new Error('no replica answered');
  }
}
