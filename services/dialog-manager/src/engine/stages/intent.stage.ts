import { confirmSlot, proposeSlotValue } from '../../session';
import { namesFaqTopic } from '../choice.vocabulary';
import { ENGINE_PHRASES } from '../engine.phrases';
import { captureFromText } from '../slot-capture';
import { FACT } from '../engine-fact.names';
import { outcome, resultString, slotValue, type StageBehaviour } from '../stage.behaviour';

/** INTENT: what the caller needs, by the flow's choices; a question that names its topic is answered straight away. */
export const INTENT_STAGE: StageBehaviour = {
  answer(turn, text) {
    if (captureFromText(turn, text) !== 'complete') return undefined;
    const intent = slotValue(turn, 'intent');
    if (intent === undefined) return undefined;
    if (intent === 'faq' && namesFaqTopic(text)) turn.remember({ [FACT.faqQuestion]: text });
    return outcome(intent);
  },
};

/** FAQ: the question goes to lookup_faq; the best answer is said, or a message is offered. */
export const FAQ_STAGE: StageBehaviour = {
  enter(turn) {
    const question = turn.fact(FACT.faqQuestion);
    if (question === undefined) {
      turn.sayStageLine('enter');
      return undefined;
    }
    turn.remember({ [FACT.faqQuestion]: undefined });
    turn.update((session) => confirmSlot(proposeSlotValue(session, 'question', question), 'question'));
    return FAQ_STAGE.complete?.(turn);
  },
  complete(turn) {
    turn.callTool('lookup_faq', { question: (slotValue(turn, 'question') ?? '').slice(0, 300) }, 'faq');
    return undefined;
  },
  continuations: {
    faq(turn, result) {
      const answers = result.ok && Array.isArray(result.result['answers']) ? (result.result['answers'] as unknown[]) : [];
      const first = answers.find((answer): answer is Record<string, unknown> => typeof answer === 'object' && answer !== null);
      const answer = first === undefined ? undefined : resultString(first, 'answer');
      if (answer === undefined) {
        turn.say(ENGINE_PHRASES.faqNotFound);
        return outcome('notFound');
      }
      turn.say(answer);
      return outcome('answered');
    },
  },
};
