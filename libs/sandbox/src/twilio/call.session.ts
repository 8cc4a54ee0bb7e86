import { speechLikeMulaw } from '@va/audio';
import type { CallEndInfo, TwilioCallError, TwilioFinalCallStatus } from './call-leg';
import { CallerLeg } from './caller.leg';
import { CallRecordState, type AnsweredBy } from './call.record';
import { API_VERSION } from './call.resource';
import { MediaStreamClient } from './media-stream.client';
import { PlayoutQueue } from './playout.queue';
import { StatusCallbackNotifier, type StatusCallbackConfig } from './status-callback.notifier';
import { TwimlRunner, type TwimlSource } from './twiml.runner';
import type { StreamInstruction } from './twiml.document';
import type { WebhookOutcome, WebhookRequest, WebhookSender } from './webhook.sender';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** Why a call ends, before the stand-in adds the SID and the final status. */
export type CallEndCause = DistributiveOmit<CallEndInfo, 'callSid' | 'status'>;

export interface CallSessionOptions {
  readonly accountSid: string;
  readonly authToken: string;
  readonly sid: string;
  readonly direction: 'inbound' | 'outbound-api';
  readonly from: string;
  readonly to: string;
  readonly callerName?: string;
  readonly sender: WebhookSender;
  readonly statusCallback: StatusCallbackConfig;
}

const SIP_RESPONSE_CODES: Readonly<Record<TwilioFinalCallStatus, string>> = { completed: '200', busy: '486', 'no-answer': '487', canceled: '487', failed: '500' };
const SAY_MS_PER_CHARACTER = 60;

/**
 * One call inside the stand-in: its record, the caller's leg, its status callbacks, and the
 * TwiML it is running. A new TwiML document (REST update, `<Redirect>`, Connect action)
 * replaces the running one; the call ends exactly once, from whichever side.
 */
export class CallSession {
  readonly record: CallRecordState;
  readonly leg: CallerLeg;
  readonly notifier: StatusCallbackNotifier;
  /** Aborted when the call ends: everything the call waits on listens to it. */
  readonly lifetime = new AbortController();
  /** TwiML to run once an outbound call is answered (set by a REST update while it rings). */
  pendingSource: TwimlSource | undefined;
  private generation: AbortController | undefined;
  private stream: MediaStreamClient | undefined;
  private readonly sayPlayouts = new Set<PlayoutQueue>();
  private readonly runner: TwimlRunner;
  private saySeed = 0;

  constructor(private readonly options: CallSessionOptions) {
    this.record = new CallRecordState(options.sid, options.direction, options.from, options.to, options.direction === 'inbound' ? 'ringing' : 'queued');
    this.leg = new CallerLeg(options.sid, options.direction, options.from, options.to, {
      callerFrame: (frame) => this.callerFrame(frame),
      dtmf: (digit) => this.dtmf(digit),
      callerHangUp: () => this.end({ reason: 'caller-hung-up' }),
    });
    this.notifier = new StatusCallbackNotifier(options.statusCallback, (request) => this.webhook(request));
    this.runner = new TwimlRunner(this);
  }

  get sid(): string {
    return this.options.sid;
  }

  get isOver(): boolean {
    return this.record.end !== undefined;
  }

  get isAnswered(): boolean {
    return this.record.startTime !== undefined;
  }

  /** The parameters of every voice webhook and status callback for this call. */
  callParams(): Record<string, string> {
    const { options, record } = this;
    const params: Record<string, string> = {
      AccountSid: options.accountSid,
      ApiVersion: API_VERSION,
      CallSid: options.sid,
      CallStatus: record.status === 'queued' ? 'initiated' : record.status,
      Called: options.to,
      Caller: options.from,
      Direction: options.direction,
      From: options.from,
      To: options.to,
    };
    if (options.callerName !== undefined) params.CallerName = options.callerName;
    if (record.answeredBy !== undefined) params.AnsweredBy = record.answeredBy;
    return params;
  }

  /** Sends a signed webhook and records the attempt on the call. */
  async webhook(request: WebhookRequest, cancel?: AbortSignal): Promise<WebhookOutcome> {
    const atMs = Date.now();
    const outcome = await this.options.sender.send(request, cancel);
    this.record.webhooks.push({
      purpose: request.purpose,
      url: request.url,
      method: request.method,
      params: request.params,
      atMs,
      durationMs: outcome.durationMs,
      status: outcome.status,
      error: outcome.ok ? undefined : outcome.error,
    });
    if (!outcome.ok) this.record.errors.push(outcome.error);
    return outcome;
  }

  answer(answeredBy?: AnsweredBy): void {
    if (this.isAnswered || this.isOver) return;
    if (answeredBy !== undefined) this.record.answeredBy = answeredBy;
    this.record.startTime = new Date();
    this.record.setStatus('in-progress');
    this.notifier.notify('answered', this.callParams());
  }

