import type { FlowDefinition } from './flow.definition';
import { FIRST_INTAKE_STAGE, PATIENT_INTAKE_STAGES } from './patient-intake.stages';
import { RECEPTION_DISCLOSURES, RECEPTION_HANDLERS, RECEPTION_STAGES } from './reception.stages';

/**
 * A clinic's inbound receptionist (DOMAIN.md): GREETING → IDENTIFY → INTENT → FAQ | BOOKING |
 * INTAKE_* | MESSAGE | TRANSFER → CLOSE.
 */
export const INBOUND_RECEPTION_FLOW: FlowDefinition = {
  id: 'inbound-reception',
  direction: 'inbound',
  agent: { name: 'Riley', voiceId: 'warm-female' },
  disclosures: RECEPTION_DISCLOSURES,
  initialStage: 'GREETING',
  stages: {
    ...RECEPTION_STAGES,
    INTENT: {
      goal: 'Find out what the caller needs: a question, an appointment, new-patient intake, leaving a message, or a person.',
      say: {
        enter: 'How can I help you today?',
        reprompt: 'I can answer a question, book an appointment, take a message, or get you set up as a new patient. What would you like?',
        simplify: 'Do you have a question, or do you need an appointment?',
      },
      slots: [{ name: 'intent', kind: 'choice', required: true, readBack: false, choices: ['faq', 'booking', 'intake', 'message', 'transfer'] }],
      allowedTools: [],
      promptFields: ['callerName', 'clientFirstName'],
      next: { faq: 'FAQ', booking: 'BOOKING', intake: FIRST_INTAKE_STAGE, message: 'MESSAGE', transfer: 'TRANSFER' },
    },
    ...PATIENT_INTAKE_STAGES,
  },
  handlers: RECEPTION_HANDLERS,
};

/** A brokerage's inbound receptionist: the same stages without patient intake. */
export const INBOUND_BROKERAGE_RECEPTION_FLOW: FlowDefinition = {
  id: 'inbound-brokerage-reception',
  direction: 'inbound',
  agent: { name: 'Ava', voiceId: 'warm-female' },
  disclosures: RECEPTION_DISCLOSURES,
  initialStage: 'GREETING',
  stages: {
    ...RECEPTION_STAGES,
    INTENT: {
      goal: 'Find out what the caller needs: a question, an appointment with their broker, leaving a message, or a person.',
      say: {
        enter: 'How can I help you today?',
        reprompt: 'I can answer a question, set up a call with your broker, or take a message. What would you like?',
        simplify: 'Do you have a question, or would you like to talk with your broker?',
      },
      slots: [{ name: 'intent', kind: 'choice', required: true, readBack: false, choices: ['faq', 'booking', 'message', 'transfer'] }],
      allowedTools: [],
      promptFields: ['callerName', 'clientFirstName'],
      next: { faq: 'FAQ', booking: 'BOOKING', message: 'MESSAGE', transfer: 'TRANSFER' },
    },
  },
  handlers: RECEPTION_HANDLERS,
};
