import { FRAME_DURATION_MS } from '@va/audio';
import type { CallEndInfo, CallLeg } from './call-leg';
import { CallerAudioSource } from './caller-audio.source';
import { FrameClock } from './frame.clock';

/** What the leg asks of its call. */
export interface CallLegPort {
  /** One 20 ms frame of the caller's microphone (sent on the live stream, if any). */
  callerFrame(frame: Uint8Array): void;
  dtmf(digit: string): void;
  callerHangUp(): void;
}

const DTMF_DIGIT = /^[0-9*#A-D]$/;

/**
 * The phone at the caller's end of a call. The microphone runs on a 20 ms clock from the
 * moment the first media stream connects: queued speech, else silence, one frame per tick,
 * whether or not a stream is listening at that moment (as on a real call). Agent audio is
 * handed to listeners as it plays.
 */
export class CallerLeg implements CallLeg {
  readonly ended: Promise<CallEndInfo>;
  readonly mediaConnected: Promise<void>;
  private readonly microphone = new CallerAudioSource();
  private readonly clock: FrameClock;
  private readonly listeners = new Set<(frame: Uint8Array, atMs: number) => void>();
  private resolveEnded: (info: CallEndInfo) => void = () => undefined;
  private resolveConnected: () => void = () => undefined;
  private rejectConnected: (error: Error) => void = () => undefined;
  private connected = false;
  private over = false;

  constructor(
    readonly callSid: string,
    readonly direction: 'inbound' | 'outbound-api',
    readonly from: string,
    readonly to: string,
    private readonly port: CallLegPort,
  ) {
    this.ended = new Promise((resolve) => (this.resolveEnded = resolve));
    this.mediaConnected = new Promise<void>((resolve, reject) => {
      this.resolveConnected = resolve;
      this.rejectConnected = reject;
    });
    // Nobody has to wait for the media: a call that ends unconnected must not be an unhandled rejection.
    this.mediaConnected.catch(() => undefined);
    this.clock = new FrameClock(FRAME_DURATION_MS, () => this.port.callerFrame(this.microphone.nextFrame()));
  }

  sendAudio(audio: Uint8Array): Promise<void> {
    if (this.over) return Promise.resolve();
    return this.microphone.enqueue(audio);
  }

  sendDtmf(digit: string): void {
    if (!DTMF_DIGIT.test(digit)) throw new Error(`not a DTMF digit: ${JSON.stringify(digit)}`);
    if (!this.over) this.port.dtmf(digit);
  }

  async hangUp(): Promise<void> {
    if (!this.over) this.port.callerHangUp();
    await this.ended;
  }

  onAgentAudio(listener: (frame: Uint8Array, atMs: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Caller audio not yet sent. */
  get queuedAudioBytes(): number {
    return this.microphone.queuedBytes;
  }

  /** The call's first media stream started: the microphone clock starts. */
  streamStarted(): void {
    if (this.over) return;
    if (!this.connected) {
      this.connected = true;
      this.clock.start();
      this.resolveConnected();
    }
  }

  agentFrame(frame: Uint8Array, atMs: number): void {
    for (const listener of this.listeners) {
      try {
        listener(frame, atMs);
      } catch {
        // A listener's bug must not stop the call's audio.
      }
    }
  }

  finish(info: CallEndInfo): void {
    if (this.over) return;
    this.over = true;
    this.clock.stop();
    this.microphone.flush();
    if (!this.connected) this.rejectConnected(new Error(`call ${this.callSid} ended (${info.reason}) before a media stream connected`));
    this.resolveEnded(info);
  }
}
