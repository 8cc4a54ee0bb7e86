export { DeepgramStandIn, DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_INTERIM_INTERVAL_MS, type DeepgramStandInOptions } from './deepgram.stand-in';
export type { LiveSessionInfo } from './listen.session';
export type { ListenQuery } from './listen.query';
export { DEFAULT_ENDPOINTING_MS } from './listen.query';
export type { ListenMetadata, ListenResults, ListenServerMessage, ListenSpeechStarted, ListenUtteranceEnd, ListenWord } from './listen.messages';
export { IDLE_TIMEOUT_CLOSE, INVALID_MESSAGE_CLOSE, type CloseFrame, type DeepgramErrorBody } from './deepgram.errors';
export { MS_PER_CHARACTER, MIN_SPEECH_MS, speechDurationMs } from './speech.synthesizer';
