/**
 * Credentials the stand-ins accept when none are given. They unlock nothing but these local
 * stand-ins, so they are fixed and public (the product still reads its keys from its
 * environment; the embedded demo hands it these).
 */
export interface SandboxCredentials {
  readonly twilioAccountSid: string;
  readonly twilioAuthToken: string;
  readonly deepgramApiKey: string;
  readonly openAiApiKey: string;
  readonly elevenLabsApiKey: string;
}

/** twilio-node insists on "AC" and 32 hex digits; the sandbox account is all zeros. */
const SANDBOX_ACCOUNT_SID = `AC${'0'.repeat(32)}`;

export const SANDBOX_CREDENTIALS: SandboxCredentials = Object.freeze({
  twilioAccountSid: SANDBOX_ACCOUNT_SID,
  twilioAuthToken: 'sandbox-twilio-auth-token',
  deepgramApiKey: 'sandbox-deepgram-key',
  openAiApiKey: 'sandbox-openai-key',
  elevenLabsApiKey: 'sandbox-elevenlabs-key',
});
