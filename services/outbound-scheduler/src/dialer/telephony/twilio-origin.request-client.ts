import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';

const TWILIO_ORIGIN = /^https:\/\/[a-z0-9.-]+\.twilio\.com(?::\d+)?/i;

/**
 * twilio-node's HTTP client with every `https://*.twilio.com` origin replaced by
 * TWILIO_API_BASE_URL (a regional edge, a proxy, or the sandbox stand-in). The SDK still
 * builds paths, bodies and auth and parses the answers.
 */
export class TwilioOriginRequestClient extends twilio.RequestClient {
  private readonly baseUrl: string;

  constructor(baseUrl: string, options?: RequestClient.RequestClientOptions) {
    super(options);
    this.baseUrl = baseUrl.replace(/\/$/, '');
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    return super.request({ ...opts, uri: opts.uri.replace(TWILIO_ORIGIN, this.baseUrl) });
  }
}
