import { classifyYesNo } from '../language';
import { ENGINE_POLICY } from './engine.policy';
import { ENGINE_PHRASES } from './engine.phrases';
import { FACT } from './engine-fact.names';
import type { EngineTurn } from './engine.turn';
import { encodeOfferedSlots, offeredSlots, startTimesOf } from './offered-slots';
import { sayingTimeZone } from './slot-time.values';
import { pickOfferedSlot } from './slot-time.picker';
import { resultString } from './stage.behaviour';
import type { ToolOutcomeView } from './turn-engine.contract';

/**
 * Offering a broker's free times and booking the one picked, shared by the stages that book
 * (SCHEDULE, BOOKING, INTAKE_SCHEDULE). Each stage decides what to say and where to go.
 */

/** Asks for the client's broker's free times; false when there is nobody to ask about. */
export function requestFreeTimes(turn: EngineTurn): boolean {
  const clientId = turn.clientId;
  const brokerId = turn.fact(FACT.brokerId);
  if (clientId === undefined && brokerId === undefined) return false;
  turn.callTool(
    'check_broker_availability',
    { ...(clientId === undefined ? { brokerId } : { clientId }), limit: ENGINE_POLICY.slotsOffered },
    'availability',
  );
  return true;
}

/** Keeps the times check_broker_availability returned; false when there are none. */
export function takeFreeTimes(turn: EngineTurn, outcome: ToolOutcomeView): boolean {
  if (!outcome.ok) return false;
  const times = startTimesOf(outcome.result['slots']).slice(0, ENGINE_POLICY.slotsOffered);
  turn.remember({
    [FACT.slotTimeZone]: resultString(outcome.result, 'timeZone'),
    [FACT.brokerId]: resultString(outcome.result, 'brokerId') ?? turn.fact(FACT.brokerId),
    [FACT.brokerName]: turn.fact(FACT.brokerName) ?? resultString(outcome.result, 'brokerName'),
    [FACT.offeredSlots]: times.length === 0 ? undefined : encodeOfferedSlots(times),
  });
  return times.length > 0;
}

export type SlotPick = 'booking' | 'declined' | 'unclear';

/** The caller answered an offer of times: books the one picked, or says which it could not tell. */
export function pickAndBook(turn: EngineTurn, text: string, purpose: string): SlotPick {
  const offered = offeredSlots(turn.session);
  const answer = classifyYesNo(text);
  const picked = pickOfferedSlot(text, offered, sayingTimeZone(turn.session)) ?? (answer === 'yes' && offered.length === 1 ? offered[0] : undefined);
  if (picked === undefined) {
    if (answer === 'no') return 'declined';
    turn.sayTemplate(ENGINE_PHRASES.whichSlot);
    return 'unclear';
  }
  const clientId = turn.clientId;
  turn.callTool(
    'schedule_appointment',
    { brokerId: turn.fact(FACT.brokerId), ...(clientId === undefined ? {} : { clientId }), startsAt: picked, purpose },
    'booking',
  );
  return 'booking';
}

export type BookingResult = 'booked' | 'alternatives-offered' | 'no-times';

/** schedule_appointment answered: keeps the booking, or offers the alternatives of a conflict. */
export function takeBooking(turn: EngineTurn, outcome: ToolOutcomeView): BookingResult {
  if (outcome.ok) {
    turn.remember({
      [FACT.appointmentId]: resultString(outcome.result, 'appointmentId'),
      [FACT.appointmentStartsAt]: resultString(outcome.result, 'startsAt'),
      [FACT.offeredSlots]: undefined,
    });
    return 'booked';
  }
  const alternatives = startTimesOf(outcome.details?.['alternatives']).slice(0, ENGINE_POLICY.slotsOffered);
  if (alternatives.length === 0) {
    turn.remember({ [FACT.offeredSlots]: undefined });
    return 'no-times';
  }
  turn.remember({ [FACT.offeredSlots]: encodeOfferedSlots(alternatives) });
  turn.sayTemplate(ENGINE_PHRASES.slotTaken);
  return 'alternatives-offered';
}
