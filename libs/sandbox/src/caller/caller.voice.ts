/**
 * How the simulated caller turns text into what it says on the line: G.711 mu-law, 8 kHz,
 * mono. Every call returns different bytes (see `UtteranceRegistry`: registered audio must be
 * unique), even for the same text.
 */
export interface CallerVoice {
  synthesize(text: string): Promise<Uint8Array>;
}
