import { redactString } from '@va/observability';
import type { ApiRole } from '../auth/api.caller';

/** A phone number with all but its last two digits hidden ("+*********67"). */
export function maskPhone(phone: string): string {
  return phone.replace(/[0-9](?=[0-9]{2})/g, '*');
}

/** What a role sees of a number: auditors see it masked. */
export function phoneForRole(role: ApiRole, phone: string): string {
  return role === 'auditor' ? maskPhone(phone) : phone;
}

/** What a role sees of transcript text: auditors see it with PHI (numbers, dates, emails...) redacted. */
export function transcriptForRole(role: ApiRole, text: string): string {
  return role === 'auditor' ? redactString(text) : text;
}
