/** Caller audio ready to publish: the stream offset of its first frame and the bytes. */
export interface CallerAudioChunk {
  readonly streamOffsetMs: number;
  readonly audio: Uint8Array;
}

/**
 * Gathers one call's 20 ms Twilio frames into chunks of `chunkBytes` before they go on the
 * bus: fewer, slightly larger messages (40 ms by default) cost the broker and the recognizer
 * far less at a hundred calls, for at most one extra frame of delay.
 */
export class CallerAudioAccumulator {
  private frames: Uint8Array[] = [];
  private bytes = 0;
  private firstOffsetMs = 0;

  constructor(private readonly chunkBytes: number) {}

  /** Adds one frame; returns the chunk once enough audio has gathered. */
  add(streamOffsetMs: number, frame: Uint8Array): CallerAudioChunk | undefined {
    if (this.frames.length === 0) this.firstOffsetMs = streamOffsetMs;
    this.frames.push(frame);
    this.bytes += frame.length;
    return this.bytes >= this.chunkBytes ? this.flush() : undefined;
  }

  /** Whatever has gathered (at the end of the stream), or undefined when nothing has. */
  flush(): CallerAudioChunk | undefined {
    if (this.frames.length === 0) return undefined;
    const audio = this.frames.length === 1 ? (this.frames[0] as Uint8Array) : Buffer.concat(this.frames);
    const chunk = { streamOffsetMs: this.firstOffsetMs, audio: new Uint8Array(audio) };
    this.frames = [];
    this.bytes = 0;
    return chunk;
  }
}
