import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeepgramClient } from '@deepgram/sdk';
import { ElevenLabsClient } from '@elevenlabs/elevenlabs-js';
import twilio from 'twilio';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Sandbox } from '../sandbox';

/**
 * A minimal voice app for the end-to-end test of the sandbox, standing where the platform
 * will: it answers Twilio's signed voice webhook with <Connect><Stream>, forwards the caller's
 * audio to Deepgram live, and on each final transcript at end of speech says "You said: ..."
 * through ElevenLabs, streaming the audio back on the media socket as it arrives. Every
 * provider is reached through its official SDK.
 */
export interface EchoResponder {
  readonly url: string;
  readonly replies: string[];
  close(): Promise<void>;
}

const VOICE_ID = 'echo-voice';

export async function startEchoResponder(sandbox: Sandbox): Promise<EchoResponder> {
  const { credentials } = sandbox;
  const deepgram = new DeepgramClient({
    apiKey: credentials.deepgramApiKey,
    maxRetries: 0,
    environment: { base: sandbox.deepgram.url, production: sandbox.deepgram.wsUrl, agent: sandbox.deepgram.wsUrl, agentRest: sandbox.deepgram.url },
  });
  const elevenlabs = new ElevenLabsClient({ apiKey: credentials.elevenLabsApiKey, baseUrl: sandbox.elevenlabs.url, maxRetries: 0 });
  const replies: string[] = [];
  let baseUrl = '';

  const server: Server = createServer((request, response) => {
    void readForm(request).then((params) => {
      const url = `${baseUrl}${request.url ?? '/'}`;
      const signature = String(request.headers['x-twilio-signature'] ?? '');
      if (!twilio.validateRequest(credentials.twilioAuthToken, signature, url, params)) {
        response.writeHead(403).end();
        return;
      }
      const twiml = new twilio.twiml.VoiceResponse();
      twiml.connect().stream({ url: `${baseUrl.replace(/^http/, 'ws')}/media` }).parameter({ name: 'callId', value: `echo-${params['CallSid'] ?? ''}` });
      response.writeHead(200, { 'content-type': 'text/xml' }).end(twiml.toString());
    });
  });
  const sockets = new WebSocketServer({ server, path: '/media' });
  sockets.on('connection', (socket) => void serveCall(socket, deepgram, elevenlabs, replies));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    replies,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
      }),
  };
}

async function serveCall(socket: WebSocket, deepgram: DeepgramClient, elevenlabs: ElevenLabsClient, replies: string[]): Promise<void> {
  let streamSid = '';
  const pendingAudio: Buffer[] = [];
  let live: Awaited<ReturnType<DeepgramClient['listen']['v1']['connect']>> | undefined = undefined;
  socket.on('message', (data) => {
    const event = JSON.parse(data.toString()) as { event: string; streamSid?: string; media?: { payload: string } };
    if (event.event === 'start') streamSid = event.streamSid ?? '';
    if (event.event !== 'media' || event.media === undefined) return;
    const audio = Buffer.from(event.media.payload, 'base64');
    if (live === undefined) pendingAudio.push(audio);
    else live.sendMedia(audio);
  });
  socket.once('close', () => live?.close());

  const connection = await deepgram.listen.v1.connect({
    model: 'nova-3',
    encoding: 'mulaw',
    sample_rate: 8000,
    channels: 1,
    interim_results: 'true',
    endpointing: 300,
    reconnectAttempts: 0,
  });
  let speaking = Promise.resolve();
  connection.on('message', (message) => {
    const result = message as unknown as { type?: string; speech_final?: boolean; channel?: { alternatives?: Array<{ transcript?: string }> } };
    const transcript = result.channel?.alternatives?.[0]?.transcript ?? '';
    if (result.type !== 'Results' || result.speech_final !== true || transcript === '') return;
    const reply = `You said: ${transcript}`;
    replies.push(reply);
    speaking = speaking.then(() => speak(socket, streamSid, elevenlabs, reply));
  });
  connection.on('error', () => undefined);
  connection.connect();
  await connection.waitForOpen();
  for (const audio of pendingAudio.splice(0)) connection.sendMedia(audio);
  live = connection;
}

async function speak(socket: WebSocket, streamSid: string, elevenlabs: ElevenLabsClient, text: string): Promise<void> {
  const audio = await elevenlabs.textToSpeech.stream(VOICE_ID, { text, modelId: 'eleven_flash_v2_5', outputFormat: 'ulaw_8000' });
  for await (const chunk of audio) {
    socket.send(JSON.stringify({ event: 'media', streamSid, media: { payload: Buffer.from(chunk).toString('base64') } }));
  }
  socket.send(JSON.stringify({ event: 'mark', streamSid, mark: { name: `reply-${text.length}` } }));
}

function readForm(request: IncomingMessage): Promise<Record<string, string>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')))));
  });
}
