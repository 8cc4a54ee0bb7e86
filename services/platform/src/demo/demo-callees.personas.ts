import type { PersonaScript } from '@va/sandbox';

/** What a demo callee does when the platform calls. */
export type CalleeBehaviour = 'books' | 'opts-out' | 'on-dnc' | 'voicemail' | 'no-answer';

/** A simulated person the campaign targets: the CRM fields the demo creates through the API, and their part. */
export interface DemoCallee {
  readonly behaviour: CalleeBehaviour;
  readonly firstName: string;
  readonly lastName: string;
  readonly phoneE164: string;
  readonly dateOfBirth: string;
  /** What the person (or machine) at the number plays; none for a line that is never answered. */
  readonly script?: PersonaScript;
}

const STEP_TIMEOUT_MS = 20_000;
const REPLY_AFTER_SILENCE_MS = 300;

function say(text: string) {
  return { say: text, afterAgentSilenceMs: REPLY_AFTER_SILENCE_MS };
}

function hear(heard: RegExp) {
  return { waitForAgent: { heard, timeoutMs: STEP_TIMEOUT_MS } };
}

/** Margaret consents, is verified, hears the dental offer, books the first free slot and confirms it. */
const BOOKER: PersonaScript = [
  hear(/May I speak with Margaret/),
  say('yes, speaking'),
  hear(/couple of minutes/),
  say('sure'),
  hear(/date of birth/),
  say('march third fifty two'),
  hear(/March 3rd, 1952/),
  say('yes'),
  hear(/Would you like to hear more/),
  say('yes please'),
  hear(/just for you/),
  say('just me, as soon as possible'),
  hear(/work for you/),
  say('the first one'),
  hear(/Just to confirm/),
  say('yes'),
  hear(/will call you/),
  { expectHangUpWithinMs: STEP_TIMEOUT_MS },
];

/** Walter takes the call and asks not to be called again. */
const OPT_OUT: PersonaScript = [
  hear(/May I speak with Walter/),
  say('yes, speaking'),
  hear(/couple of minutes/),
  say('stop calling me'),
  hear(/off our call list/),
  { expectHangUpWithinMs: STEP_TIMEOUT_MS },
];

/** Victor's answering machine: it records the agent's short voicemail, and the agent hangs up. */
const ANSWERING_MACHINE: PersonaScript = [hear(/call back when it suits you/), { expectHangUpWithinMs: STEP_TIMEOUT_MS }];

/** Dina is on the DNC list before the campaign starts: were she ever called, she would only hang up. */
const NEVER_TO_BE_CALLED: PersonaScript = [{ hangUp: true }];

/** The campaign's callees, one per behaviour (numbers in the 555 fictional range). */
export const DEMO_CALLEES: readonly DemoCallee[] = [
  { behaviour: 'books', firstName: 'Margaret', lastName: 'Hale', phoneE164: '+12025550101', dateOfBirth: '1952-03-03', script: BOOKER },
  { behaviour: 'opts-out', firstName: 'Walter', lastName: 'Price', phoneE164: '+12025550102', dateOfBirth: '1961-08-14', script: OPT_OUT },
  { behaviour: 'on-dnc', firstName: 'Dina', lastName: 'Shah', phoneE164: '+12025550103', dateOfBirth: '1970-01-22', script: NEVER_TO_BE_CALLED },
  { behaviour: 'voicemail', firstName: 'Victor', lastName: 'Lane', phoneE164: '+12025550104', dateOfBirth: '1958-11-30', script: ANSWERING_MACHINE },
  { behaviour: 'no-answer', firstName: 'Nora', lastName: 'Quinn', phoneE164: '+12025550105', dateOfBirth: '1966-05-09' },
];

/** The callees the dialer must place a call to (everyone but the number on the DNC list). */
export const EXPECTED_DIALS = DEMO_CALLEES.filter((callee) => callee.behaviour !== 'on-dnc').length;

/** The inbound call: a new patient phones the clinic, gives name and date of birth, and asks its opening hours. */
export const CLINIC_CALLER: { readonly from: string; readonly script: PersonaScript } = {
  from: '+13125550199',
  script: [
    hear(/first and last name/),
    say('my name is Jane Doe'),
    hear(/date of birth/),
    say('march third fifty two'),
    hear(/March 3rd, 1952/),
    say('yes'),
    hear(/How can I help/),
    say('what are your office hours'),
    hear(/Monday through Friday/),
    { expectHangUpWithinMs: STEP_TIMEOUT_MS },
  ],
};
