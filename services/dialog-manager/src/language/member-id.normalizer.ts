import { readSpokenCharacters } from './spoken-characters.reader';

const MEMBER_ID_FILLERS: ReadonlySet<string> = new Set([
  'my', 'member', 'id', 'identification', 'number', 'is', "it's", 'its', 'it', 'the', 'um', 'uh', 'er', "that's",
  'dash', 'hyphen', 'space', 'please',
]);

/** Upper-case letters and digits, 3 to 20 of them. */
export const MEMBER_ID_PATTERN = /^[A-Z0-9]{3,20}$/;

/**
 * A spoken member id as upper-case letters and digits, 3 to 20 characters: "x o f eight four five
 * one two" or "XOF 84512" → "XOF84512", "one two three, four five six" → "123456". Undefined
 * when any word cannot be read as a character or the length is out of range.
 */
export function normalizeMemberId(spoken: string): string | undefined {
  const characters = readSpokenCharacters(spoken, { letters: true, fillers: MEMBER_ID_FILLERS });
  return characters !== undefined && MEMBER_ID_PATTERN.test(characters) ? characters : undefined;
}
