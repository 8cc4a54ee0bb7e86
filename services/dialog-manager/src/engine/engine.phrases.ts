/**
 * Lines the engine says that no flow defines: read-backs, keypad offers, tool trouble. Templates
 * use only {{tenantName}}, {{agentName}} and the placeholders named beside each, never anything
 * about a client that a wrong person could hear (the verification lines say nothing of the record).
 */
export const ENGINE_PHRASES = Object.freeze({
  readBack: 'I have {{value}}. Is that right?',
  readBackDenied: "Sorry about that. Let's try again.",
  readBackUnclear: 'Just to check, I have {{value}}. Is that right?',
  keypadDateOfBirth: 'You can also type it on your phone keypad: two digits for the month, two for the day, and four for the year.',
  keypadMemberId: 'You can also type the numbers on your phone keypad, then press the pound key.',
  keypadPhone: 'You can also type the number on your phone keypad, then press the pound key.',
  keypadInvalid: "Sorry, that didn't work. Please try typing it again.",
  verificationMismatch: "Sorry, I couldn't confirm that. Could you tell me your date of birth once more?",
  toolUnavailable: "I'm sorry, I'm having trouble looking that up right now. Would it be alright if someone from {{tenantName}} called you back?",
  callbackBooked: 'Thanks. Someone from {{tenantName}} will call you back. Goodbye!',
  callbackFailed: "Sorry, I couldn't set that up. Please call {{tenantName}} back any time. Goodbye.",
  callbackDeclined: 'No problem. Thanks for your time. Goodbye!',
  nothingToOffer: "Thanks for confirming. I don't have a plan to suggest for you today, but {{tenantName}} is always happy to help. Goodbye!",
  slotTaken: 'Sorry, that time was just taken. I can offer {{slotTime}} instead. Would one of those work?',
  whichSlot: 'Which works better for you: {{slotTime}}?',
  noFreeTimes: "I'm sorry, there are no open times right now.",
  bookingNeedsOffice: "I'll take a message so the office can help with that.",
  bookedReadBack: "You're all set for {{slotTime}}.",
  faqNotFound: "I don't have that information, but I can take a message for the office.",
  transferUnavailable: "Nobody's free to take the call right now, so let me take a message.",
  intakeRestart: "No problem, let's go through it again.",
  intakeSaveFailed: "I'm sorry, I couldn't save that just now. Would it be alright if someone from {{tenantName}} called you back?",
  askCallbackPhone: "And what's the best number to call you back?",
  askEmergencyContactRelationship: 'How are they related to you?',
  askEmergencyContactPhone: 'And what is their phone number?',
});

/** The question for one slot of a stage that captures several, asked once the earlier ones are in. */
export const SLOT_QUESTIONS: Readonly<Record<string, string>> = {
  callbackPhone: ENGINE_PHRASES.askCallbackPhone,
  emergencyContactRelationship: ENGINE_PHRASES.askEmergencyContactRelationship,
  emergencyContactPhone: ENGINE_PHRASES.askEmergencyContactPhone,
};
