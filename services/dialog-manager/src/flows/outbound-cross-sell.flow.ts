import type { FlowDefinition } from './flow.definition';
import { NO_MEDICAL_ADVICE, NO_PRICE_PROMISE } from './stage-goal.phrases';

/**
 * The brokerage's outbound cross-sell call (DOMAIN.md): INTRO → CONSENT → VERIFY → PRESENT →
 * QUALIFY → SCHEDULE → CONFIRM → CLOSE, with polite endings for a refusal, a wrong person and
 * a client who is not interested. Nothing about the client is said before VERIFY but their
 * first name, and the endings after a refusal or a wrong person say nothing about them at all.
 */
export const OUTBOUND_CROSS_SELL_FLOW: FlowDefinition = {
  id: 'outbound-cross-sell',
  direction: 'outbound',
  agent: { name: 'Ava', voiceId: 'warm-female' },
  disclosures: {
    automated: "I'm an automated assistant.",
    recording: 'This call may be recorded for quality.',
  },
  initialStage: 'INTRO',
  stages: {
    INTRO: {
      goal: 'Introduce yourself and the brokerage, give both disclosures, and ask for the client by first name. Say nothing else about them.',
      say: {
        enter: 'Hi, this is {{agentName}} calling from {{tenantName}}. {{automatedDisclosure}} {{recordingDisclosure}} May I speak with {{clientFirstName}}?',
        reprompt: 'Sorry, am I speaking with {{clientFirstName}}?',
        simplify: 'Is this {{clientFirstName}}?',
      },
      slots: [{ name: 'isClient', kind: 'yes-no', required: true, readBack: false }],
      allowedTools: [],
      promptFields: ['clientFirstName'],
      next: { reached: 'CONSENT', wrongPerson: 'CLOSE_WRONG_PERSON' },
    },
    CONSENT: {
      goal: 'Ask whether the caller is willing to continue for a couple of minutes, and record their answer.',
      say: {
        enter: "Great. I'm calling with a quick idea about your coverage. Is it okay if we talk for a couple of minutes?",
        reprompt: 'Do you have a couple of minutes to talk about your coverage?',
        simplify: 'Can we talk for two minutes?',
      },
      slots: [{ name: 'consentGiven', kind: 'yes-no', required: true, readBack: false }],
      allowedTools: ['record_consent'],
      promptFields: ['clientFirstName'],
      next: { granted: 'VERIFY', refused: 'CLOSE_REFUSED' },
    },
    VERIFY: {
      goal: 'Confirm you are speaking with the client by their date of birth, read back. Reveal nothing about the client until it matches.',
      say: {
        enter: 'Thanks. Before we go on, I just need to confirm who I\'m speaking with. What is your date of birth?',
        reprompt: 'Could you tell me your date of birth, with the month, day and year?',
        simplify: 'What day were you born? Month, day and year.',
      },
      slots: [{ name: 'dateOfBirth', kind: 'date-of-birth', required: true, readBack: true }],
      allowedTools: ['get_client_profile'],
      promptFields: ['clientFirstName', 'dateOfBirth'],
      handlesIdentity: true,
      next: { verified: 'PRESENT', failed: 'CLOSE_WRONG_PERSON' },
    },
    PRESENT: {
      goal: `Explain the coverage gap and the matching product in plain words. Prices are a range; the broker confirms the final price. ${NO_MEDICAL_ADVICE} ${NO_PRICE_PROMISE}`,
      say: {
        enter:
          "Thank you, {{clientFirstName}}. Your current plan doesn't include {{coverageGap}} coverage, and our {{productName}} plan could fill that gap. It usually runs {{priceRange}} a month, and your broker confirms the final price. Would you like to hear more?",
        reprompt: 'Would you like to hear a bit more about the {{productName}} plan?',
        simplify: 'Your plan has no {{coverageGap}} coverage. Want to hear about adding it?',
      },
      slots: [{ name: 'interested', kind: 'yes-no', required: true, readBack: false }],
      allowedTools: ['check_eligibility', 'get_product_pricing'],
      promptFields: ['clientFirstName', 'currentPlan', 'coverageGaps', 'eligibility', 'productName', 'priceRange'],
      conversational: true,
      next: { interested: 'QUALIFY', notInterested: 'CLOSE_NOT_INTERESTED' },
    },
    QUALIFY: {
      goal: `Learn who the coverage would be for (just them, with a spouse, or the family) and when they would want it to start. ${NO_MEDICAL_ADVICE} ${NO_PRICE_PROMISE}`,
      say: {
        enter: 'Great. Would this be just for you, for you and a spouse, or for your whole family? And are you hoping to start soon, or just looking for now?',
        reprompt: 'Who would the plan cover: just you, you and a spouse, or your family?',
        simplify: 'Is it just for you, or for your family too?',
      },
      slots: [
        { name: 'household', kind: 'choice', required: true, readBack: false, choices: ['individual', 'spouse', 'family'] },
        { name: 'timing', kind: 'choice', required: false, readBack: false, choices: ['soon', 'nextFewMonths', 'justLooking'] },
      ],
      allowedTools: [],
      promptFields: ['clientFirstName', 'productName', 'eligibility'],
      conversational: true,
      next: { qualified: 'SCHEDULE', notInterested: 'CLOSE_NOT_INTERESTED' },
    },
    SCHEDULE: {
      goal: "Offer real free times of the client's broker and book the one they pick. On a conflict, offer other times.",
      say: {
        enter: 'The next step is a short call with {{brokerName}}, your broker. Would {{slotTime}} work for you?',
        reprompt: 'Would {{slotTime}} work, or is there a better day or time?',
        simplify: 'Can {{brokerName}} call you at {{slotTime}}?',
      },
      slots: [{ name: 'slotTime', kind: 'slot-time', required: true, readBack: true }],
      allowedTools: ['check_broker_availability', 'schedule_appointment'],
      promptFields: ['clientFirstName', 'brokerName', 'freeSlots', 'clientTimeZone', 'productName', 'slotTime'],
      next: { booked: 'CONFIRM', declined: 'CLOSE_NOT_INTERESTED' },
    },
    CONFIRM: {
      goal: 'Read the booking back (day, time and broker) and get a yes. If they want a change, reschedule.',
      say: {
        enter: "Just to confirm: you're booked with {{brokerName}} on {{slotTime}}. Is that right?",
        reprompt: 'Is {{slotTime}} with {{brokerName}} correct?',
        simplify: 'Is {{slotTime}} okay?',
      },
      slots: [{ name: 'bookingConfirmed', kind: 'yes-no', required: true, readBack: false }],
      allowedTools: ['reschedule_appointment', 'cancel_appointment'],
      promptFields: ['brokerName', 'appointment', 'freeSlots', 'clientTimeZone'],
      next: { confirmed: 'CLOSE', changeRequested: 'SCHEDULE' },
    },
    CLOSE: {
      goal: 'Thank the client, say what happens next, and end the call.',
      say: {
        enter: "Perfect. {{brokerName}} will call you on {{slotTime}} to go over the details. Thanks so much, {{clientFirstName}}, and have a great day!",
        reprompt: '{{brokerName}} will call you on {{slotTime}}. Have a great day!',
        simplify: 'Talk soon. Goodbye!',
      },
      slots: [],
      allowedTools: ['end_call'],
      promptFields: ['clientFirstName', 'brokerName', 'appointment'],
      next: { done: 'END' },
    },
    CLOSE_NOT_INTERESTED: {
      goal: 'Thank the client warmly without pressing, and end the call.',
      say: {
        enter: "No problem at all. If you ever want to talk about it, {{tenantName}} is happy to help. Thanks for your time, {{clientFirstName}}, and have a great day!",
        reprompt: 'Thanks again for your time. Goodbye!',
        simplify: 'Thank you. Goodbye!',
      },
      slots: [],
      allowedTools: ['end_call'],
      promptFields: ['clientFirstName'],
      next: { done: 'END' },
    },
    CLOSE_REFUSED: {
      goal: 'The caller declined to continue: thank them and end the call politely.',
      say: {
        enter: 'Understood. Thanks for your time, and have a good day.',
        reprompt: 'Thanks for your time. Goodbye.',
        simplify: 'Goodbye.',
      },
      slots: [],
      allowedTools: ['end_call'],
      promptFields: [],
      next: { done: 'END' },
    },
    CLOSE_WRONG_PERSON: {
      goal: 'This is not the client, or they could not be verified: apologise and end the call without saying anything about the client.',
      say: {
        enter: 'Sorry for the bother. Have a good day.',
        reprompt: 'Sorry for the bother. Goodbye.',
        simplify: 'Goodbye.',
      },
      slots: [],
      allowedTools: ['end_call'],
      promptFields: [],
      next: { done: 'END' },
    },
  },
  handlers: {
    optOut: { say: "Understood, I've taken your number off our call list. Goodbye." },
    human: {
      transferToAssignedBroker: true,
      transferSay: 'Of course. Let me connect you with your broker now.',
      callbackOfferSay: "Nobody's free to take the call right now, but I can have your broker call you back. Would that work?",
    },
    emergency: { say: 'If this is an emergency, please hang up and call 911 right now.' },
    confusion: {
      offerCallbackAfterCount: 3,
      callbackOfferSay: "Sorry for the confusion. Would it be easier if someone from {{tenantName}} called you back at a better time?",
    },
    silence: { silenceMs: 6000, maxReprompts: 2, endSay: "I'm having trouble hearing you, so I'll let you go. Goodbye." },
    answeringMachine: {
      action: 'voicemail',
      voicemailSay: 'Hi, this is {{agentName}}, an automated assistant from {{tenantName}}. Please give us a call back when it suits you. Thank you.',
    },
  },
};
