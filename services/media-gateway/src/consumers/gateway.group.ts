import type { SubscribeOptions } from '@va/bus';

/**
 * This instance's own consumer group, reading only what is published from now on: every
 * gateway instance sees all agent audio and control, and acts only on the calls it holds.
 * (The bus keeps a group's subscriptions to different topics apart.)
 */
export function gatewaySubscription(instanceId: string): SubscribeOptions {
  return { group: `media-gateway-${instanceId}`, startAt: 'latest' };
}
