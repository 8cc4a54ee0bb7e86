export const SERVICE_NAMES = [
  'media-gateway',
  'stt',
  'dialog-manager',
  'tts',
  'tool-executor',
  'outbound-scheduler',
] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];
