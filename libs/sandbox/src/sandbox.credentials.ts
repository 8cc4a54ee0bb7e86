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

export const SANDBOX_CREDENTIALS: SandboxCredentials = Object.freeze({
  twilioAccountSid: 'AC000000000000000000000000005a4d60',
  twilioAuthToken: 'sandbox-twilio-auth-token',
  deepgramApiKey: 'sandbox-deepgram-key',
  openAiApiKey: 'sandbox-openai-key',
  elevenLabsApiKey: 'sandbox-elevenlabs-key',
});
