import { ENGINE_PHRASES } from '../engine.phrases';
import type { EngineTurn } from '../engine.turn';
import { offeredSlots } from '../offered-slots';
import { captureFromText } from '../slot-capture';
import { pickAndBook, requestFreeTimes, takeBooking, takeFreeTimes } from '../slot-booking';
import { outcome, slotValue, type StageBehaviour } from '../stage.behaviour';

function toMessage(turn: EngineTurn, line: string): ReturnType<NonNullable<StageBehaviour['complete']>> {
  turn.say(line);
  return outcome('noSuitableTime');
}

/**
 * BOOKING: a new appointment with the identified caller's broker or provider (free times offered,
 * one booked and read back). Moving or cancelling one, or a caller not identified, goes to a message.
 */
export const BOOKING_STAGE: StageBehaviour = {
  answer(turn, text) {
    if (offeredSlots(turn.session).length === 0) return captureFromText(turn, text) === 'complete' ? BOOKING_STAGE.complete?.(turn) : undefined;
    return pickAndBook(turn, text, 'appointment') === 'declined' ? outcome('noSuitableTime') : undefined;
  },
  complete(turn) {
    if (slotValue(turn, 'bookingAction') !== 'book' || !requestFreeTimes(turn)) return toMessage(turn, ENGINE_PHRASES.bookingNeedsOffice);
    return undefined;
  },
  continuations: {
    availability(turn, result) {
      if (!takeFreeTimes(turn, result)) return toMessage(turn, ENGINE_PHRASES.noFreeTimes);
      turn.sayTemplate(ENGINE_PHRASES.whichSlot);
      return undefined;
    },
    booking(turn, result) {
      const booking = takeBooking(turn, result);
      if (booking === 'no-times') return toMessage(turn, ENGINE_PHRASES.noFreeTimes);
      if (booking === 'booked') {
        turn.sayTemplate(ENGINE_PHRASES.bookedReadBack);
        return outcome('done');
      }
      return undefined;
    },
  },
};
