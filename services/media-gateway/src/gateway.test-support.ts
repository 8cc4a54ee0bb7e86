import { join } from 'node:path';
import { createKafkaBus, type KafkaBus, Outcome } from '@va/bus';
import type { MessageOf, TopicName } from '@va/contracts';
import { createLogger } from '@va/observability';
import type { Sandbox } from '@va/sandbox';
import { distributedServiceEnv, ServiceProcess, waitUntilReady } from '@va/service-kit/testing';
import { testInfra, waitFor } from '@va/testing';
import twilio from 'twilio';
import { mediaGatewayService } from './media-gateway.service';

const ENTRY = join(__dirname, 'main.js');

/** One gateway service process, as deployed, pointed at the sandbox's Twilio. */
export interface RunningGateway {
  readonly instanceId: string;
  readonly url: string;
  readonly process: ServiceProcess;
}

export async function startGateway(sandbox: Sandbox, topicPrefix: string, databaseUrl: string, instanceId: string): Promise<RunningGateway> {
  const env = {
    ...distributedServiceEnv(mediaGatewayService, topicPrefix, {
      TWILIO_ACCOUNT_SID: sandbox.credentials.twilioAccountSid,
      TWILIO_AUTH_TOKEN: sandbox.credentials.twilioAuthToken,
      TWILIO_API_BASE_URL: sandbox.twilio.url,
      GATEWAY_INSTANCE_ID: instanceId,
    }),
    DATABASE_URL: databaseUrl,
    SHUTDOWN_GRACE_MS: '15000',
    MEDIA_DRAIN_GRACE_MS: '5000',
  };
  const child = ServiceProcess.start(ENTRY, env);
  const listening = await child.waitForMessage('service listening', 60_000);
  const url = `http://127.0.0.1:${String(listening['port'])}`;
  await waitUntilReady(child, url);
  return { instanceId, url, process: child };
}

/** A form POST signed as Twilio signs its webhooks (or with the given signature). */
export async function postTwilioForm(url: string, params: Record<string, string>, authToken: string, signature?: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature ?? twilio.getExpectedTwilioSignature(authToken, url, params) },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: await response.text() };
}

type Collected = { [T in TopicName]?: Array<MessageOf<T>> };

/** Everything published on the call topics during the test, read back from Kafka. */
export class TopicRecorder {
  private readonly seen: Collected = {};

  private constructor(readonly bus: KafkaBus) {}

  static async start(topicPrefix: string, topics: readonly TopicName[]): Promise<TopicRecorder> {
    const bus = createKafkaBus({ logger: createLogger({ service: 'gateway-test', level: 'error' }), brokers: testInfra.kafkaBrokers, clientId: 'gateway-test', topicPrefix });
    await bus.ensureTopics();
    const recorder = new TopicRecorder(bus);
    await Promise.all(
      topics.map((topic) =>
        bus.subscribe(
          topic,
          async (delivery) => {
            const list = (recorder.seen[topic] ??= []) as Array<MessageOf<typeof topic>>;
            list.push(delivery.message);
            return Outcome.ok();
          },
          { group: `gateway-test.${topic}` },
        ),
      ),
    );
    return recorder;
  }

  of<T extends TopicName>(topic: T, callId?: string): Array<MessageOf<T>> {
    const list = (this.seen[topic] ?? []) as Array<MessageOf<T>>;
    return callId === undefined ? list : list.filter((message) => (message as { callId: string }).callId === callId);
  }

  async waitFor<T extends TopicName>(topic: T, predicate: (message: MessageOf<T>) => boolean, description: string, timeoutMs = 20_000): Promise<MessageOf<T>> {
    return waitFor(() => this.of(topic).find(predicate), { timeoutMs, description });
  }

  close(): Promise<void> {
    return this.bus.close();
  }
}
