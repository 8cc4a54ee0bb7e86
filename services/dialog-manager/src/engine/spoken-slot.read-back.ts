import type { SlotKind } from '../flows';
import { readBackDateOfBirth, readBackMemberId, readBackPhoneNumber } from '../language';

/** How a captured value is said back to the caller: spelled, grouped or as a date. */
export function sayValueBack(kind: SlotKind, value: string): string {
  switch (kind) {
    case 'date-of-birth':
      return readBackDateOfBirth(value);
    case 'member-id':
      return readBackMemberId(value);
    case 'phone':
      return readBackPhoneNumber(value);
    default:
      return value;
  }
}
