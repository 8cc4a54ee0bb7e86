import { durationMsOfMulaw } from '@va/audio';

/** Which characters a piece of audio speaks and when, in ms relative to the piece's start. */
export interface CharAlignment {
  readonly chars: string[];
  readonly charStartTimesMs: number[];
  readonly charsDurationsMs: number[];
}

/**
 * Spreads the text's characters evenly over its audio and returns the ones whose start falls
 * inside the piece [offsetBytes, offsetBytes + pieceBytes) of it. Alignment uses the
 * `charsDurationsMs` spelling the live service sends.
 */
export function alignPiece(text: string, totalBytes: number, offsetBytes: number, pieceBytes: number): CharAlignment {
  const chars = [...text];
  const totalMs = durationMsOfMulaw(totalBytes);
  const perCharMs = chars.length === 0 ? 0 : totalMs / chars.length;
  const pieceStartMs = durationMsOfMulaw(offsetBytes);
  const pieceEndMs = durationMsOfMulaw(offsetBytes + pieceBytes);
  const alignment: CharAlignment = { chars: [], charStartTimesMs: [], charsDurationsMs: [] };
  chars.forEach((char, index) => {
    const startMs = index * perCharMs;
    if (startMs < pieceStartMs || startMs >= pieceEndMs) return;
    alignment.chars.push(char);
    alignment.charStartTimesMs.push(Math.round(startMs - pieceStartMs));
    alignment.charsDurationsMs.push(Math.round(perCharMs));
  });
  return alignment;
}
