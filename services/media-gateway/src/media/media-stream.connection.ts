import { performance } from 'node:perf_hooks';
import { CallEndReason } from '@va/contracts';
import type { Logger } from '@va/observability';
import type WebSocket from 'ws';
import type { RawData } from 'ws';
import type { GatewayMetrics } from '../metrics/gateway.metrics';
import { PLAYBACK_POLICY } from '../playback/playback.policy';
import type { CallEventsPublisher } from './call-events.publisher';
import { LiveCall } from './live.call';
import type { LiveCallRegistry } from './live-call.registry';
import type { LiveCallTerminator } from './live-call.terminator';
import type { StreamAdmission } from './stream.admission';
import { type FrameDropReason, parseTwilioFrame, type TwilioInboundFrame } from './twilio-frame.parser';
import { TwilioMediaSender } from './twilio-media.sender';

export interface MediaStreamDeps {
  readonly admission: StreamAdmission;
  readonly registry: LiveCallRegistry;
  readonly terminator: LiveCallTerminator;
  readonly events: CallEventsPublisher;
  readonly metrics: GatewayMetrics;
  readonly logger: Logger;
}

/** Frames that may arrive while a start is being checked; more than this and the stream is not a sane Twilio stream. */
const MAX_FRAMES_WHILE_ADMITTING = 100;
/** Policy violation: the socket did not start a known call. */
const CLOSE_REJECTED = 1008;

type State =
  | { readonly kind: 'awaiting-start' }
  | { readonly kind: 'admitting'; readonly pending: TwilioInboundFrame[] }
  | { readonly kind: 'live'; readonly call: LiveCall }
  | { readonly kind: 'closed' };

function textOf(data: RawData, isBinary: boolean): string | undefined {
  if (isBinary) return undefined;
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/**
 * One Twilio media-stream socket: waits for a `start` that names a registered call, then
 * forwards caller audio, DTMF and mark echoes of that call, and ends it on `stop` or close.
 * A malformed or out-of-order frame is counted and dropped; nothing here throws into the
 * socket's event loop.
 */
export class MediaStreamConnection {
  private state: State = { kind: 'awaiting-start' };

  constructor(
    private readonly socket: WebSocket,
    private readonly deps: MediaStreamDeps,
  ) {
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    socket.on('close', () => this.onClose());
    socket.on('error', () => undefined);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    const parsed = parseTwilioFrame(textOf(data, isBinary));
    if (!parsed.ok) {
      this.drop(parsed.reason);
      return;
    }
    const { state } = this;
    if (state.kind === 'live') this.handleLive(state.call, parsed.frame);
    else if (state.kind === 'admitting') {
      if (state.pending.length >= MAX_FRAMES_WHILE_ADMITTING) this.drop('before-start');
      else state.pending.push(parsed.frame);
    } else if (state.kind === 'awaiting-start') this.handleBeforeStart(parsed.frame);
  }

  private handleBeforeStart(frame: TwilioInboundFrame): void {
    if (frame.event === 'connected') return;
    if (frame.event !== 'start') {
      this.drop('before-start');
      return;
    }
    this.state = { kind: 'admitting', pending: [] };
    void this.admit(frame);
  }

  private async admit(start: Extract<TwilioInboundFrame, { event: 'start' }>): Promise<void> {
    const { deps } = this;
    let result: Awaited<ReturnType<StreamAdmission['admit']>>;
    try {
      result = await deps.admission.admit(start);
    } catch (error) {
      deps.logger.warn('stream admission failed', { error: error instanceof Error ? error.message : String(error) });
      result = { ok: false, reason: 'unknown-call' };
    }
    const pending = this.state.kind === 'admitting' ? this.state.pending : [];
    if (this.state.kind === 'closed') return;
    if (!result.ok) {
      this.reject(result.reason);
      return;
    }
    const call = new LiveCall(
      result.session,
      start.streamSid,
      Date.now(),
      new TwilioMediaSender(this.socket, start.streamSid),
      { close: (code, reason) => this.socket.close(code, reason) },
      PLAYBACK_POLICY,
      () => performance.now(),
    );
    if (!deps.registry.hold(call)) {
      this.reject('duplicate-stream');
      return;
    }
    this.state = { kind: 'live', call };
    deps.events.started(call);
    deps.logger.info('call media started', { callId: call.callId, direction: call.session.direction });
    for (const frame of pending) this.handleLive(call, frame);
  }

  private reject(reason: string): void {
    this.deps.metrics.frameDropped('rejected-start');
    this.deps.logger.warn('media stream refused', { reason });
    this.state = { kind: 'closed' };
    this.socket.close(CLOSE_REJECTED, 'stream refused');
  }

  private handleLive(call: LiveCall, frame: TwilioInboundFrame): void {
    if (frame.event === 'connected') return;
    if (frame.event === 'start') {
      this.drop('duplicate-start');
      return;
    }
    if (frame.streamSid !== call.streamSid) {
      this.drop('wrong-stream');
      return;
    }
    const { events, terminator } = this.deps;
    switch (frame.event) {
      case 'media':
        events.callerAudio(call, frame.timestampMs, frame.audio);
        return;
      case 'dtmf':
        events.dtmf(call, frame.digit);
        return;
      case 'mark': {
        const segment = call.playback.markEchoed(frame.name);
        if (segment !== undefined) events.segmentPlayed(call, segment);
        return;
      }
      case 'stop':
        this.state = { kind: 'closed' };
        terminator.end(call, CallEndReason.CALLER_HUNG_UP);
        return;
    }
  }

  private onClose(): void {
    const { state } = this;
    this.state = { kind: 'closed' };
    if (state.kind === 'live') this.deps.terminator.end(state.call, CallEndReason.FAILED);
  }

  private drop(reason: FrameDropReason): void {
    this.deps.metrics.frameDropped(reason);
  }
}
