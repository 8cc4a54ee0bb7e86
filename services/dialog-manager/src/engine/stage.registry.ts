import { END_STAGE, type StageDefinition } from '../flows';
import type { StageBehaviour } from './stage.behaviour';
import type { HangUpReason } from './turn-engine.contract';
import { BOOKING_STAGE } from './stages/booking.stage';
import { CONSENT_STAGE } from './stages/consent.stage';
import { GREETING_STAGE } from './stages/greeting.stage';
import { IDENTIFY_STAGE } from './stages/identify.stage';
import { INTAKE_PAYER_STAGE, INTAKE_REVIEW_STAGE, INTAKE_SCHEDULE_STAGE } from './stages/intake.stage';
import { FAQ_STAGE, INTENT_STAGE } from './stages/intent.stage';
import { INTRO_STAGE } from './stages/intro.stage';
import { MESSAGE_STAGE, TRANSFER_STAGE } from './stages/message.stage';
import { PRESENT_STAGE } from './stages/present.stage';
import { QUALIFY_STAGE } from './stages/qualify.stage';
import { CONFIRM_STAGE, SCHEDULE_STAGE } from './stages/schedule.stage';
import { VERIFY_STAGE } from './stages/verify.stage';

/**
 * The behaviour of each stage the default flows define, by stage id. A stage not listed (an
 * intake question, a tenant's extra question) uses the defaults; a stage whose every outcome
 * is END is a closing stage: it says its line and hangs up.
 */
export const STAGE_BEHAVIOURS: Readonly<Record<string, StageBehaviour>> = {
  INTRO: INTRO_STAGE,
  CONSENT: CONSENT_STAGE,
  VERIFY: VERIFY_STAGE,
  PRESENT: PRESENT_STAGE,
  QUALIFY: QUALIFY_STAGE,
  SCHEDULE: SCHEDULE_STAGE,
  CONFIRM: CONFIRM_STAGE,
  GREETING: GREETING_STAGE,
  IDENTIFY: IDENTIFY_STAGE,
  INTENT: INTENT_STAGE,
  FAQ: FAQ_STAGE,
  BOOKING: BOOKING_STAGE,
  MESSAGE: MESSAGE_STAGE,
  TRANSFER: TRANSFER_STAGE,
  INTAKE_PAYER: INTAKE_PAYER_STAGE,
  INTAKE_SCHEDULE: INTAKE_SCHEDULE_STAGE,
  INTAKE_REVIEW: INTAKE_REVIEW_STAGE,
};

/** Why the call ends when a closing stage is reached. */
export const CLOSING_REASONS: Readonly<Record<string, HangUpReason>> = {
  CLOSE_WRONG_PERSON: 'wrong-person',
  CLOSE_REFUSED: 'consent-refused',
  CLOSE_NOT_INTERESTED: 'not-interested',
};

export function isClosingStage(stage: StageDefinition): boolean {
  const targets = Object.values(stage.next);
  return targets.length > 0 && targets.every((target) => target === END_STAGE);
}

export function behaviourOf(stageId: string): StageBehaviour {
  return STAGE_BEHAVIOURS[stageId] ?? {};
}
