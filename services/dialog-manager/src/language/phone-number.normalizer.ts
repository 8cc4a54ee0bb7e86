import { readSpokenCharacters } from './spoken-characters.reader';

const PHONE_FILLERS: ReadonlySet<string> = new Set([
  'my', 'phone', 'cell', 'mobile', 'number', 'is', "it's", 'its', 'it', 'the', 'um', 'uh', 'er', "that's",
  'plus', 'area', 'code', 'dash', 'hyphen', 'please',
]);

/** Ten digits whose area code starts with 2-9 (NANP), after an optional country code 1. */
const US_NUMBER = /^1?([2-9]\d{9})$/;

/** "5551234567" or "15551234567" → "+15551234567"; undefined for anything else. */
export function usPhoneNumberFromDigits(digits: string): string | undefined {
  const match = US_NUMBER.exec(digits);
  return match ? `+1${match[1]}` : undefined;
}

/**
 * A spoken or written US phone number in E.164: "five five five, one two three, four five six
 * seven", "(555) 123-4567", "+1 555 123 4567" → "+15551234567"; "oh" and "o" are zero. Undefined
 * when any word is not a digit or the digits are not a US number.
 */
export function normalizePhoneNumber(spoken: string): string | undefined {
  const digits = readSpokenCharacters(spoken, { letters: false, fillers: PHONE_FILLERS });
  return digits === undefined ? undefined : usPhoneNumberFromDigits(digits);
}
