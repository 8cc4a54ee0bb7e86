import { setTimeout as sleep } from 'node:timers/promises';
import { concatAudio, FRAME_BYTES, FRAME_DURATION_MS, silenceMulaw, speechLikeMulaw, splitIntoFrames } from '@va/audio';
import { DeepgramClient } from '@deepgram/sdk';
import type { DeepgramStandIn } from './deepgram.stand-in';

/** Test helpers for the Deepgram stand-in tests: the official SDK pointed at the stand-in. */

export const API_KEY = 'dg-test-key';

/** The v5 SDK pointed at the stand-in: `base` drives REST, `production` the sockets. */
export function sdkClient(standIn: DeepgramStandIn, apiKey = API_KEY, maxRetries = 0): DeepgramClient {
  return new DeepgramClient({ apiKey, maxRetries, environment: { base: standIn.url, production: standIn.wsUrl, agent: standIn.wsUrl, agentRest: standIn.url } });
}

/** The connect arguments of the SDK's live listen socket. */
export type ListenV1ConnectionArgs = Parameters<DeepgramClient['listen']['v1']['connect']>[0];

export const TWILIO_LISTEN: ListenV1ConnectionArgs = {
  model: 'nova-3',
  encoding: 'mulaw',
  sample_rate: 8000,
  channels: 1,
  interim_results: 'true',
  endpointing: 300,
  utterance_end_ms: 1000,
  vad_events: 'true',
  smart_format: 'true',
  reconnectAttempts: 0,
};

/** A received server message and how much audio the client had sent when it arrived. */
export interface Received {
  readonly message: Record<string, unknown>;
  readonly sentBytes: number;
  readonly atMs: number;
}

export type LiveSocket = Awaited<ReturnType<DeepgramClient['listen']['v1']['connect']>>;

/** An open live socket that records every message with the stream position at arrival. */
export class LiveProbe {
  readonly received: Received[] = [];
  sentBytes = 0;
  closed: { code: number; reason: string } | undefined;
  private readonly startedAtMs = Date.now();
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: LiveSocket) {
    socket.on('message', (message) => {
      this.received.push({ message: message as unknown as Record<string, unknown>, sentBytes: this.sentBytes, atMs: Date.now() - this.startedAtMs });
      this.wake();
    });
    socket.on('close', (event) => {
      this.closed = { code: event.code, reason: event.reason };
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static async open(standIn: DeepgramStandIn, args: Partial<ListenV1ConnectionArgs> = {}, apiKey = API_KEY): Promise<LiveProbe> {
    const socket = await sdkClient(standIn, apiKey).listen.v1.connect({ ...TWILIO_LISTEN, ...args });
    const probe = new LiveProbe(socket);
    socket.connect();
    await socket.waitForOpen();
    return probe;
  }

  /** Sends audio in 20 ms frames; `paceMs` between frames (20 = real time, 0 = as fast as possible). */
  async stream(audio: Uint8Array, paceMs = FRAME_DURATION_MS): Promise<void> {
    const startedAtMs = Date.now();
    const frames = splitIntoFrames(audio, FRAME_BYTES);
    for (const [index, frame] of frames.entries()) {
      if (paceMs > 0) {
        const dueMs = startedAtMs + index * paceMs - Date.now();
        if (dueMs > 0) await sleep(dueMs);
      } else if (index % 25 === 0) {
        await sleep(0);
      }
      if (this.closed !== undefined) return;
      this.socket.sendMedia(frame);
      this.sentBytes += frame.length;
    }
  }

  get isClosed(): boolean {
    return this.closed !== undefined;
  }

  ofType(type: string): Received[] {
    return this.received.filter((entry) => entry.message['type'] === type);
  }

  async waitFor(predicate: (probe: LiveProbe) => boolean, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      const leftMs = deadline - Date.now();
      if (leftMs <= 0) throw new Error(`condition not met within ${timeoutMs} ms; received ${JSON.stringify(this.received.map((entry) => entry.message['type']))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(leftMs, 50));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  waitForClose(timeoutMs = 5_000): Promise<void> {
    return this.waitFor((probe) => probe.closed !== undefined, timeoutMs);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}

/** The Results messages' transcripts, with their flags. */
export function transcripts(entries: readonly Received[]): Array<{ transcript: string; isFinal: boolean; speechFinal: boolean; fromFinalize: boolean }> {
  return entries.map(({ message }) => {
    const channel = message['channel'] as { alternatives: Array<{ transcript: string }> };
    return {
      transcript: channel.alternatives[0]?.transcript ?? '',
      isFinal: message['is_final'] === true,
      speechFinal: message['speech_final'] === true,
      fromFinalize: message['from_finalize'] === true,
    };
  });
}

/** `speechMs` of speech-like audio with silence before and after. */
export function utteranceAudio(seed: number, leadMs = 500, speechMs = 1_500, tailMs = 1_500): Uint8Array {
  return concatAudio([silenceMulaw(leadMs), uniqueSpeech(speechMs, seed), silenceMulaw(tailMs)]);
}

/**
 * Speech-like audio no other seed shares: speechLikeMulaw repeats whole syllables across seeds
 * (same pitch, same phase), so a seeded dither on the lowest code bit keeps registrations apart.
 */
export function uniqueSpeech(durationMs: number, seed: number): Uint8Array {
  const audio = speechLikeMulaw(durationMs, seed);
  let state = (seed * 2_654_435_761) >>> 0 || 1;
  for (let index = 0; index < audio.length; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    audio[index] = (audio[index] ?? 0) ^ (state & 1);
  }
  return audio;
}
