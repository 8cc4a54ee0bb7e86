import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { durationMsOfMulaw, FRAME_BYTES } from '@va/audio';
import type { UtteranceRegistry } from '../side-channel/utterance.registry';
import type { CallLegLike } from './call-leg.port';

export interface SentUtterance {
  readonly audio: Uint8Array;
  readonly startedAtMs: number;
  endedAtMs: number | undefined;
  /** The exact audio was in callerSpeech when sendAudio was called. */
  readonly registeredBeforeSend: boolean;
}

export interface AgentPlayback {
  /** Chunk size of the played frames (default 160 bytes = 20 ms). */
  readonly frameBytes?: number;
  /** Pause `holeMs` after this many frames (dead air inside the turn). */
  readonly holeAfterFrames?: number;
  readonly holeMs?: number;
}

/**
 * Test double of the Twilio stand-in's call leg (the caller's input port): caller audio takes
 * its real duration to "send" and is recorded with times; agent audio is played as frames on
 * a real 20 ms clock, like a phone would.
 */
export class FakeCallLeg implements CallLegLike {
  readonly callSid = `CA${Math.random().toString(16).slice(2).padEnd(32, '0')}`;
  readonly from = '+15550100001';
  readonly to = '+15550100002';
  readonly sent: SentUtterance[] = [];
  readonly digits: { readonly digit: string; readonly atMs: number }[] = [];
  readonly playedFrames: { readonly frame: Uint8Array; readonly atMs: number }[] = [];
  readonly ended: Promise<{ reason: string }>;
  readonly mediaConnected: Promise<void>;
  /** Called when the caller starts sending an utterance (index into `sent`). */
  onCallerStarted: ((index: number) => void) | undefined;
  /** Called when the caller has finished sending an utterance (index into `sent`). */
  onCallerSpoke: ((index: number) => void) | undefined;
  private readonly listeners = new Set<(frame: Uint8Array, atMs: number) => void>();
  private finish: (info: { reason: string }) => void = () => undefined;
  private isEnded = false;
  private playbackGeneration = 0;

  constructor(
    private readonly callerSpeech?: Pick<UtteranceRegistry, 'match'>,
    readonly direction: 'inbound' | 'outbound-api' = 'inbound',
  ) {
    this.ended = new Promise((resolve) => (this.finish = resolve));
    this.mediaConnected = Promise.resolve();
  }

  async sendAudio(audio: Uint8Array): Promise<void> {
    const registered = this.callerSpeech?.match(audio)?.utterance.audio.equals(audio) ?? false;
    const record: SentUtterance = { audio: Uint8Array.from(audio), startedAtMs: performance.now(), endedAtMs: undefined, registeredBeforeSend: registered };
    this.sent.push(record);
    this.onCallerStarted?.(this.sent.length - 1);
    const untilMs = record.startedAtMs + durationMsOfMulaw(audio.length);
    while (!this.isEnded && performance.now() < untilMs) await delay(Math.min(20, untilMs - performance.now()));
    record.endedAtMs = performance.now();
    this.onCallerSpoke?.(this.sent.length - 1);
  }

  sendDtmf(digit: string): void {
    this.digits.push({ digit, atMs: performance.now() });
  }

  async hangUp(): Promise<void> {
    this.end('caller-hung-up');
  }

  onAgentAudio(listener: (frame: Uint8Array, atMs: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The platform ends the call. */
  end(reason = 'app-hung-up'): void {
    if (this.isEnded) return;
    this.isEnded = true;
    this.stopAgent();
    this.finish({ reason });
  }

  /** Plays agent audio frame by frame in real time; resolves when played or stopped. */
  async playAgent(audio: Uint8Array, playback: AgentPlayback = {}): Promise<void> {
    const generation = ++this.playbackGeneration;
    const frameBytes = playback.frameBytes ?? FRAME_BYTES;
    let dueMs = performance.now();
    for (let offset = 0, index = 0; offset < audio.length; offset += frameBytes, index += 1) {
      if (index > 0 && index === playback.holeAfterFrames) dueMs += playback.holeMs ?? 0;
      const waitMs = dueMs - performance.now();
      if (waitMs > 0) await delay(waitMs);
      if (generation !== this.playbackGeneration || this.isEnded) return;
      const frame = audio.subarray(offset, Math.min(audio.length, offset + frameBytes));
      this.pushAgentFrame(frame);
      dueMs += durationMsOfMulaw(frame.length);
    }
  }

  /** What `clear` does: the agent audio being played stops at once. */
  stopAgent(): void {
    this.playbackGeneration += 1;
  }

  pushAgentFrame(frame: Uint8Array, atMs = performance.now()): void {
    this.playedFrames.push({ frame, atMs });
    for (const listener of this.listeners) listener(frame, atMs);
  }
}
