import { FACT } from './engine-fact.names';
import type { EngineTurn } from './engine.turn';
import { resultRecord, resultString } from './stage.behaviour';

/** Keeps what get_client_profile answered that later lines need (never the date of birth: the tool does not return it). */
export function rememberClientProfile(turn: EngineTurn, result: Readonly<Record<string, unknown>>): void {
  const broker = resultRecord(result, 'assignedBroker');
  const gaps = Array.isArray(result['coverageGaps']) ? result['coverageGaps'].filter((gap): gap is string => typeof gap === 'string') : [];
  turn.remember({
    [FACT.clientId]: resultString(result, 'clientId'),
    [FACT.clientFirstName]: resultString(result, 'firstName'),
    [FACT.currentPlan]: resultString(result, 'currentPlan'),
    [FACT.coverageGap]: gaps[0],
    [FACT.clientTimeZone]: resultString(result, 'timeZone'),
    [FACT.brokerId]: broker === undefined ? undefined : resultString(broker, 'brokerId'),
    [FACT.brokerName]: broker === undefined ? undefined : resultString(broker, 'name'),
  });
}
