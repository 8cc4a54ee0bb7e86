import { Outcome, type HandlerOutcome } from '@va/bus';
import type { SpeechCommand } from '@va/contracts';
import type { SpeechEngine } from '../speech/speech.engine';

/**
 * One call.speech command → the engine, at once (synthesis runs in the background, so the
 * call's partition is never held up). A command missing its call, turn or body is dead-lettered.
 */
export function handleSpeechCommand(command: SpeechCommand, engine: SpeechEngine): Promise<HandlerOutcome> {
  if (command.callId === '') return Promise.resolve(Outcome.deadLetter('speech command without a call id'));
  const body = command.command;
  if (body.case === undefined) return Promise.resolve(Outcome.deadLetter('speech command without speak or cancel'));
  if (body.value.turnId === '') return Promise.resolve(Outcome.deadLetter(`${body.case} without a turn id`));
  if (body.case === 'cancel') engine.cancel(command.callId, body.value.turnId);
  else {
    const { turnId, segmentIndex, text, lastInTurn, voiceId } = body.value;
    engine.speak(command.callId, { turnId, segmentIndex, text, lastInTurn, voiceId });
  }
  return Promise.resolve(Outcome.ok());
}
