/**
 * The caller's end of one call: the port the persona runner relies on. The Twilio stand-in's
 * `CallLeg` satisfies it; tests drive the runner with a fake that reports end reasons loosely.
 */
export interface CallLegLike {
  readonly callSid: string;
  readonly direction: 'inbound' | 'outbound-api';
  readonly from: string;
  readonly to: string;
  /** Queues caller audio (mu-law 8 kHz), sent as 20 ms frames in real time; resolves when all is sent. */
  sendAudio(audio: Uint8Array): Promise<void>;
  sendDtmf(digit: string): void;
  hangUp(): Promise<void>;
  /** Agent audio frames as the phone plays them; `atMs` is performance.now() at play-out start. */
  onAgentAudio(listener: (frame: Uint8Array, atMs: number) => void): () => void;
  readonly ended: Promise<{ reason: string; [k: string]: unknown }>;
  readonly mediaConnected: Promise<void>;
}

/** The part of the Twilio stand-in that places a call from a simulated caller to the platform. */
export interface InboundCallPlacer {
  placeInboundCall(call: { from: string; to: string }): Promise<CallLegLike>;
}
