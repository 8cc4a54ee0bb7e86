import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultPlan } from '../stand-in/fault.plan';
import { FaultSwitch } from '../stand-in/fault.switch';
import { RequestLog } from '../stand-in/request.log';
import { startStandInServer, type RunningStandInServer } from '../stand-in/stand-in.server';
import type { CallLeg } from './call-leg';
import type { CreateCallRequest, UpdateCallRequest } from './call-request.params';
import type { TwilioCallRecord } from './call.record';
import { callResource } from './call.resource';
import { CallSession, type CallSessionOptions } from './call.session';
import { callsRoute, type CallsBackend } from './calls.rest';
import { dialOutbound, type OutboundCallHandler } from './outbound.dialer';
import type { StatusCallbackEvent } from './status-callback.notifier';
import type { HttpMethod } from './twiml.document';
import { TwilioRestError } from './twilio.errors';
import { newSid } from './twilio.ids';
import { WEBHOOK_TIMEOUT_MS, WebhookSender } from './webhook.sender';

export interface TwilioStandInOptions {
  /** The account the REST API accepts ("AC" + 32 hex, as twilio-node requires). */
  readonly accountSid: string;
  readonly authToken: string;
  readonly port?: number;
  readonly host?: string;
  /** A shared switch, or the default plan for a new one. Applied to REST requests. */
  readonly faults?: FaultSwitch | FaultPlan;
  readonly requests?: RequestLog;
  /** How long an outbound call rings before the default callee picks up (and before no-answer). Default 0. */
  readonly ringMs?: number;
  /** Inbound: from the caller dialling to the voice webhook (network and ring). Default 0. */
  readonly answerDelayMs?: number;
  /** Answering-machine detection time after pick-up. Default 0. */
  readonly amdMs?: number;
  /** Total time allowed for one webhook response. Default 15 000 (Twilio's). */
  readonly webhookTimeoutMs?: number;
}

/** The Voice configuration of one of the account's phone numbers. */
export interface IncomingNumberConfig {
  readonly voiceUrl: string;
  readonly method?: HttpMethod;
  readonly statusCallback?: string;
  readonly statusCallbackMethod?: HttpMethod;
  /** Default: only `completed`. */
  readonly statusCallbackEvents?: readonly StatusCallbackEvent[];
}

export interface InboundCallOptions {
  readonly from: string;
  readonly to: string;
  readonly callerName?: string;
}

/** Ended calls beyond this many are forgotten, oldest first (long benchmark runs). */
const MAX_CALLS_KEPT = 10_000;
const DEFAULT_CALLEE: OutboundCallHandler = () => ({ kind: 'answer', by: 'human' });

/**
 * An offline Twilio: the REST Calls API (twilio-node works against it unchanged, see
 * `twilioClientFor`), signed voice and status webhooks, TwiML, and the Media Streams client
 * that dials the app's `<Stream url>`. Inbound calls come from `placeInboundCall`; outbound
 * calls the app creates are answered by the `onOutboundCall` handler.
 */
export class TwilioStandIn extends EventEmitter<{ outboundLeg: [leg: CallLeg] }> {
  readonly faults: FaultSwitch;
  readonly requests: RequestLog;
  private readonly numbers = new Map<string, IncomingNumberConfig>();
  private readonly sessions = new Map<string, CallSession>();
  private readonly sender: WebhookSender;
  private callee: OutboundCallHandler = DEFAULT_CALLEE;
  private server: RunningStandInServer | undefined;

  private constructor(private readonly options: TwilioStandInOptions) {
    super();
    this.faults = options.faults instanceof FaultSwitch ? options.faults : new FaultSwitch(options.faults);
    this.requests = options.requests ?? new RequestLog();
    this.sender = new WebhookSender(options.authToken, options.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS);
  }

  static async start(options: TwilioStandInOptions): Promise<TwilioStandIn> {
    if (!/^AC[0-9a-f]{32}$/i.test(options.accountSid)) throw new Error('accountSid must be "AC" followed by 32 hex digits');
    if (options.authToken.length === 0) throw new Error('authToken must not be empty');
    const standIn = new TwilioStandIn(options);
    standIn.server = await startStandInServer({
      name: 'twilio',
      routes: {
        http: callsRoute({ accountSid: options.accountSid, authToken: options.authToken, faults: standIn.faults, backend: standIn.backend() }),
      },
      faults: standIn.faults,
      requests: standIn.requests,
      port: options.port,
      host: options.host,
    });
    return standIn;
  }

  /** The REST base URL (stands for https://api.twilio.com). */
  get url(): string {
    if (this.server === undefined) throw new Error('the Twilio stand-in is not started');
    return this.server.url;
  }

  get accountSid(): string {
    return this.options.accountSid;
  }

  get authToken(): string {
    return this.options.authToken;
  }

