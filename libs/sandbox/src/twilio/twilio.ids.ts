import { randomBytes } from 'node:crypto';

/** A Twilio SID: two-letter prefix (CA call, MZ media stream) and 32 lower-case hex digits. */
export function newSid(prefix: 'CA' | 'MZ'): string {
  return prefix + randomBytes(16).toString('hex');
}

/** Twilio's date format in REST resources and webhook `Timestamp`s: RFC 2822 with a numeric zone. */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}
