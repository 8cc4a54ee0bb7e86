import twilio from 'twilio';
import type { OutboundCallRequest, OutboundTelephony, PlaceCallResult, ProviderCallState } from './outbound.telephony';
import { TwilioOriginRequestClient } from './twilio-origin.request-client';

export interface TwilioAccount {
  readonly accountSid: string;
  readonly authToken: string;
  readonly apiBaseUrl: string | undefined;
  readonly requestTimeoutMs: number;
}

const STATUS_EVENTS = ['initiated', 'ringing', 'answered', 'completed'];

/** HTTP statuses that mean "this call will never be accepted" (429 is a rate limit: retryable). */
function isPermanentRejection(status: number): boolean {
  return status >= 400 && status < 500 && status !== 429;
}

/** Outbound calls through the Twilio REST Calls API (twilio-node), with async answering-machine detection. */
export class TwilioOutboundTelephony implements OutboundTelephony {
  private readonly client: twilio.Twilio;

  constructor(account: TwilioAccount) {
    const options = { timeout: account.requestTimeoutMs };
    const httpClient = account.apiBaseUrl === undefined ? undefined : new TwilioOriginRequestClient(account.apiBaseUrl, options);
    this.client = twilio(account.accountSid, account.authToken, httpClient === undefined ? options : { httpClient });
  }

  async placeCall(request: OutboundCallRequest): Promise<PlaceCallResult> {
    try {
      const call = await this.client.calls.create({
        to: request.to,
        from: request.from,
        url: request.voiceUrl,
        statusCallback: request.statusCallbackUrl,
        statusCallbackMethod: 'POST',
        statusCallbackEvent: STATUS_EVENTS,
        machineDetection: 'Enable',
        asyncAmd: 'true',
        asyncAmdStatusCallback: request.amdCallbackUrl,
        asyncAmdStatusCallbackMethod: 'POST',
      });
      return { kind: 'placed', callSid: call.sid };
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      const code = (error as { code?: unknown }).code;
      if (typeof status === 'number' && isPermanentRejection(status)) return { kind: 'rejected', status, code: typeof code === 'number' ? code : undefined };
      throw error;
    }
  }

  async hangUp(callSid: string): Promise<void> {
    await this.client.calls(callSid).update({ status: 'completed' });
  }

  async fetchCall(callSid: string): Promise<ProviderCallState> {
    const call = await this.client.calls(callSid).fetch();
    return { status: call.status, answeredBy: call.answeredBy ?? undefined };
  }
}
