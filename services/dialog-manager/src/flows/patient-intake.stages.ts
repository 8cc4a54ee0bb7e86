import type { SlotDefinition, StageDefinition } from './flow.definition';
import { NO_MEDICAL_ADVICE } from './stage-goal.phrases';

interface IntakeQuestion {
  readonly goal: string;
  readonly enter: string;
  readonly reprompt: string;
  readonly simplify: string;
  readonly slots: SlotDefinition[];
  readonly next: Record<string, string>;
  /** For the member ID and date of birth questions. */
  readonly handlesIdentity?: true;
}

/** One intake question: the slots it captures (its prompt sees only those), no tools. */
function intakeQuestion(question: IntakeQuestion): StageDefinition {
  return {
    goal: `${question.goal} ${NO_MEDICAL_ADVICE}`,
    say: { enter: question.enter, reprompt: question.reprompt, simplify: question.simplify },
    slots: question.slots,
    allowedTools: [],
    promptFields: question.slots.map((slot) => slot.name),
    ...(question.handlesIdentity === undefined ? {} : { handlesIdentity: true }),
    next: question.next,
  };
}

/**
 * A clinic's patient intake (DOMAIN.md), one question per stage: insurance (payer, member ID),
 * reason for the visit, name, date of birth, phone, address, preferred pharmacy, emergency
 * contact, a first visit, then INTAKE_REVIEW reads the whole form back and saves it. Only the
 * member ID, date of birth and review stages handle identity.
 */
