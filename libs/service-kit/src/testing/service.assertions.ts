import assert from 'node:assert/strict';
import { httpGet, httpGetJson } from './http.get';
import type { ServiceProcess } from './service.process';

const READY_TIMEOUT_MS = 30_000;
const SHUTDOWN_SIGNAL_LOGGED_TIMEOUT_MS = 5_000;
/** The brief's bound on a clean exit after SIGTERM. */
const EXIT_TIMEOUT_MS = 10_000;

export interface ReadyBody {
  readonly status: string;
  readonly mode: string;
  readonly checks: Readonly<Record<string, { readonly ok: boolean; readonly detail: string }>>;
}

/** Waits for GET /health/ready = 200 and returns its body. */
export async function waitUntilReady(child: ServiceProcess, baseUrl: string): Promise<ReadyBody> {
  return child.waitUntil(
    async () => {
      const answer = await httpGetJson(`${baseUrl}/health/ready`);
      return answer.status === 200 ? (answer.body as ReadyBody) : undefined;
    },
    READY_TIMEOUT_MS,
    `${baseUrl}/health/ready to answer 200`,
  );
}

export async function assertLive(baseUrl: string): Promise<void> {
  const live = await httpGetJson(`${baseUrl}/health/live`);
  assert.equal(live.status, 200);
  assert.deepEqual(live.body, { status: 'ok' });
}

/** /metrics is Prometheus text with service_ready 1 and the readiness request counted by route template. */
export async function assertReadyMetrics(baseUrl: string, service: string): Promise<void> {
  const metrics = await httpGet(`${baseUrl}/metrics`);
  assert.equal(metrics.status, 200);
  assert.match(metrics.contentType, /^text\/plain/);
  assert.match(metrics.text, new RegExp(`^service_ready\\{service="${service}"\\} 1$`, 'm'));
  const readyRequests = metrics.text
    .split('\n')
    .filter((line) => line.startsWith('http_requests_total{') && line.includes('route="/health/ready"'));
  assert.ok(
    readyRequests.some((line) => line.includes('status="200"') && line.includes('method="GET"')),
    `no http_requests_total series for GET /health/ready 200 in:\n${readyRequests.join('\n')}`,
  );
}

/** Every stdout line is a JSON log line with level, time, msg and a known service. */
export function assertJsonLogLines(child: ServiceProcess, services: readonly string[]): void {
  assert.deepEqual(child.nonJsonLines, [], 'stdout lines that are not JSON');
  assert.ok(child.logLines.length > 0, 'no log lines on stdout');
  for (const line of child.logLines) {
    assert.equal(typeof line['msg'], 'string', JSON.stringify(line));
    assert.equal(typeof line['level'], 'string', JSON.stringify(line));
    assert.equal(typeof line['time'], 'string', JSON.stringify(line));
    assert.ok(services.includes(String(line['service'])), `unexpected service in ${JSON.stringify(line)}`);
  }
}

/**
 * SIGTERM, then: every readiness answer after "shutdown started" is 503 draining or a closed
 * socket; the process logs "shutdown complete" and exits 0 within 10 s.
 */
export async function assertGracefulExit(child: ServiceProcess, baseUrls: readonly string[]): Promise<void> {
  const signalledAt = Date.now();
  child.signal('SIGTERM');
  await child.waitForMessage('shutdown started', SHUTDOWN_SIGNAL_LOGGED_TIMEOUT_MS);
  const answers = await Promise.all(
    baseUrls.map(async (baseUrl) => {
      try {
        const ready = await httpGetJson(`${baseUrl}/health/ready`);
        return { status: ready.status, body: ready.body };
      } catch {
        return { status: 'socket closed' };
      }
    }),
  );
  for (const answer of answers) {
    if (answer.status === 'socket closed') continue;
    assert.equal(answer.status, 503, JSON.stringify(answer));
    assert.equal((answer.body as { status?: unknown }).status, 'draining');
  }
  const exit = await child.exited(EXIT_TIMEOUT_MS - (Date.now() - signalledAt));
  assert.deepEqual(exit, { code: 0, signal: null }, `stderr: ${child.stderr}`);
  assert.ok(child.logLines.some((line) => line['msg'] === 'shutdown complete'));
}

/** A process started with bad configuration exits 1 and names `variable` on stderr. */
export async function assertConfigRejected(child: ServiceProcess, variable: string): Promise<void> {
  const exit = await child.exited(EXIT_TIMEOUT_MS);
  assert.deepEqual(exit, { code: 1, signal: null });
  assert.match(child.stderr, new RegExp(variable));
  const jsonLine = child.stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .find((line) => line['msg'] === 'invalid configuration');
  assert.ok(jsonLine !== undefined, `no JSON "invalid configuration" line on stderr: ${child.stderr}`);
  assert.match(JSON.stringify(jsonLine['issues']), new RegExp(variable));
}
