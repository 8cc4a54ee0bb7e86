import { FRAME_BYTES, FRAME_DURATION_MS } from '@va/audio';

/** How agent audio is paced to the caller: 20 ms mu-law frames, at most `maxLeadFrames` ahead of play-out. */
export interface PlaybackPolicy {
  readonly frameDurationMs: number;
  readonly frameBytes: number;
  /** Frames Twilio may hold beyond the one playing; small so a `clear` silences the caller at once. */
  readonly maxLeadFrames: number;
  /** Turns remembered as cancelled per call (their late audio is dropped). */
  readonly cancelledTurnsKept: number;
}

export const PLAYBACK_POLICY: PlaybackPolicy = Object.freeze({
  frameDurationMs: FRAME_DURATION_MS,
  frameBytes: FRAME_BYTES,
  maxLeadFrames: 2,
  cancelledTurnsKept: 64,
});

/** The Twilio mark that follows a segment's last frame. */
export function markNameOf(turnId: string, segmentIndex: number): string {
  return `${turnId}:${segmentIndex}`;
}
