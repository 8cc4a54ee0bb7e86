import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INBOUND_RECEPTION_FLOW } from '../flows';
import { ConversationHarness, REMOTE_NUMBER, failed, ok, type CannedTool } from './engine.harness.test-support';

const HOURS_ANSWER = 'We are open eight to five, Monday through Friday.';

function inboundTools(overrides: Readonly<Record<string, CannedTool>> = {}): Record<string, CannedTool> {
  return {
    get_client_profile: () => failed('not_found'),
    lookup_faq: () => ok({ answers: [{ category: 'hours', question: 'When are you open?', answer: HOURS_ANSWER }] }),
    save_intake: () => ok({ intakeId: '9', saved: true, fields: [] }),
    take_message: () => ok({ messageId: '7', received: true, urgency: 'routine' }),
    transfer_to_human: () => ok({ action: 'transfer', target: '+15550001111', targetKind: 'office' }),
    ...overrides,
  };
}

function inboundCall(overrides: Readonly<Record<string, CannedTool>> = {}): ConversationHarness {
  return new ConversationHarness(INBOUND_RECEPTION_FLOW, inboundTools(overrides), { tenantName: 'Maple Clinic' });
}

/** Greeting, name and a confirmed date of birth (not on file): the call is at INTENT. */
function toIntent(call: ConversationHarness): void {
  call.start();
  call.callerSays('my name is Jane Doe', 'march third fifty two', 'yes');
  assert.equal(call.session.stage, 'INTENT');
}