  /** Runs a TwiML document, replacing (and leaving) whatever the call was running. */
  runTwiml(source: TwimlSource): void {
    if (this.isOver) return;
    this.leaveCurrentTwiml();
    const generation = new AbortController();
    this.generation = generation;
    void this.runner.run(source, generation.signal).catch((error: unknown) => {
      this.end({ reason: 'failed', error: { code: 20500, message: `stand-in error while running TwiML: ${error instanceof Error ? error.message : String(error)}` } });
    });
  }

  /** Connects a `<Connect><Stream>`; undefined when the app could not be reached (error 31920 recorded) or the document was left meanwhile. */
  async openStream(instruction: StreamInstruction, signal: AbortSignal): Promise<MediaStreamClient | undefined> {
    let client: MediaStreamClient;
    try {
      client = await MediaStreamClient.connect({
        accountSid: this.options.accountSid,
        callSid: this.options.sid,
        authToken: this.options.authToken,
        instruction,
        observer: {
          agentFrame: (frame, atMs) => this.agentFrame(frame, atMs),
          markEchoed: (name) => this.record.marksEchoed.push(name),
          protocolError: (description) => this.record.protocolProblem(description),
        },
      });
    } catch (error) {
      this.record.errors.push({ code: 31920, message: `Stream - WebSocket - Handshake Error: ${instruction.url}: ${error instanceof Error ? error.message : String(error)}` });
      return undefined;
    }
    // The call ended, or new TwiML replaced this document, while the handshake ran.
    if (this.isOver || signal.aborted) {
      client.stop();
      return undefined;
    }
    this.stream = client;
    this.record.streams.push({ streamSid: client.streamSid, url: instruction.url, customParameters: { ...instruction.parameters } });
    this.leg.streamStarted();
    void client.ended.then(() => {
      if (this.stream === client) this.stream = undefined;
    });
    return client;
  }

  /** Plays `<Say>` speech to the caller in real time; resolves when played or interrupted. */
  say(text: string, signal: AbortSignal): Promise<void> {
    this.saySeed += 1;
    const audio = sayAudio(text, this.saySeed);
    const playout = new PlayoutQueue((frame, atMs) => this.agentFrame(frame, atMs));
    this.sayPlayouts.add(playout);
    return new Promise<void>((resolve) => {
      const finish = (): void => {
        signal.removeEventListener('abort', finish);
        playout.stop();
        this.sayPlayouts.delete(playout);
        resolve();
      };
      signal.addEventListener('abort', finish, { once: true });
      playout.enqueueAudio(audio);
      playout.enqueueMark(finish);
      if (signal.aborted) finish();
    });
  }

  /** Ends the call once: leaves the TwiML (`stop` on a live stream), settles the leg, sends `completed`. */
  end(cause: CallEndCause, status: TwilioFinalCallStatus = this.defaultFinalStatus(cause)): void {
    if (this.isOver) return;
    const info = { ...cause, callSid: this.options.sid, status } as CallEndInfo;
    if (cause.reason === 'failed' && !this.record.errors.includes(cause.error)) this.record.errors.push(cause.error);
    this.record.end = info;
    this.record.endTime = new Date();
    this.record.setStatus(status);
    this.lifetime.abort();
    this.leaveCurrentTwiml();
    this.leg.finish(info);
    const duration = this.record.durationSeconds();
    this.notifier.notify('completed', {
      ...this.callParams(),
      CallDuration: String(duration),
      Duration: String(Math.ceil(duration / 60)),
      SipResponseCode: SIP_RESPONSE_CODES[status],
    });
  }

  fail(error: TwilioCallError): void {
    this.end({ reason: 'failed', error });
  }

  private defaultFinalStatus(cause: CallEndCause): TwilioFinalCallStatus {
    switch (cause.reason) {
      case 'no-answer':
      case 'busy':
      case 'canceled':
        return cause.reason;
      case 'failed':
        return this.isAnswered ? 'completed' : 'failed';
      default:
        return this.isAnswered ? 'completed' : 'canceled';
    }
  }

  private leaveCurrentTwiml(): void {
    this.generation?.abort();
    this.generation = undefined;
    this.stream?.stop();
    this.stream = undefined;
    for (const playout of this.sayPlayouts) playout.stop();
    this.sayPlayouts.clear();
  }

  private callerFrame(frame: Uint8Array): void {
    if (this.stream === undefined || !this.stream.isOpen) return;
    this.stream.sendMedia(frame);
    this.record.mediaFramesSent += 1;
  }

  private dtmf(digit: string): void {
    if (this.stream === undefined || !this.stream.isOpen) return;
    this.stream.sendDtmf(digit);
    this.record.dtmfSent += 1;
  }

  private agentFrame(frame: Uint8Array, atMs: number): void {
    this.record.agentAudioBytesPlayed += frame.length;
    this.leg.agentFrame(frame, atMs);
  }
}

/** Speech-like audio of a realistic length for `<Say>` text, distinct per utterance. */
function sayAudio(text: string, seed: number): Uint8Array {
  const durationMs = Math.max(200, text.length * SAY_MS_PER_CHARACTER);
  let hash = seed;
  for (const character of text) hash = (hash * 31 + (character.codePointAt(0) ?? 0)) % 1_000_003;
  return speechLikeMulaw(durationMs, hash);
}
