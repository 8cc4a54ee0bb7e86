import { randomBytes } from 'node:crypto';
import type { Bus, Subscription } from '@va/bus';
import type { SpeechEngine } from '../speech/speech.engine';
import { handleCallLifecycle } from './call-lifecycle.handler';
import { handleSpeechCommand } from './speech-command.handler';

/** The group sharing call.speech across tts instances: a call's commands reach one instance. */
export const TTS_GROUP = 'tts';

/**
 * The service's two subscriptions. Speech commands are shared by the `tts` group. Call ends
 * go to every instance (a group of its own, from the live end of the topic): kafkajs spreads a
 * group's partitions without regard to what each member subscribed to, so one group cannot
 * hold both topics, and a separate shared group could hand a call's end to an instance that
 * does not hold its speech. An instance that holds nothing of the call ignores its end.
 */
export async function subscribeTts(bus: Bus, engine: SpeechEngine): Promise<Subscription[]> {
  const lifecycleGroup = `tts-lifecycle-${randomBytes(4).toString('hex')}`;
  const lifecycle = await bus.subscribe('call.lifecycle', (delivery) => handleCallLifecycle(delivery.message, engine), { group: lifecycleGroup, startAt: 'latest' });
  const speech = await bus.subscribe('call.speech', (delivery) => handleSpeechCommand(delivery.message, engine), { group: TTS_GROUP });
  return [speech, lifecycle];
}