export const PATIENT_INTAKE_STAGES: Readonly<Record<string, StageDefinition>> = {
  INTAKE_PAYER: intakeQuestion({
    goal: 'Start the new-patient intake: ask for the name of their insurance company, or note that they have none.',
    enter: "Let's get you set up. Which insurance company are you with?",
    reprompt: 'What is the name of your health insurance company?',
    simplify: 'Who is your insurance with?',
    slots: [{ name: 'payer', kind: 'free-text', required: false, readBack: false }],
    next: { answered: 'INTAKE_MEMBER_ID', uninsured: 'INTAKE_REASON' },
  }),
  INTAKE_MEMBER_ID: intakeQuestion({
    goal: 'Capture the member ID from their insurance card, read it back character by character.',
    enter: 'And what is the member ID on your insurance card?',
    reprompt: 'Could you read me the member ID from your card, one character at a time?',
    simplify: 'What is the ID on your insurance card?',
    slots: [{ name: 'memberId', kind: 'member-id', required: true, readBack: true }],
    next: { answered: 'INTAKE_REASON' },
    handlesIdentity: true,
  }),
  INTAKE_REASON: intakeQuestion({
    goal: "Note the reason for the visit in the caller's own words.",
    enter: 'Thanks. In a few words, what is the reason for your visit?',
    reprompt: 'What would you like to be seen for?',
    simplify: 'Why would you like to see the doctor?',
    slots: [{ name: 'reasonForVisit', kind: 'free-text', required: true, readBack: false }],
    next: { answered: 'INTAKE_NAME' },
  }),
  INTAKE_NAME: intakeQuestion({
    goal: "Capture the patient's full name, spelled if unclear.",
    enter: "What is the patient's full name?",
    reprompt: 'Could you spell the first and last name for me?',
    simplify: 'What is your full name?',
    slots: [{ name: 'patientName', kind: 'free-text', required: true, readBack: true }],
    next: { answered: 'INTAKE_DATE_OF_BIRTH' },
  }),
  INTAKE_DATE_OF_BIRTH: intakeQuestion({
    goal: "Capture the patient's date of birth and read it back.",
    enter: 'And the date of birth?',
    reprompt: 'Could you tell me the date of birth, with the month, day and year?',
    simplify: 'What day were you born?',
    slots: [{ name: 'dateOfBirth', kind: 'date-of-birth', required: true, readBack: true }],
    next: { answered: 'INTAKE_PHONE' },
    handlesIdentity: true,
  }),
  INTAKE_PHONE: intakeQuestion({
    goal: 'Capture the best phone number to reach the patient and read it back.',
    enter: 'What is the best phone number to reach you?',
    reprompt: 'Could you say that phone number again, digit by digit?',
    simplify: 'What is your phone number?',
    slots: [{ name: 'phone', kind: 'phone', required: true, readBack: true }],
    next: { answered: 'INTAKE_ADDRESS' },
  }),
  INTAKE_ADDRESS: intakeQuestion({
    goal: 'Capture the home address and read it back.',
    enter: 'What is your home address?',
    reprompt: 'Could you give me your street, city and zip code?',
    simplify: 'Where do you live?',
    slots: [{ name: 'address', kind: 'free-text', required: false, readBack: true }],
    next: { answered: 'INTAKE_PHARMACY' },
  }),
  INTAKE_PHARMACY: intakeQuestion({
    goal: 'Capture their preferred pharmacy (name and location), if they have one.',
    enter: 'Which pharmacy do you like to use?',
    reprompt: 'What is the name and location of your pharmacy?',
    simplify: 'Which pharmacy do you use?',
    slots: [{ name: 'preferredPharmacy', kind: 'free-text', required: false, readBack: false }],
    next: { answered: 'INTAKE_EMERGENCY_CONTACT' },
  }),
  INTAKE_EMERGENCY_CONTACT: intakeQuestion({
    goal: 'Capture an emergency contact: name, relationship and phone number (read back).',
    enter: 'Who should we call in an emergency? Their name, how they are related to you, and their phone number.',
    reprompt: 'Could you give me the name and phone number of an emergency contact?',
    simplify: 'Who is your emergency contact?',
    slots: [
      { name: 'emergencyContactName', kind: 'free-text', required: true, readBack: false },
      { name: 'emergencyContactRelationship', kind: 'free-text', required: false, readBack: false },
      { name: 'emergencyContactPhone', kind: 'phone', required: true, readBack: true },
    ],
    next: { answered: 'INTAKE_SCHEDULE', skipped: 'INTAKE_SCHEDULE' },
  }),
  INTAKE_SCHEDULE: {
    goal: 'Offer real free visit times and book the one picked, or skip if they would rather schedule later.',
    say: {
      enter: 'Would you like to book your first visit now? The next opening is {{slotTime}}.',
      reprompt: 'Would {{slotTime}} work for your first visit, or another time?',
      simplify: 'Can you come in at {{slotTime}}?',
    },
    slots: [{ name: 'slotTime', kind: 'slot-time', required: false, readBack: true }],
    allowedTools: ['check_broker_availability', 'schedule_appointment'],
    promptFields: ['freeSlots', 'brokerName', 'reasonForVisit', 'slotTime'],
    next: { booked: 'INTAKE_REVIEW', skipped: 'INTAKE_REVIEW' },
  },
  INTAKE_REVIEW: {
    goal: 'Read the whole intake back, fix anything the caller corrects, then save it.',
    say: {
      enter: 'Let me read that back. {{readBackSummary}} Is all of that correct?',
      reprompt: 'Is everything I read back correct?',
      simplify: 'Did I get it all right?',
    },
    slots: [{ name: 'intakeConfirmed', kind: 'yes-no', required: true, readBack: false }],
    allowedTools: ['save_intake'],
    promptFields: [
      'payer', 'memberId', 'reasonForVisit', 'patientName', 'dateOfBirth', 'phone', 'address', 'preferredPharmacy',
      'emergencyContactName', 'emergencyContactRelationship', 'emergencyContactPhone', 'appointment',
    ],
    handlesIdentity: true,
    next: { saved: 'CLOSE', corrected: 'INTAKE_REVIEW' },
  },
};

/** The intake stage the reception flow enters first. */
export const FIRST_INTAKE_STAGE = 'INTAKE_PAYER';
