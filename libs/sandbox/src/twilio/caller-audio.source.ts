import { FRAME_BYTES, MULAW_SILENCE } from '@va/audio';

interface PendingAudio {
  readonly bytes: Uint8Array;
  offset: number;
  readonly sent: () => void;
}

/**
 * What the caller's microphone produces, one 20 ms frame at a time: queued caller audio in
 * order (consecutive pieces run together across frame boundaries), padded with mu-law
 * silence, and silence while nothing is queued.
 */
export class CallerAudioSource {
  private pending: PendingAudio[] = [];

  /** Resolves when the frame carrying the last byte of `audio` has been taken (or on `flush`). */
  enqueue(audio: Uint8Array): Promise<void> {
    if (audio.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.pending.push({ bytes: Uint8Array.from(audio), offset: 0, sent: resolve }));
  }

  get queuedBytes(): number {
    return this.pending.reduce((sum, piece) => sum + piece.bytes.length - piece.offset, 0);
  }

  nextFrame(): Uint8Array {
    const frame = new Uint8Array(FRAME_BYTES).fill(MULAW_SILENCE);
    let filled = 0;
    while (filled < FRAME_BYTES) {
      const head = this.pending[0];
      if (head === undefined) break;
      const take = Math.min(FRAME_BYTES - filled, head.bytes.length - head.offset);
      frame.set(head.bytes.subarray(head.offset, head.offset + take), filled);
      filled += take;
      head.offset += take;
      if (head.offset === head.bytes.length) {
        this.pending.shift();
        head.sent();
      }
    }
    return frame;
  }

  /** Drops queued audio; every pending `enqueue` resolves. */
  flush(): void {
    const dropped = this.pending;
    this.pending = [];
    for (const piece of dropped) piece.sent();
  }
}
