import { DEV_ONLY_FIELD_KEYRING } from '@va/data';
import type { Sandbox } from '@va/sandbox';

/** The media-gateway is the first of the platform's services, so it listens on the base port. */
const GATEWAY_PORT_OFFSET = 0;

/**
 * The embedded platform's variables for the demo: every vendor is a sandbox stand-in, reached
 * through the same *_BASE_URL / *_API_KEY variables a deployment sets for the real vendor.
 * OPENAI_API_KEY stays unset, so every dialog turn is the deterministic flow engine's (the
 * personas follow its lines) and speech recognition is Deepgram's alone.
 */
export function demoPlatformEnv(sandbox: Sandbox, basePort: number, logLevel: string): Record<string, string> {
  const { credentials, urls } = sandbox;
  const origin = (port: number) => `http://127.0.0.1:${port}`;
  return {
    HTTP_BASE_PORT: String(basePort),
    LOG_LEVEL: logLevel,
    ...DEV_ONLY_FIELD_KEYRING,
    DEEPGRAM_API_KEY: credentials.deepgramApiKey,
    DEEPGRAM_BASE_URL: urls.deepgram,
    DEEPGRAM_WS_URL: sandbox.deepgram.wsUrl,
    ELEVENLABS_API_KEY: credentials.elevenLabsApiKey,
    ELEVENLABS_BASE_URL: urls.elevenlabs,
    TWILIO_ACCOUNT_SID: credentials.twilioAccountSid,
    TWILIO_AUTH_TOKEN: credentials.twilioAuthToken,
    TWILIO_API_BASE_URL: urls.twilio,
    MEDIA_GATEWAY_PUBLIC_URL: origin(basePort + GATEWAY_PORT_OFFSET),
    DIALER_POLL_INTERVAL_MS: '250',
  };
}
