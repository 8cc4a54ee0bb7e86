import { formatIsoDate, isPlausibleBirthDate, parseToday } from './calendar-date';
import { MEMBER_ID_PATTERN } from './member-id.normalizer';
import { usPhoneNumberFromDigits } from './phone-number.normalizer';

/** The values a caller may enter on the keypad after spoken capture failed twice. */
export type DtmfValueKind = 'date-of-birth' | 'member-id' | 'phone-number';

/**
 * Where a keypad entry stands: still being typed, a normalised value (the same form the spoken
 * normalisers return), or keys that can never become a valid value (ask again).
 */
export type DtmfEntry =
  | { readonly status: 'pending' }
  | { readonly status: 'complete'; readonly value: string }
  | { readonly status: 'invalid' };

export interface DtmfEntryContext {
  /** Today's date where the caller is, "YYYY-MM-DD"; used for dates of birth. */
  readonly today: string;
}

/** A date of birth is exactly eight keys, MMDDYYYY; member ids and phone numbers end with '#'. */
export const DATE_OF_BIRTH_DTMF_DIGITS = 8;
export const DTMF_TERMINATOR = '#';
/** '*' clears what was typed so far: only keys after the last star count. */
export const DTMF_CLEAR = '*';

const PENDING: DtmfEntry = { status: 'pending' };
const INVALID: DtmfEntry = { status: 'invalid' };
const complete = (value: string): DtmfEntry => ({ status: 'complete', value });

function dateOfBirth(keys: string, context: DtmfEntryContext): DtmfEntry {
  const digits = keys.endsWith(DTMF_TERMINATOR) ? keys.slice(0, -1) : keys;
  if (!/^\d*$/.test(digits)) return INVALID;
  if (digits.length < DATE_OF_BIRTH_DTMF_DIGITS) return keys.endsWith(DTMF_TERMINATOR) ? INVALID : PENDING;
  if (digits.length > DATE_OF_BIRTH_DTMF_DIGITS) return INVALID;
  const date = { month: Number(digits.slice(0, 2)), day: Number(digits.slice(2, 4)), year: Number(digits.slice(4)) };
  return isPlausibleBirthDate(date, parseToday(context.today)) ? complete(formatIsoDate(date)) : INVALID;
}

function terminated(keys: string, toValue: (digits: string) => string | undefined): DtmfEntry {
  const end = keys.indexOf(DTMF_TERMINATOR);
  const digits = end === -1 ? keys : keys.slice(0, end);
  if (!/^\d*$/.test(digits) || (end !== -1 && end !== keys.length - 1)) return INVALID;
  if (end === -1) return PENDING;
  const value = toValue(digits);
  return value === undefined ? INVALID : complete(value);
}

const memberIdFromDigits = (digits: string) => (MEMBER_ID_PATTERN.test(digits) ? digits : undefined);

/**
 * Reads the keys pressed so far ("03031952", "84512#", "5551234567#") for the value being asked.
 * Member ids entered on the keypad can hold digits only.
 */
export function readDtmfEntry(kind: DtmfValueKind, keys: string, context: DtmfEntryContext): DtmfEntry {
  const current = keys.slice(keys.lastIndexOf(DTMF_CLEAR) + 1);
  switch (kind) {
    case 'date-of-birth':
      return dateOfBirth(current, context);
    case 'member-id':
      return terminated(current, memberIdFromDigits);
    case 'phone-number':
      return terminated(current, usPhoneNumberFromDigits);
  }
}
