export { normalizeDateOfBirth, type DateOfBirthContext } from './date-of-birth.normalizer';
export { normalizeMemberId, MEMBER_ID_PATTERN } from './member-id.normalizer';
export { normalizePhoneNumber, usPhoneNumberFromDigits } from './phone-number.normalizer';
export { readBackDateOfBirth, readBackMemberId, readBackPhoneNumber } from './spoken-value.read-back';
export {
  readDtmfEntry,
  DATE_OF_BIRTH_DTMF_DIGITS,
  DTMF_CLEAR,
  DTMF_TERMINATOR,
  type DtmfEntry,
  type DtmfEntryContext,
  type DtmfValueKind,
} from './dtmf-entry.reader';
export { isBackchannel, isBargeIn, BARGE_IN_MIN_WORDS, type BargeInOptions } from './backchannel.classifier';
export { classifyYesNo, type YesNoAnswer } from './yes-no.classifier';
export {
  classifyCallerIntent,
  CALLER_INTENT_PRECEDENCE,
  type CallerIntent,
  type CallerIntentResult,
} from './caller-intent.classifier';
export { ClauseSplitter, DEFAULT_FIRST_MIN_CHARS, type ClauseSplitterOptions } from './clause.splitter';
