export { ElevenLabsStandIn, type ElevenLabsStandInOptions } from './elevenlabs.stand-in';
export type { SynthesisRecord } from './synthesis.record';
export { DEFAULT_CHUNK_LENGTH_SCHEDULE } from './chunk-schedule.buffer';
export { DEFAULT_INACTIVITY_TIMEOUT_SECONDS } from './stream-input.query';
export { ELEVENLABS_OUTPUT_FORMATS, SANDBOX_OUTPUT_FORMAT, ULAW_CONTENT_TYPE } from './output.format';
export type { CharAlignment } from './char.alignment';
