/**
 * What counts as PHI (or a secret) in logs, span attributes and metric labels. This file is
 * the whole policy; phi.redactor.ts only applies it.
 */

export const REDACTED = '[REDACTED]';

/** Objects nested deeper than this are replaced by TRUNCATED. */
export const MAX_REDACTION_DEPTH = 8;
export const TRUNCATED = '[truncated]';
export const CIRCULAR = '[circular]';

/**
 * Keys are compared after normalizeKey (lowercase, without "_", "-", "." and spaces), so
 * phoneNumber, phone_number and phone-number are one key.
 */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_.\s]/g, '');
}

/** Normalized keys whose value is redacted whole. Generic words (name, text, to) match exactly. */
export const PHI_KEYS: ReadonlySet<string> = new Set([
  // phone numbers, including Twilio webhook parameters
  'phone', 'phonenumber', 'from', 'to', 'fromnumber', 'tonumber', 'caller', 'callee', 'called',
  'callernumber', 'calleenumber', 'callednumber', 'forwardedfrom', 'ani',
  // caller location (Twilio geo parameters)
  'fromcity', 'fromstate', 'fromzip', 'tocity', 'tostate', 'tozip', 'callercity', 'callerstate',
  'callerzip', 'calledcity', 'calledstate', 'calledzip',
  // dates of birth and identifiers
  'dob', 'dateofbirth', 'birthdate', 'birthday', 'memberid', 'ssn', 'socialsecuritynumber',
  // names
  'name', 'firstname', 'lastname', 'fullname', 'middlename', 'givenname', 'familyname',
  'callername', 'calleename', 'patientname', 'membername', 'clientname', 'contactname',
  // addresses
  'address', 'street', 'streetaddress', 'homeaddress', 'mailingaddress', 'billingaddress', 'addressline1', 'addressline2', 'city', 'zip', 'zipcode',
  'postalcode', 'postcode',
  // contact
  'email', 'emailaddress',
  // what people said or what is known about them
  'transcript', 'text', 'utterance', 'notes', 'note', 'diagnosis', 'diagnoses', 'prompt', 'completion',
  // secrets
  'token', 'accesstoken', 'refreshtoken', 'authtoken', 'idtoken',
]);

/** Fragments specific enough to redact any normalized key that contains them. */
export const PHI_KEY_FRAGMENTS: readonly string[] = [
  'phone', 'email', 'dateofbirth', 'birthdate', 'memberid', 'transcript', 'utterance', 'diagnos',
  'postalcode', 'zipcode', 'firstname', 'lastname', 'fullname', 'streetaddress',
  'password', 'secret', 'apikey', 'authorization', 'cookie', 'credential',
];

export function isPhiKey(key: string): boolean {
  const normalized = normalizeKey(key);
  return PHI_KEYS.has(normalized) || PHI_KEY_FRAGMENTS.some((fragment) => normalized.includes(fragment));
}

export interface PhiPattern {
  readonly kind: string;
  /** Global regular expression; applied in list order with String.prototype.replace. */
  readonly pattern: RegExp;
  readonly replacement: string;
}

const DAY = '(?:0[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0[1-9]|1[0-2])';
const LOOSE_DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const LOOSE_MONTH = '(?:0?[1-9]|1[0-2])';
const YEAR = '(?:19|20)\\d{2}';

/**
 * Substrings masked in every string, whatever its key. Order matters: credentials and
 * emails go before phone numbers so their digits are consumed first.
 */
export const PHI_PATTERNS: readonly PhiPattern[] = [
  {
    kind: 'url-credentials',
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]+@/gi,
    replacement: `$1:${REDACTED}@`,
  },
  {
    kind: 'email',
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g,
    replacement: '[REDACTED:email]',
  },
  { kind: 'ssn', pattern: /\b\d{3}-\d{2}-\d{4}\b/g, replacement: '[REDACTED:ssn]' },
  {
    // A bare calendar date; a date followed by a time of day (a timestamp) is left alone.
    kind: 'date',
    pattern: new RegExp(`\\b${YEAR}-${MONTH}-${DAY}\\b(?![T ]\\d{2}:\\d{2})`, 'g'),
    replacement: '[REDACTED:date]',
  },
  {
    kind: 'date',
    pattern: new RegExp(`\\b${LOOSE_MONTH}([/-])${LOOSE_DAY}\\1${YEAR}\\b`, 'g'),
    replacement: '[REDACTED:date]',
  },
  {
    // E.164 and other international numbers: "+" then 8 to 15 digits, separators allowed.
    kind: 'phone',
    pattern: /(?<![\w+])\+[1-9](?:[\s.()-]{0,2}\d){7,14}(?!\d)/g,
    replacement: '[REDACTED:phone]',
  },
  {
    // NANP numbers without "+": (555) 234-5678, 555.234.5678, 1-555-234-5678, 5552345678.
    kind: 'phone',
    pattern: /(?<![\w+.])(?:1[\s.-]?)?(?:\([2-9]\d{2}\)|[2-9]\d{2})[\s.-]?[2-9]\d{2}[\s.-]?\d{4}(?!\w|\.\d)/g,
    replacement: '[REDACTED:phone]',
  },
];
