export * from './telephony-audio.format';
export * from './mulaw.codec';
export * from './audio.frames';
export * from './audio.energy';
export * from './signal.generator';
export * from './speech.detector';
export * from './wav.reader';
export * from './pcm.resampler';
