import { DeepgramStandIn } from './deepgram';
import { ElevenLabsStandIn } from './elevenlabs';
import { OpenAiStandIn } from './openai';
import { SANDBOX_CREDENTIALS, type SandboxCredentials } from './sandbox.credentials';
import { LATENCY_PRESETS, type LatencyPreset } from './sandbox.latency';
import { UtteranceRegistry } from './side-channel/utterance.registry';
import { TwilioStandIn } from './twilio';

export interface SandboxOptions {
  readonly credentials?: SandboxCredentials;
  readonly latency?: LatencyPreset;
  /** Fixed ports per stand-in; free ports when absent. */
  readonly ports?: Partial<Record<keyof SandboxUrls, number>>;
}

/** The base URL of each stand-in, as an SDK or the product's config would take it. */
export interface SandboxUrls {
  readonly twilio: string;
  readonly deepgram: string;
  readonly openai: string;
  readonly elevenlabs: string;
}

/** All four stand-ins and the side channels that tie them to simulated callers. */
export interface Sandbox {
  readonly credentials: SandboxCredentials;
  readonly twilio: TwilioStandIn;
  readonly deepgram: DeepgramStandIn;
  readonly openai: OpenAiStandIn;
  readonly elevenlabs: ElevenLabsStandIn;
  /** What simulated callers say (read by the Deepgram stand-in and OpenAI transcriptions). */
  readonly callerSpeech: UtteranceRegistry;
  /** What the TTS stand-ins synthesized (read by simulated callers). */
  readonly agentSpeech: UtteranceRegistry;
  readonly urls: SandboxUrls;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const credentials = options.credentials ?? SANDBOX_CREDENTIALS;
  const latency = LATENCY_PRESETS[options.latency ?? 'none'];
  const callerSpeech = new UtteranceRegistry();
  const agentSpeech = new UtteranceRegistry();
  const started: Array<{ close(): Promise<void> }> = [];
  try {
    const twilio = await TwilioStandIn.start({
      accountSid: credentials.twilioAccountSid,
      authToken: credentials.twilioAuthToken,
      ...latency.twilio,
      ...(options.ports?.twilio === undefined ? {} : { port: options.ports.twilio }),
    });
    started.push(twilio);
    const deepgram = await DeepgramStandIn.start({
      apiKeys: [credentials.deepgramApiKey],
      callerSpeech,
      agentSpeech,
      faults: latency.deepgram,
      ...(options.ports?.deepgram === undefined ? {} : { port: options.ports.deepgram }),
    });
    started.push(deepgram);
    const openai = await OpenAiStandIn.start({
      apiKeys: [credentials.openAiApiKey],
      callerSpeech,
      faults: latency.openai,
      ...(options.ports?.openai === undefined ? {} : { port: options.ports.openai }),
    });
    started.push(openai);
    const elevenlabs = await ElevenLabsStandIn.start({
      apiKeys: [credentials.elevenLabsApiKey],
      agentSpeech,
      faults: latency.elevenlabs,
      ...(options.ports?.elevenlabs === undefined ? {} : { port: options.ports.elevenlabs }),
    });
    started.push(elevenlabs);
    return {
      credentials,
      twilio,
      deepgram,
      openai,
      elevenlabs,
      callerSpeech,
      agentSpeech,
      urls: { twilio: twilio.url, deepgram: deepgram.url, openai: openai.url, elevenlabs: elevenlabs.url },
      close: async () => {
        await Promise.all(started.map((standIn) => standIn.close()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((standIn) => standIn.close().catch(() => undefined)));
    throw error;
  }
}
