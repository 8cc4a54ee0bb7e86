import WebSocket from 'ws';
import type { PlaybackSink } from '../playback/playback.sink';

/** The outbound half of a Twilio media stream: media, mark and clear messages for one streamSid. */
export class TwilioMediaSender implements PlaybackSink {
  constructor(
    private readonly socket: WebSocket,
    private readonly streamSid: string,
  ) {}

  media(frame: Uint8Array): void {
    this.send({ event: 'media', streamSid: this.streamSid, media: { payload: Buffer.from(frame).toString('base64') } });
  }

  mark(name: string): void {
    this.send({ event: 'mark', streamSid: this.streamSid, mark: { name } });
  }

  clear(): void {
    this.send({ event: 'clear', streamSid: this.streamSid });
  }

  private send(message: object): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}