  addIncomingNumber(e164: string, config: IncomingNumberConfig): void {
    this.numbers.set(e164, config);
  }

  removeIncomingNumber(e164: string): void {
    this.numbers.delete(e164);
  }

  /** Who answers outbound calls (default: a human, after `ringMs`). */
  onOutboundCall(handler: OutboundCallHandler): void {
    this.callee = handler;
  }

  /** A person dials one of the account's numbers: voice webhook, then the TwiML it returns. */
  async placeInboundCall(call: InboundCallOptions): Promise<CallLeg> {
    const config = this.numbers.get(call.to);
    if (config === undefined) throw new Error(`${call.to} is not an incoming number of this account (addIncomingNumber first)`);
    const session = this.newSession({
      direction: 'inbound',
      from: call.from,
      to: call.to,
      callerName: call.callerName,
      statusCallback: {
        url: config.statusCallback,
        method: config.statusCallbackMethod ?? 'POST',
        events: new Set<StatusCallbackEvent>([...(config.statusCallbackEvents ?? []), 'completed']),
      },
    });
    session.notifier.notify('initiated', { ...session.callParams(), CallStatus: 'initiated' });
    session.notifier.notify('ringing', session.callParams());
    void this.afterDelay(this.options.answerDelayMs ?? 0, session, () =>
      session.runTwiml({ kind: 'url', url: config.voiceUrl, method: config.method ?? 'POST', purpose: 'voice' }),
    );
    return session.leg;
  }

  calls(): TwilioCallRecord[] {
    return [...this.sessions.values()].map((session) => session.record.snapshot());
  }

  call(callSid: string): TwilioCallRecord | undefined {
    return this.sessions.get(callSid)?.record.snapshot();
  }

  /** Ends every live call (`stand-in-closed`) and stops the server. */
  async close(): Promise<void> {
    for (const session of this.sessions.values()) session.end({ reason: 'stand-in-closed' });
    await this.server?.close();
    this.server = undefined;
  }

  private backend(): CallsBackend {
    return {
      create: (request) => this.createCall(request),
      update: (callSid, request) => this.updateCall(callSid, request),
      fetch: (callSid) => callResource(this.accountSid, this.session(callSid).record),
    };
  }

  private createCall(request: CreateCallRequest): Record<string, unknown> {
    const session = this.newSession({ direction: 'outbound-api', from: request.from, to: request.to, statusCallback: request.statusCallback });
    const resource = callResource(this.accountSid, session.record);
    const timing = { ringMs: this.options.ringMs ?? 0, amdMs: this.options.amdMs ?? 0 };
    setImmediate(() => {
      void dialOutbound(session, request, this.callee, timing, (leg, answer) => {
        if (answer.onLeg === undefined) this.emit('outboundLeg', leg);
        else answer.onLeg(leg);
      }).catch((error: unknown) => session.fail({ code: 20500, message: `stand-in dialer error: ${error instanceof Error ? error.message : String(error)}` }));
    });
    return resource;
  }

  private updateCall(callSid: string, request: UpdateCallRequest): Record<string, unknown> {
    const session = this.session(callSid);
    if (request.kind === 'status') {
      if (request.status === 'completed' && session.isAnswered) session.end({ reason: 'app-hung-up' });
      else if (!session.isAnswered) session.end({ reason: 'canceled' });
    } else {
      if (session.isOver) throw new TwilioRestError(400, 21220, 'Call is not in-progress. Cannot redirect.');
      if (session.isAnswered) session.runTwiml(request.source);
      else session.pendingSource = request.source;
    }
    return callResource(this.accountSid, session.record);
  }

  private session(callSid: string): CallSession {
    const session = this.sessions.get(callSid);
    if (session === undefined) throw new TwilioRestError(404, 20404, `The requested resource /2010-04-01/Accounts/${this.accountSid}/Calls/${callSid}.json was not found`);
    return session;
  }

  private newSession(call: Pick<CallSessionOptions, 'direction' | 'from' | 'to' | 'callerName' | 'statusCallback'>): CallSession {
    const session = new CallSession({ ...call, accountSid: this.accountSid, authToken: this.authToken, sid: newSid('CA'), sender: this.sender });
    this.sessions.set(session.sid, session);
    if (this.sessions.size > MAX_CALLS_KEPT) {
      const oldestOver = [...this.sessions.values()].find((candidate) => candidate.isOver);
      if (oldestOver !== undefined) this.sessions.delete(oldestOver.sid);
    }
    return session;
  }

  private async afterDelay(delayMs: number, session: CallSession, action: () => void): Promise<void> {
    if (delayMs > 0) {
      const waited = await sleep(delayMs, true, { signal: session.lifetime.signal }).catch(() => false);
      if (!waited) return;
    }
    if (!session.isOver) action();
  }
}
