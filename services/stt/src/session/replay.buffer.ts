import { concatAudio, durationMsOfMulaw, mulawBytesForMs } from '@va/audio';

/**
 * The call's recent audio, kept so a recognizer opened after a failover hears the caller's
 * unfinished utterance again. Positions are milliseconds of the call's stream.
 */
export class ReplayBuffer {
  private parts: Uint8Array[] = [];
  private firstMs: number;
  private endMs: number;

  constructor(startMs: number) {
    this.firstMs = startMs;
    this.endMs = startMs;
  }

  /** Stream position of the first byte held (equals `endMs` when empty). */
  get startMs(): number {
    return this.firstMs;
  }

  get durationMs(): number {
    return this.endMs - this.firstMs;
  }

  append(audio: Uint8Array): void {
    this.parts.push(audio);
    this.endMs += durationMsOfMulaw(audio.length);
  }

  /** The audio held, oldest first. */
  contents(): Uint8Array {
    return concatAudio(this.parts);
  }

  /** Forgets the audio before stream position `positionMs`. */
  dropBefore(positionMs: number): void {
    let dropBytes = mulawBytesForMs(Math.min(positionMs, this.endMs) - this.firstMs);
    if (dropBytes <= 0) return;
    this.firstMs += durationMsOfMulaw(dropBytes);
    while (dropBytes > 0) {
      const head = this.parts[0];
      if (head === undefined) break;
      if (head.length <= dropBytes) {
        this.parts.shift();
        dropBytes -= head.length;
      } else {
        this.parts[0] = head.subarray(dropBytes);
        dropBytes = 0;
      }
    }
  }
}
