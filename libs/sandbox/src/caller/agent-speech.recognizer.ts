import { Buffer } from 'node:buffer';
import { BYTES_PER_MS, decodeMulawSample } from '@va/audio';
import type { RegisteredUtterance, UtteranceRegistry } from '../side-channel/utterance.registry';

/** What the caller reports for agent audio no TTS stand-in registered. */
export const UNRECOGNISED_AUDIO = '[unrecognised audio]';

const PROBE_BYTES = 160;
/** Unmatched audio shorter than this (e.g. frame padding between two pieces) is not reported. */
const MIN_UNRECOGNISED_BYTES = 160;
/** Unmatched audio quieter than this (about -45 dBFS RMS) is silence, not reported. */
const MIN_UNRECOGNISED_RMS = 184;

/** One stretch of agent audio the caller heard: a registered text, or unrecognised audio. */
export interface HeardPiece {
  readonly text: string;
  readonly utteranceId: number | undefined;
  readonly startedAtMs: number;
  /** When its last heard byte finished playing. */
  readonly endedAtMs: number;
  readonly heardBytes: number;
  /** Share of the registered audio heard, 0..1 (1 for unrecognised audio). */
  readonly share: number;
  /** The registered audio was heard to its end. */
  readonly complete: boolean;
  /** More of it may still arrive (the stream is at this piece and did not move on). */
  readonly open: boolean;
}

interface PieceState {
  readonly text: string;
  readonly utterance: RegisteredUtterance | undefined;
  readonly startPos: number;
  endPos: number;
  next: number;
  heardBytes: number;
  complete: boolean;
}

interface FrameMark {
  readonly pos: number;
  readonly atMs: number;
}

/**
 * Tells which registered agent utterances (texts the TTS stand-ins synthesized) a stream of
 * played mu-law frames contains, in order. A 160-byte probe locates audio inside a registered
 * utterance; from there bytes are followed one by one, so any chunking, frame padding, cut-off
 * (barge-in `clear`) or dropped frame is handled.
 */
export class AgentSpeechRecognizer {
  private readonly marks: FrameMark[] = [];
  private readonly done: PieceState[] = [];
  private pending = Buffer.alloc(0);
  private pendingPos = 0;
  private streamEnd = 0;
  private current: PieceState | undefined;
  private unmatched = { startPos: 0, bytes: 0, sumOfSquares: 0, recent: Buffer.alloc(0) };

  constructor(private readonly agentSpeech: Pick<UtteranceRegistry, 'match'>) {}

  /** A played frame: `atMs` is when it started playing. */
  push(frame: Uint8Array, atMs: number): void {
    this.marks.push({ pos: this.streamEnd, atMs });
    this.streamEnd += frame.length;
    this.pending = Buffer.concat([this.pending, frame]);
    this.advance();
  }

  /** The stream is over: leftover bytes are judged as unrecognised audio. */
  flush(): void {
    this.discard(this.pending.length);
    this.closeUnmatched();
    this.current = undefined;
  }

  pieces(): HeardPiece[] {
    return this.done.map((piece) => ({
      text: piece.text,
      utteranceId: piece.utterance?.id,
      startedAtMs: this.timeOf(piece.startPos, false),
      endedAtMs: this.timeOf(piece.endPos, true),
      heardBytes: piece.heardBytes,
      share: piece.utterance === undefined ? 1 : piece.heardBytes / piece.utterance.audio.length,
      complete: piece.complete,
      open: piece === this.current,
    }));
  }

  private advance(): void {
    for (;;) {
      if (this.current !== undefined) {
        if (this.follow(this.current)) return;
        continue;
      }
      if (this.pending.length < PROBE_BYTES) return;
      const probe = this.pending.subarray(0, PROBE_BYTES);
      const utterance = this.agentSpeech.match(probe)?.utterance;
      if (utterance === undefined) this.discard(PROBE_BYTES);
      else this.startPiece(utterance, utterance.audio.indexOf(probe));
    }
  }

  /** Consumes pending bytes that continue `piece`; true when all pending bytes were consumed. */
  private follow(piece: PieceState): boolean {
    const audio = piece.utterance?.audio ?? Buffer.alloc(0);
    let count = 0;
    while (count < this.pending.length && piece.next + count < audio.length && this.pending[count] === audio[piece.next + count]) count += 1;
    piece.next += count;
    piece.heardBytes += count;
    this.consume(count);
    piece.endPos = this.pendingPos;
    if (piece.next >= audio.length) {
      piece.complete = true;
      this.current = undefined;
      return this.pending.length === 0;
    }
    if (this.pending.length > 0) {
      this.current = undefined;
      return false;
    }
    return true;
  }

  private startPiece(utterance: RegisteredUtterance, at: number): void {
    const recent = this.unmatched.recent;
    let back = 0;
    while (back < recent.length && back < at && recent[recent.length - 1 - back] === utterance.audio[at - 1 - back]) back += 1;
    for (const code of recent.subarray(recent.length - back)) this.unmatched.sumOfSquares -= decodeMulawSample(code) ** 2;
    this.unmatched.bytes -= back;
    this.closeUnmatched();
    const startPos = this.pendingPos - back;
    const last = this.done[this.done.length - 1];
    if (last !== undefined && last.utterance?.id === utterance.id && !last.complete) {
      last.next = at - back;
      last.heardBytes += back;
      this.current = last;
      return;
    }
    const piece: PieceState = { text: utterance.text, utterance, startPos, endPos: startPos, next: at - back, heardBytes: back, complete: false };
    this.done.push(piece);
    this.current = piece;
  }

  private discard(count: number): void {
    const dropped = this.pending.subarray(0, count);
    if (this.unmatched.bytes === 0) this.unmatched.startPos = this.pendingPos;
    this.unmatched.bytes += dropped.length;
    for (const code of dropped) this.unmatched.sumOfSquares += decodeMulawSample(code) ** 2;
    const recent = Buffer.concat([this.unmatched.recent, dropped]);
    this.unmatched.recent = recent.subarray(Math.max(0, recent.length - PROBE_BYTES));
    this.consume(count);
  }

  private closeUnmatched(): void {
    const { startPos, bytes, sumOfSquares } = this.unmatched;
    if (bytes >= MIN_UNRECOGNISED_BYTES && Math.sqrt(sumOfSquares / bytes) >= MIN_UNRECOGNISED_RMS) {
      this.done.push({ text: UNRECOGNISED_AUDIO, utterance: undefined, startPos, endPos: startPos + bytes, next: 0, heardBytes: bytes, complete: true });
    }
    this.unmatched = { startPos: this.pendingPos, bytes: 0, sumOfSquares: 0, recent: Buffer.alloc(0) };
  }

  private consume(count: number): void {
    this.pending = this.pending.subarray(count);
    this.pendingPos += count;
  }

  /** When the byte at stream position `pos` starts playing, or (asEnd) the byte before it ends. */
  private timeOf(pos: number, asEnd: boolean): number {
    const target = asEnd ? pos - 1 : pos;
    let low = 0;
    let high = this.marks.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((this.marks[middle]?.pos ?? 0) <= target) low = middle;
      else high = middle - 1;
    }
    const mark = this.marks[low];
    return mark === undefined ? 0 : mark.atMs + (pos - mark.pos) / BYTES_PER_MS;
  }
}
