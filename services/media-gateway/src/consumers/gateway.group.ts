import type { SubscribeOptions } from '@va/bus';
import type { TopicName } from '@va/contracts';

/**
 * This instance's own consumer group for one topic, reading only what is published from now
 * on: every gateway instance sees all agent audio and control, and acts only on the calls it
 * holds. One group per topic: `latest` commits the end offsets before joining, which Kafka
 * refuses for a group that already has running members.
 */
export function gatewaySubscription(instanceId: string, topic: TopicName): SubscribeOptions {
  return { group: `media-gateway-${instanceId}.${topic}`, startAt: 'latest' };
}
