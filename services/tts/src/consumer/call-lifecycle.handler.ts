import { Outcome, type HandlerOutcome } from '@va/bus';
import type { CallLifecycleEvent } from '@va/contracts';
import type { SpeechEngine } from '../speech/speech.engine';

/** A call's end cancels everything of it; other lifecycle facts do not concern speech. */
export function handleCallLifecycle(event: CallLifecycleEvent, engine: SpeechEngine): Promise<HandlerOutcome> {
  if (event.event.case === 'ended' && event.callId !== '') engine.endCall(event.callId);
  return Promise.resolve(Outcome.ok());
}
