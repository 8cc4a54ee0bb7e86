/** The voice id from its (percent-encoded) path segment; undefined when the encoding is broken. */
export function decodeVoiceId(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
