import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';

/** What the SDK needs to reach a Twilio stand-in. */
export interface TwilioEndpoint {
  readonly url: string;
  readonly accountSid: string;
  readonly authToken: string;
}

const TWILIO_ORIGIN = /^https:\/\/[a-z0-9.-]+\.twilio\.com(?::\d+)?/i;

/**
 * twilio-node's own HTTP client with every `https://*.twilio.com` origin replaced by the
 * stand-in's base URL. This is the SDK's documented extension point (the `httpClient`
 * client option, see twilio-node advanced-examples/custom-http-client.md); the SDK still
 * builds the paths, the form bodies and Basic auth, and parses the answers into resources
 * or RestException exactly as against Twilio.
 */
export class StandInRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    options?: RequestClient.RequestClientOptions,
  ) {
    super(options);
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    return super.request({ ...opts, uri: opts.uri.replace(TWILIO_ORIGIN, this.baseUrl.replace(/\/$/, '')) });
  }
}

/** An official twilio-node client that talks to the stand-in (or any TwilioEndpoint) instead of api.twilio.com. */
export function twilioClientFor(endpoint: TwilioEndpoint, options: twilio.ClientOpts = {}): twilio.Twilio {
  return twilio(endpoint.accountSid, endpoint.authToken, { ...options, httpClient: new StandInRequestClient(endpoint.url) });
}
