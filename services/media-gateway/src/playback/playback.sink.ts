/** Where one call's paced playback goes (the Twilio media socket in production). */
export interface PlaybackSink {
  media(frame: Uint8Array): void;
  mark(name: string): void;
  clear(): void;
}
