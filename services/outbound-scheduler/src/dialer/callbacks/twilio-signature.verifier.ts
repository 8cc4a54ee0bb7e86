import twilio from 'twilio';

/** Form parameters as Twilio signs them. */
export type SignedParams = Readonly<Record<string, string | readonly string[]>>;

/** X-Twilio-Signature checked with the auth token over the public URL Twilio requested. */
export class TwilioSignatureVerifier {
  constructor(private readonly authToken: string | undefined) {}

  verify(url: string, signature: string | undefined, params: SignedParams): boolean {
    if (this.authToken === undefined || signature === undefined || signature === '') return false;
    return twilio.validateRequest(this.authToken, signature, url, params);
  }
}

/** Only flat string fields (and repeated keys) can be signed by Twilio; anything nested is dropped. */
export function formParams(body: unknown): SignedParams {
  if (typeof body !== 'object' || body === null) return {};
  const entries = Object.entries(body as Record<string, unknown>).filter(
    (entry): entry is [string, string | string[]] => typeof entry[1] === 'string' || (Array.isArray(entry[1]) && entry[1].every((item) => typeof item === 'string')),
  );
  return Object.fromEntries(entries);
}
