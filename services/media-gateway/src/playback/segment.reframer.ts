import { MULAW_SILENCE } from '@va/audio';

/** Cuts a stream of mu-law chunks of any size into whole frames; `finish` pads the remainder with silence. */
export class SegmentReframer {
  private remainder = new Uint8Array(0);

  constructor(private readonly frameBytes: number) {}

  push(audio: Uint8Array): Uint8Array[] {
    const joined = new Uint8Array(this.remainder.length + audio.length);
    joined.set(this.remainder);
    joined.set(audio, this.remainder.length);
    const frames: Uint8Array[] = [];
    let offset = 0;
    for (; offset + this.frameBytes <= joined.length; offset += this.frameBytes) frames.push(joined.slice(offset, offset + this.frameBytes));
    this.remainder = joined.slice(offset);
    return frames;
  }

  /** The last, silence-padded frame, or nothing when the audio ended on a frame boundary. */
  finish(): Uint8Array[] {
    if (this.remainder.length === 0) return [];
    const frame = new Uint8Array(this.frameBytes).fill(MULAW_SILENCE);
    frame.set(this.remainder);
    this.remainder = new Uint8Array(0);
    return [frame];
  }
}
