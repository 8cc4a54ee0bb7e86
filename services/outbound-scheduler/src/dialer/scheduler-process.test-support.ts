import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { testFieldKeyring } from '@va/data/testing';
import { distributedServiceEnv } from '@va/service-kit/testing';
import { outboundSchedulerService } from '../outbound-scheduler.service';

/** The built service entry the process tests start. */
export const SCHEDULER_MAIN = join(__dirname, '..', 'main.js');

/** A media-gateway stand-in whose voice webhook hangs up at once (the dialer's tests need no conversation). */
export async function startHangUpGateway(): Promise<{ readonly url: string; close(): void }> {
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/xml' }).end('<Response><Hangup/></Response>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

export interface SchedulerProcessSettings {
  readonly topicPrefix: string;
  readonly databaseUrl: string;
  readonly twilio: { readonly url: string; readonly accountSid: string; readonly authToken: string };
  readonly gatewayUrl: string;
  /** Dialer variables of the test (poll interval, lease, public URL...). */
  readonly extra?: Readonly<Record<string, string>>;
}

/** The environment of an outbound-scheduler process dialling through the Twilio stand-in. */
export function schedulerProcessEnv(settings: SchedulerProcessSettings): Record<string, string> {
  return distributedServiceEnv(outboundSchedulerService, settings.topicPrefix, {
    ...testFieldKeyring().env,
    DATABASE_URL: settings.databaseUrl,
    TWILIO_ACCOUNT_SID: settings.twilio.accountSid,
    TWILIO_AUTH_TOKEN: settings.twilio.authToken,
    TWILIO_API_BASE_URL: settings.twilio.url,
    MEDIA_GATEWAY_PUBLIC_URL: settings.gatewayUrl,
    ...settings.extra,
  });
}
