/** One chunk of synthesized agent audio (mu-law 8 kHz, any length) for a segment of a turn. */
export interface AgentAudioInput {
  readonly turnId: string;
  readonly segmentIndex: number;
  readonly chunkIndex: number;
  readonly audio: Uint8Array;
  readonly lastInSegment: boolean;
  /** The segment's text, carried on its last chunk. */
  readonly text: string;
}

/** A segment whose mark has been sent: what to report once Twilio echoes it. */
export interface SegmentRef {
  readonly turnId: string;
  readonly segmentIndex: number;
  readonly text: string;
}
