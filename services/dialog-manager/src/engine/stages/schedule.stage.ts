import { offerCallback } from '../callback.offer';
import { ENGINE_PHRASES } from '../engine.phrases';
import { FACT } from '../engine-fact.names';
import type { EngineTurn } from '../engine.turn';
import { pickAndBook, requestFreeTimes, takeBooking, takeFreeTimes } from '../slot-booking';
import { outcome, slotValue, type StageBehaviour } from '../stage.behaviour';

function noTimes(turn: EngineTurn): undefined {
  turn.say(ENGINE_PHRASES.noFreeTimes);
  offerCallback(turn, 'unavailable');
  return undefined;
}

/** SCHEDULE: offers two of the broker's free times, books the one picked; a conflict offers others. */
export const SCHEDULE_STAGE: StageBehaviour = {
  enter: (turn) => (requestFreeTimes(turn) ? undefined : noTimes(turn)),
  answer(turn, text) {
    return pickAndBook(turn, text, 'coverage review') === 'declined' ? outcome('declined') : undefined;
  },
  continuations: {
    availability(turn, result) {
      if (!takeFreeTimes(turn, result)) return noTimes(turn);
      turn.sayStageLine('enter');
      return undefined;
    },
    booking(turn, result) {
      const booking = takeBooking(turn, result);
      if (booking === 'booked') return outcome('booked');
      return booking === 'no-times' ? noTimes(turn) : undefined;
    },
  },
};

/** CONFIRM: the booking read back; a no cancels it and goes back to SCHEDULE for another time. */
export const CONFIRM_STAGE: StageBehaviour = {
  complete(turn) {
    if (slotValue(turn, 'bookingConfirmed') === 'yes') return outcome('confirmed');
    const appointmentId = turn.fact(FACT.appointmentId);
    if (appointmentId === undefined) return outcome('changeRequested');
    turn.callTool('cancel_appointment', { appointmentId, reason: 'caller asked for another time' }, 'cancel-booking');
    return undefined;
  },
  continuations: {
    'cancel-booking'(turn) {
      turn.remember({ [FACT.appointmentId]: undefined, [FACT.appointmentStartsAt]: undefined });
      return outcome('changeRequested');
    },
  },
};
