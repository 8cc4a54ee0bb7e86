import { classifyYesNo } from '../../language';
import { clearSlots } from '../../session';
import { offerCallback } from '../callback.offer';
import { ENGINE_PHRASES } from '../engine.phrases';
import { isSkipped } from '../slot-capture';
import { pickAndBook, requestFreeTimes, takeBooking, takeFreeTimes } from '../slot-booking';
import { outcome, slotValue, type StageBehaviour } from '../stage.behaviour';
import { INTAKE_SLOT_NAMES, intakeForm, intakeSummary } from './intake-form';

/** The intake stage a "that's not right" at the review starts over from. */
export const INTAKE_RESTART_STAGE = 'INTAKE_PAYER';

/** INTAKE_PAYER: "no insurance" skips the member ID. */
export const INTAKE_PAYER_STAGE: StageBehaviour = {
  complete: (turn) => outcome(isSkipped(turn, 'payer') ? 'uninsured' : 'answered'),
};

/** INTAKE_SCHEDULE: a first visit when the caller's provider is known; otherwise (or on a no) skipped. */
export const INTAKE_SCHEDULE_STAGE: StageBehaviour = {
  enter: (turn) => (requestFreeTimes(turn) ? undefined : outcome('skipped')),
  answer(turn, text) {
    if (classifyYesNo(text) === 'no') return outcome('skipped');
    return pickAndBook(turn, text, 'first visit') === 'declined' ? outcome('skipped') : undefined;
  },
  continuations: {
    availability(turn, result) {
      if (!takeFreeTimes(turn, result)) return outcome('skipped');
      turn.sayStageLine('enter');
      return undefined;
    },
    booking(turn, result) {
      const booking = takeBooking(turn, result);
      if (booking === 'booked') return outcome('booked');
      return booking === 'no-times' ? outcome('skipped') : undefined;
    },
  },
};

/**
 * INTAKE_REVIEW: the whole form read back; a yes saves it. A no starts the questions over
 * (the flow's `corrected` outcome would only read the same form back again).
 */
export const INTAKE_REVIEW_STAGE: StageBehaviour = {
  enter(turn) {
    turn.sayStageLine('enter', { readBackSummary: intakeSummary(turn) });
    return undefined;
  },
  complete(turn) {
    if (slotValue(turn, 'intakeConfirmed') !== 'yes') {
      turn.say(ENGINE_PHRASES.intakeRestart);
      turn.update((session) => clearSlots(session, [...INTAKE_SLOT_NAMES, 'intakeConfirmed']));
      return { jumpTo: INTAKE_RESTART_STAGE };
    }
    const clientId = turn.clientId;
    turn.callTool('save_intake', { ...(clientId === undefined ? {} : { clientId }), intake: intakeForm(turn) }, 'intake-save');
    return undefined;
  },
  continuations: {
    'intake-save'(turn, result) {
      if (result.ok) return outcome('saved');
      offerCallback(turn, 'intake-save');
      return undefined;
    },
  },
};
