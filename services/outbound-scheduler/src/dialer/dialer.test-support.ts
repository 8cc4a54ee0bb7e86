import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInMemoryBus, type InMemoryBus } from '@va/bus';
import type { SqlDatabase } from '@va/data';
import type { Logger } from '@va/observability';
import { ProviderBreaker } from '@va/resilience';
import { Registry } from 'prom-client';
import { AmdResultHandler } from './callbacks/amd-result.handler';
import { CallbackMetrics } from './callbacks/callback.metrics';
import { CallStatusRecorder } from './callbacks/call-status.recorder';
import { OutboundCallbacks } from './callbacks/outbound.callbacks';
import { TwilioSignatureVerifier } from './callbacks/twilio-signature.verifier';
import type { Clock } from '../clock';
import { DIALER_POLICY } from './dialer.policy';
import { AttemptProcessor } from './loop/attempt.processor';
import { DialerLoop } from './loop/dialer.loop';
import { dialerUrls, OUTBOUND_AMD_PATH, OUTBOUND_STATUS_PATH } from './loop/dialer.urls';
import { createStuckCallChecker } from './recovery/stuck-call-checker.factory';
import { TokenBucket } from './rules/token.bucket';
import { CallPlacer } from './telephony/call.placer';
import type { OutboundTelephony } from './telephony/outbound.telephony';

/** A clock that runs with real time from `start` and can be moved forward. */
export class TestClock implements Clock {
  private readonly startedAtMs = Date.now();
  private offsetMs = 0;

  constructor(private readonly start: Date) {}

  now(): Date {
    return new Date(this.start.getTime() + (Date.now() - this.startedAtMs) + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Moves to `instant` (only forward). */
  advanceTo(instant: Date): void {
    this.advance(Math.max(0, instant.getTime() - this.now().getTime()));
  }
}

/**
 * Stands in for the media-gateway (answers the voice webhook with a short pause then a hang-up)
 * and serves the dialer's callback routes through the real OutboundCallbacks.
 */
export class CallbackServer {
  readonly bus: InMemoryBus;
  private callbacks: OutboundCallbacks | undefined;

  private constructor(
    private readonly server: Server,
    logger: Logger,
  ) {
    this.bus = createInMemoryBus({ logger });
  }

  /** `voiceTwiml` answers the voice webhook; as a function it sees our call id (what the dialog would know). */
  static async start(logger: Logger, voiceTwiml: string | ((callId: string) => string | Promise<string>)): Promise<CallbackServer> {
    const holder: { self?: CallbackServer } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', holder.self?.baseUrl);
        const body = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
        const signature = request.headers['x-twilio-signature'];
        const input = { url: url.toString(), signature: typeof signature === 'string' ? signature : undefined, body, callId: url.searchParams.get('callId') ?? undefined };
        const route = url.pathname === OUTBOUND_STATUS_PATH ? holder.self?.callbacks?.status(input) : url.pathname === OUTBOUND_AMD_PATH ? holder.self?.callbacks?.answeringMachine(input) : undefined;
        if (route === undefined) {
          void Promise.resolve(typeof voiceTwiml === 'string' ? voiceTwiml : voiceTwiml(input.callId ?? '')).then(
            (twiml) => response.writeHead(200, { 'content-type': 'text/xml' }).end(twiml),
            () => response.writeHead(500).end(),
          );
          return;
        }
        route.then(
          (status) => response.writeHead(status, { 'content-type': 'text/xml' }).end('<Response/>'),
          () => response.writeHead(500).end(),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const self = new CallbackServer(server, logger);
    holder.self = self;
    await self.bus.ensureTopics();
    return self;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  serve(db: SqlDatabase, clock: Clock, authToken: string, telephony: OutboundTelephony, logger: Logger): void {
    this.callbacks = new OutboundCallbacks(
      new TwilioSignatureVerifier(authToken),
      new CallStatusRecorder(db, clock),
      new AmdResultHandler({ db, bus: this.bus, clock, telephony, logger }),
      CallbackMetrics.of(new Registry()),
    );
  }

  async close(): Promise<void> {
    await this.bus.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
  }
}

export interface TestDialerOptions {
  readonly db: SqlDatabase;
  readonly clock: Clock;
  readonly owner: string;
  readonly telephony: OutboundTelephony;
  readonly server: CallbackServer;
  readonly callsPerSecond: number;
  readonly leaseMs: number;
  readonly logger: Logger;
  /** DIALER_STUCK_CALL_MS; default 10 minutes. */
  readonly stuckCallMs?: number;
}

/** One dialer instance as the service builds it, minus Nest. */
export function createTestDialer(options: TestDialerOptions): DialerLoop {
  const placer = new CallPlacer(options.telephony, new ProviderBreaker('telephony', 'twilio', new Registry()), DIALER_POLICY.placeCallBudgetMs);
  const processor = new AttemptProcessor({
    db: options.db,
    clock: options.clock,
    owner: options.owner,
    dialLeaseMs: options.leaseMs,
    placer,
    bucket: new TokenBucket(options.callsPerSecond),
    urls: dialerUrls(options.server.baseUrl, () => options.server.baseUrl),
    logger: options.logger,
  });
  const stuckCalls = createStuckCallChecker({
    db: options.db,
    clock: options.clock,
    telephony: options.telephony,
    recorder: new CallStatusRecorder(options.db, options.clock),
    stuckMs: options.stuckCallMs ?? 600_000,
    logger: options.logger,
  });
  return new DialerLoop({ db: options.db, clock: options.clock, owner: options.owner, leaseMs: options.leaseMs, pollIntervalMs: 100, processor, stuckCalls, canDial: () => placer.available, logger: options.logger });
}
