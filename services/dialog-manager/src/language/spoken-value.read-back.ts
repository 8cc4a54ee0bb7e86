import { parseIsoDate } from './calendar-date';

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

function ordinalSuffix(day: number): string {
  if (day >= 11 && day <= 13) return 'th';
  switch (day % 10) {
    case 1:
      return 'st';
    case 2:
      return 'nd';
    case 3:
      return 'rd';
    default:
      return 'th';
  }
}

/** "1952-03-03" → "March 3rd, 1952". Throws on a malformed date: normalised values only. */
export function readBackDateOfBirth(isoDate: string): string {
  const date = parseIsoDate(isoDate);
  if (!date) throw new Error('readBackDateOfBirth expects a normalised ISO date');
  return `${MONTH_NAMES[date.month - 1]} ${date.day}${ordinalSuffix(date.day)}, ${date.year}`;
}

/** "XOF84512" → "X O F 8 4 5 1 2": one character at a time, so speech synthesis spells it. */
export function readBackMemberId(memberId: string): string {
  return [...memberId].join(' ');
}

/** "+15551234567" → "5 5 5, 1 2 3, 4 5 6 7": digit by digit, in the groups people say them. */
export function readBackPhoneNumber(e164: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (!match) throw new Error('readBackPhoneNumber expects a normalised US number in E.164 form');
  return match
    .slice(1)
    .map((group) => [...group].join(' '))
    .join(', ');
}