describe('deterministic engine: inbound reception', () => {
  it('answers a question from lookup_faq and closes', () => {
    const call = inboundCall();
    assert.match(call.start().join(' '), /^Thanks for calling Maple Clinic, this is Riley\..*first and last name\?$/);
    assert.deepEqual(call.caller('my name is Jane Doe'), ['Thank you. And what is your date of birth?']);
    call.callerSays('march third fifty two', 'yes');
    assert.deepEqual(call.toolCallsOf('get_client_profile')[0]?.args, { phoneNumber: REMOTE_NUMBER, dateOfBirth: '1952-03-03' });
    assert.deepEqual(call.said.at(-1), 'How can I help you today?');
    const answer = call.caller('what are your office hours on friday?');
    assert.deepEqual(call.toolCallsOf('lookup_faq')[0]?.args, { question: 'what are your office hours on friday?' });
    assert.deepEqual(answer, [HOURS_ANSWER, 'Thanks for calling Maple Clinic. Take care!']);
    assert.equal(call.hangUp, 'completed');
  });

  it('asks for the question when the caller only says they have one, and offers a message when nothing is found', () => {
    const call = inboundCall({ lookup_faq: () => ok({ answers: [], suggestion: 'offer to take a message' }) });
    toIntent(call);
    assert.deepEqual(call.caller('I have a question'), ['Sure, what would you like to know?']);
    const reply = call.caller('do you validate parking tickets');
    assert.equal(reply[0], "I don't have that information, but I can take a message for the office.");
    assert.equal(call.session.stage, 'MESSAGE');
  });

  it('identifies a caller whose number and date of birth match', () => {
    const call = inboundCall({
      get_client_profile: (args) => ok({ clientId: '22222222-2222-4222-8222-222222222222', firstName: 'Jane', dateOfBirthCheck: args['dateOfBirth'] === '1952-03-03' ? 'match' : 'mismatch' }),
    });
    toIntent(call);
    call.caller('I need to leave a message');
    call.callerSays('please ask the doctor to call about my refill', 'this number', 'yes');
    assert.deepEqual(call.toolCallsOf('take_message')[0]?.args, {
      callerName: 'Jane Doe',
      callbackPhone: REMOTE_NUMBER,
      body: 'please ask the doctor to call about my refill',
      urgency: 'routine',
      clientId: '22222222-2222-4222-8222-222222222222',
    });
    assert.equal(call.hangUp, 'completed');
  });

  it('completes a patient intake with read-backs, a summary and save_intake', () => {
    const call = inboundCall();
    toIntent(call);
    assert.match(call.caller("I'm a new patient").join(' '), /Which insurance company/);
    assert.match(call.caller('Acme Health').join(' '), /member ID/);
    assert.deepEqual(call.caller('x o f eight four five one two'), ['I have X O F 8 4 5 1 2. Is that right?']);
    assert.match(call.caller('yes').join(' '), /reason for your visit/);
    assert.match(call.caller('a sore knee').join(' '), /full name/);
    assert.deepEqual(call.caller("the patient's name is Jane Doe"), ['I have Jane Doe. Is that right?']);
    call.callerSays('yes', 'march third nineteen fifty two', 'yes');
    assert.deepEqual(call.caller('five five five, two three four, five six seven eight'), ['I have 5 5 5, 2 3 4, 5 6 7 8. Is that right?']);
    call.caller('correct');
    assert.deepEqual(call.caller('12 Main Street, Springfield'), ['I have 12 Main Street, Springfield. Is that right?']);
    call.callerSays('yes', 'the CVS on Elm');
    assert.deepEqual(call.caller('John Doe'), ['How are they related to you?']);
    assert.deepEqual(call.caller('husband'), ['And what is their phone number?']);
    call.caller('five five five, nine eight seven, six five four three');
    const review = call.caller('yes');
    assert.equal(review.length, 1);
    assert.equal(
      review[0],
      'Let me read that back. Name: Jane Doe. Date of birth: March 3rd, 1952. Phone: 5 5 5, 2 3 4, 5 6 7 8. Insurance: Acme Health. ' +
        'Member ID: X O F 8 4 5 1 2. Reason for visit: a sore knee. Address: 12 Main Street, Springfield. Pharmacy: the CVS on Elm. ' +
        'Emergency contact: John Doe, husband, 5 5 5, 9 8 7, 6 5 4 3. Is all of that correct?',
    );
    const close = call.caller('yes');
    assert.deepEqual(call.toolCallsOf('save_intake')[0]?.args, {
      intake: {
        name: 'Jane Doe',
        dateOfBirth: '1952-03-03',
        phone: '+15552345678',
        reasonForVisit: 'a sore knee',
        payer: 'Acme Health',
        memberId: 'XOF84512',
        address: '12 Main Street, Springfield',
        preferredPharmacy: 'the CVS on Elm',
        emergencyContact: { name: 'John Doe', relationship: 'husband', phone: '+15559876543' },
      },
    });
    assert.deepEqual(close, ['Thanks for calling Maple Clinic. Take care!']);
    assert.equal(call.hangUp, 'completed');
  });

  it('skips the member ID for a caller without insurance', () => {
    const call = inboundCall();
    toIntent(call);
    call.caller('I want to register as a new patient');
    assert.match(call.caller("I don't have insurance").join(' '), /reason for your visit/);
    assert.equal(call.session.stage, 'INTAKE_REASON');
  });

  it('transfers when the caller asks for a human', () => {
    const call = inboundCall();
    call.start();
    assert.deepEqual(call.caller('I need a human'), ['Of course. Let me connect you with someone now.']);
    assert.deepEqual(call.toolCallsOf('transfer_to_human')[0]?.args, { reason: 'caller asked for a person', target: 'office' });
    assert.equal(call.transferTarget, '+15550001111');
  });

  it('offers a callback when the person asked for cannot be reached', () => {
    const call = inboundCall({ transfer_to_human: () => failed('not_found') });
    toIntent(call);
    assert.match(call.caller('please transfer me to the front desk').join(' '), /someone call you back/);
    assert.equal(call.transferTarget, undefined);
  });

  it('takes a message when the transfer stage finds nobody', () => {
    const call = inboundCall({ transfer_to_human: () => failed('not_found') });
    toIntent(call);
    const reply = call.caller('can you put me through to billing');
    assert.equal(reply[0], 'Of course. Let me connect you with someone now.');
    assert.equal(reply[1], "Nobody's free to take the call right now, so let me take a message.");
    assert.equal(call.session.stage, 'MESSAGE');
    assert.equal(call.transferTarget, undefined);
  });

  it('books an appointment for an identified caller', () => {
    const call = inboundCall({
      get_client_profile: () => ok({ clientId: '22222222-2222-4222-8222-222222222222', firstName: 'Jane', timeZone: 'America/New_York', dateOfBirthCheck: 'match' }),
      check_broker_availability: () => ok({ brokerId: '33333333-3333-4333-8333-333333333333', brokerName: 'Dr. Patel', timeZone: 'America/New_York', slots: [{ startsAt: '2025-06-03T14:00:00.000Z' }, { startsAt: '2025-06-04T18:30:00.000Z' }] }),
      schedule_appointment: (args) => ok({ appointmentId: '44444444-4444-4444-8444-444444444444', startsAt: args['startsAt'] }),
    });
    toIntent(call);
    call.caller('I would like to make an appointment');
    assert.deepEqual(call.caller('a new one please'), ['Which works better for you: Tuesday, June 3rd at 10 AM or Wednesday, June 4th at 2:30 PM?']);
    const booked = call.caller('tuesday at ten');
    assert.equal(call.toolCallsOf('schedule_appointment')[0]?.args['startsAt'], '2025-06-03T14:00:00.000Z');
    assert.deepEqual(booked, ["You're all set for Tuesday, June 3rd at 10 AM.", 'Thanks for calling Maple Clinic. Take care!']);
    assert.equal(call.hangUp, 'completed');
  });
});
