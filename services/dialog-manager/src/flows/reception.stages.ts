import type { FlowDefinition, StageDefinition } from './flow.definition';
import { NO_MEDICAL_ADVICE } from './stage-goal.phrases';

/**
 * The receptionist's stages every inbound flow shares (DOMAIN.md, "Inbound call"): GREETING →
 * IDENTIFY → (the flow's own INTENT) → FAQ | BOOKING | MESSAGE | TRANSFER → CLOSE.
 */
export const RECEPTION_STAGES: Readonly<Record<string, StageDefinition>> = {
  GREETING: {
    goal: 'Greet the caller, give both disclosures, and ask for their name.',
    say: {
      enter: 'Thanks for calling {{tenantName}}, this is {{agentName}}. {{automatedDisclosure}} {{recordingDisclosure}} May I have your first and last name?',
      reprompt: 'Could I have your first and last name, please?',
      simplify: 'What is your name?',
    },
    slots: [{ name: 'callerName', kind: 'free-text', required: true, readBack: false }],
    allowedTools: [],
    promptFields: [],
    next: { named: 'IDENTIFY', declined: 'INTENT' },
  },
  IDENTIFY: {
    goal: "Find the caller's record: look up their phone number and check the date of birth they give, read back first.",
    say: {
      enter: 'Thank you. And what is your date of birth?',
      reprompt: 'Could you tell me your date of birth, with the month, day and year?',
      simplify: 'What day were you born?',
    },
    slots: [{ name: 'dateOfBirth', kind: 'date-of-birth', required: true, readBack: true }],
    allowedTools: ['get_client_profile'],
    promptFields: ['callerName', 'callerPhone', 'dateOfBirth'],
    handlesIdentity: true,
    next: { identified: 'INTENT', notFound: 'INTENT', declined: 'INTENT' },
  },
  FAQ: {
    goal: `Answer questions about office hours, accepted insurance and locations from the knowledge base only. If it is not there, offer to take a message. ${NO_MEDICAL_ADVICE}`,
    say: {
      enter: 'Sure, what would you like to know?',
      reprompt: 'What can I answer for you?',
      simplify: 'What is your question?',
    },
    slots: [{ name: 'question', kind: 'free-text', required: true, readBack: false }],
    allowedTools: ['lookup_faq'],
    promptFields: ['callerName'],
    conversational: true,
    next: { answered: 'CLOSE', anotherQuestion: 'FAQ', otherNeed: 'INTENT', notFound: 'MESSAGE' },
  },
  BOOKING: {
    goal: 'Book, reschedule or cancel an appointment: offer real free times, book the one picked and read it back.',
    say: {
      enter: 'Happy to help with that. Are you looking to book a new appointment, move one, or cancel one?',
      reprompt: 'Would you like a new appointment, or to change or cancel one you have?',
      simplify: 'New appointment, change, or cancel?',
    },
    slots: [
      { name: 'bookingAction', kind: 'choice', required: true, readBack: false, choices: ['book', 'reschedule', 'cancel'] },
      { name: 'slotTime', kind: 'slot-time', required: false, readBack: true },
    ],
    allowedTools: ['check_broker_availability', 'schedule_appointment', 'reschedule_appointment', 'cancel_appointment'],
    promptFields: ['callerName', 'clientFirstName', 'freeSlots', 'appointment', 'brokerName', 'clientTimeZone'],
    next: { done: 'CLOSE', noSuitableTime: 'MESSAGE' },
  },
  MESSAGE: {
    goal: 'Take a short message and a callback number (read back), and promise a callback, not a time.',
    say: {
      enter: "I'd be glad to take a message. What would you like me to pass along, and what's the best number to call you back?",
      reprompt: "What's the message, and the best number to reach you?",
      simplify: 'What should I tell them?',
    },
    slots: [
      { name: 'message', kind: 'free-text', required: true, readBack: false },
      { name: 'callbackPhone', kind: 'phone', required: true, readBack: true },
    ],
    allowedTools: ['take_message', 'request_callback'],
    promptFields: ['callerName', 'callerPhone', 'message', 'callbackPhone'],
    next: { taken: 'CLOSE' },
  },
  TRANSFER: {
    goal: 'Connect the caller with a person; if nobody is available, take a message instead.',
    say: {
      enter: 'Of course. Let me connect you with someone now.',
      reprompt: 'One moment while I connect you.',
      simplify: 'Please hold.',
    },
    slots: [],
    allowedTools: ['transfer_to_human'],
    promptFields: ['callerName'],
    next: { transferred: 'END', unavailable: 'MESSAGE' },
  },
  CLOSE: {
    goal: 'Check nothing else is needed, thank the caller and end the call.',
    say: {
      enter: 'Thanks for calling {{tenantName}}. Take care!',
      reprompt: 'Thanks for calling. Goodbye!',
      simplify: 'Goodbye!',
    },
    slots: [],
    allowedTools: ['end_call'],
    promptFields: [],
    next: { done: 'END' },
  },
};

export const RECEPTION_DISCLOSURES: FlowDefinition['disclosures'] = {
  automated: "I'm an automated assistant.",
  recording: 'This call may be recorded for quality.',
};

export const RECEPTION_HANDLERS: FlowDefinition['handlers'] = {
  optOut: { say: "Understood, I've taken your number off our call list. Goodbye." },
  human: {
    transferToAssignedBroker: false,
    transferSay: 'Of course. Let me connect you with someone now.',
    callbackOfferSay: "Nobody's free to take the call right now, but I can have someone call you back. Would that work?",
  },
  emergency: { say: 'If this is an emergency, please hang up and call 911 right now.' },
  confusion: {
    offerCallbackAfterCount: 3,
    callbackOfferSay: 'Sorry for the confusion. Would it be easier if someone from {{tenantName}} called you back?',
  },
  silence: { silenceMs: 6000, maxReprompts: 2, endSay: "I'm having trouble hearing you. Please call us back any time. Goodbye." },
  answeringMachine: { action: 'hang-up', voicemailSay: 'Hi, this is {{agentName}} from {{tenantName}}. Sorry we missed you. Goodbye.' },
};
