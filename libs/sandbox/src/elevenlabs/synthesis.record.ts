/** One text the stand-in turned into audio, for tests to assert on. */
export interface SynthesisRecord {
  readonly text: string;
  readonly voiceId: string;
  readonly modelId: string | undefined;
  readonly outputFormat: string;
  /** Bytes of audio generated (whatever a fault let through). */
  readonly bytes: number;
  readonly transport: 'http' | 'websocket';
  readonly atMs: number;
}
