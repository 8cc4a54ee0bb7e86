import twilio from 'twilio';
import type { CallControlPort } from './call-control.port';
import { TwilioOriginRequestClient } from './twilio-origin.request-client';

export interface TwilioCredentials {
  readonly accountSid: string;
  readonly authToken: string;
  readonly apiBaseUrl: string | undefined;
}

/** Call control through the Twilio REST Calls API (twilio-node). */
export class TwilioCallControl implements CallControlPort {
  readonly available = true;
  private readonly client: twilio.Twilio;

  constructor(credentials: TwilioCredentials) {
    const httpClient = credentials.apiBaseUrl === undefined ? undefined : new TwilioOriginRequestClient(credentials.apiBaseUrl);
    this.client = twilio(credentials.accountSid, credentials.authToken, httpClient === undefined ? {} : { httpClient });
  }

  async hangUp(callSid: string): Promise<void> {
    await this.client.calls(callSid).update({ status: 'completed' });
  }

  async transfer(callSid: string, target: string): Promise<void> {
    const response = new twilio.twiml.VoiceResponse();
    if (target.startsWith('sip:')) response.dial().sip(target);
    else response.dial().number(target);
    await this.client.calls(callSid).update({ twiml: response.toString() });
  }
}

/** Without TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN there is no call control. */
export class UnavailableCallControl implements CallControlPort {
  readonly available = false;

  hangUp(): Promise<void> {
    return Promise.reject(new Error('telephony not configured'));
  }

  transfer(): Promise<void> {
    return Promise.reject(new Error('telephony not configured'));
  }
}
