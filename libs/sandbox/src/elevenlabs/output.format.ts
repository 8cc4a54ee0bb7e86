/** Every `output_format` ElevenLabs knows; the stand-in produces only SANDBOX_OUTPUT_FORMAT. */
export const ELEVENLABS_OUTPUT_FORMATS = [
  'mp3_22050_32',
  'mp3_24000_48',
  'mp3_44100_32',
  'mp3_44100_64',
  'mp3_44100_96',
  'mp3_44100_128',
  'mp3_44100_192',
  'pcm_8000',
  'pcm_16000',
  'pcm_22050',
  'pcm_24000',
  'pcm_32000',
  'pcm_44100',
  'pcm_48000',
  'ulaw_8000',
  'alaw_8000',
  'opus_48000_32',
  'opus_48000_64',
  'opus_48000_96',
  'opus_48000_128',
  'opus_48000_192',
] as const;

/** G.711 mu-law 8 kHz, headerless: the Twilio format and the only one the stand-in makes. */
export const SANDBOX_OUTPUT_FORMAT = 'ulaw_8000';
export const ULAW_CONTENT_TYPE = 'audio/basic';
/** ElevenLabs' default when the request names none. */
export const DEFAULT_OUTPUT_FORMAT = 'mp3_44100_128';

export type OutputFormatCheck = 'supported' | 'unsupported' | 'unknown';

export function checkOutputFormat(format: string): OutputFormatCheck {
  if (format === SANDBOX_OUTPUT_FORMAT) return 'supported';
  return (ELEVENLABS_OUTPUT_FORMATS as readonly string[]).includes(format) ? 'unsupported' : 'unknown';
}
