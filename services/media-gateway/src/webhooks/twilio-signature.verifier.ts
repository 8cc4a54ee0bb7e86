import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@va/service-kit';
import twilio from 'twilio';
import type { GatewayConfig } from '../config/gateway.config';

/** Form parameters as Twilio signs them. */
export type SignedParams = Readonly<Record<string, string | readonly string[]>>;

/** X-Twilio-Signature checks against the auth token, over the public URL Twilio requested. */
@Injectable()
export class TwilioSignatureVerifier {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: GatewayConfig) {}

  /** False when no auth token is configured: nothing can be verified, so telephony is off. */
  get configured(): boolean {
    return this.config.TWILIO_AUTH_TOKEN !== undefined;
  }

  verify(url: string, signature: string | undefined, params: SignedParams): boolean {
    const token = this.config.TWILIO_AUTH_TOKEN;
    if (token === undefined || signature === undefined || signature === '') return false;
    return twilio.validateRequest(token, signature, url, params);
  }
}
