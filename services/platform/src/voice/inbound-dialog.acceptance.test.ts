import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldContext, type FieldCipher, type SqlSession } from '@va/data';
import { runInboundCall, SignalSynthesizer, type CallReport, type PersonaScript } from '@va/sandbox';
import { clinicCallerUpToIntent } from './clinic-caller.test-support';
import { useVoiceStack } from './voice-stack.hooks.test-support';
import { VoiceStack } from './voice-stack.test-support';

const STEP_MS = 20_000;
const PATIENT_PHONE = '+15550770001';
const NEW_PATIENT_PHONE = '+15550770002';

interface Seeded {
  clientId: string;
  firstSlot: string;
}

/** The clinic's Dr. Patel with two free slots, and Jane Doe, a patient on file under her number and date of birth. */
async function seedClinic(session: SqlSession, tenantId: string, cipher: FieldCipher, seeded: Seeded): Promise<void> {
  const one = async (sql: string, params: unknown[]) => String((await session.query<{ id: string }>(sql, params)).rows[0]?.id);
  const doctorId = await one(`INSERT INTO brokers (tenant_id, name, phone_e164, time_zone) VALUES ($1, 'Dr. Patel', '+15550770100', 'America/Chicago') RETURNING id`, [tenantId]);
  seeded.clientId = await one(
    `INSERT INTO clients (tenant_id, first_name, last_name, phone_e164, date_of_birth_enc, time_zone, assigned_broker_id)
     VALUES ($1, 'Jane', 'Doe', $2, $3, 'America/Chicago', $4) RETURNING id`,
    [tenantId, PATIENT_PHONE, cipher.encrypt('1952-03-03', fieldContext('clients', 'date_of_birth', tenantId)), doctorId],
  );
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 3);
  day.setUTCHours(16, 0, 0, 0);
  seeded.firstSlot = day.toISOString();
  for (const startsAt of [seeded.firstSlot, new Date(day.getTime() + 90 * 60_000).toISOString()]) {
    await session.query(`INSERT INTO broker_slots (tenant_id, broker_id, starts_at, ends_at) VALUES ($1, $2, $3, $3::timestamptz + interval '30 minutes')`, [tenantId, doctorId, startsAt]);
  }
}

function failureOf(report: CallReport): string {
  return `${report.failure}\nheard: ${JSON.stringify(report.agentTurns.map((turn) => turn.heard))}`;
}

/** Inbound clinic calls through the whole platform with no LLM: booking and a new patient's intake. */
describe('inbound clinic calls end to end: booking and patient intake (all five voice and dialog services)', () => {
  const seeded: Seeded = { clientId: '', firstSlot: '' };
  const stack = new VoiceStack({ label: 'inbound', dialog: true, seed: (session, tenantId, cipher) => seedClinic(session, tenantId, cipher, seeded) });
  useVoiceStack(stack);

  const call = (from: string, script: PersonaScript) =>
    runInboundCall(stack.sandbox.twilio, { from, to: stack.gateways[0]?.phoneNumber ?? '' }, script, {
      voice: new SignalSynthesizer(),
      callerSpeech: stack.sandbox.callerSpeech,
      agentSpeech: stack.sandbox.agentSpeech,
    });
  const rows = async (sql: string, params: unknown[] = []) => (await stack.database.inTenant(stack.tenantId, (session) => session.query<Record<string, unknown>>(sql, params))).rows;

  it("a patient on file is identified by number and date of birth and books one of the doctor's real free slots", async () => {
    const report = await call(PATIENT_PHONE, [
      ...clinicCallerUpToIntent({ name: 'Jane Doe', stepTimeoutMs: STEP_MS }),
      { say: 'I would like to make an appointment', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /new appointment, move one, or cancel/, timeoutMs: STEP_MS } },
      { say: 'a new one please', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /Which works better for you/, timeoutMs: STEP_MS } },
      { say: 'the first one', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /all set/, timeoutMs: STEP_MS } },
      { expectHangUpWithinMs: STEP_MS },
    ]);
    assert.equal(report.failure, undefined, failureOf(report));
    const booked = await rows(`SELECT starts_at FROM appointments WHERE client_id = $1 AND status = 'booked'`, [seeded.clientId]);
    assert.deepEqual(booked.map((row) => (row['starts_at'] as Date).toISOString()), [seeded.firstSlot]);
  });

  it("a new patient's intake is captured with read-backs and a summary, and stored sealed under the tenant's key", async () => {
    const report = await call(NEW_PATIENT_PHONE, [
      ...clinicCallerUpToIntent({ name: 'Ann Smith', stepTimeoutMs: STEP_MS }),
      { say: "I'm a new patient", afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /Which insurance company/, timeoutMs: STEP_MS } },
      { say: 'Acme Health', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /member ID/, timeoutMs: STEP_MS } },
      { say: 'x o f eight four five one two', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /X O F 8 4 5 1 2/, timeoutMs: STEP_MS } },
      { say: 'yes', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /reason for your visit/, timeoutMs: STEP_MS } },
      { say: 'a sore knee', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /full name/, timeoutMs: STEP_MS } },
      { say: "the patient's name is Ann Smith", afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /I have Ann Smith/, timeoutMs: STEP_MS } },
      { say: 'yes', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /date of birth/, timeoutMs: STEP_MS } },
      { say: 'march third nineteen fifty two', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /March 3rd, 1952/, timeoutMs: STEP_MS } },
      { say: 'yes', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /phone/, timeoutMs: STEP_MS } },
      { say: 'five five five, two three four, five six seven eight', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /5 5 5, 2 3 4, 5 6 7 8/, timeoutMs: STEP_MS } },
      { say: 'correct', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /address/, timeoutMs: STEP_MS } },
      { say: '12 Main Street, Springfield', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /12 Main Street, Springfield/, timeoutMs: STEP_MS } },
      { say: 'yes', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /pharmacy/, timeoutMs: STEP_MS } },
      { say: 'the CVS on Elm', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /emergency contact/, timeoutMs: STEP_MS } },
      { say: 'John Smith', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /How are they related/, timeoutMs: STEP_MS } },
      { say: 'husband', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /their phone number/, timeoutMs: STEP_MS } },
      { say: 'five five five, nine eight seven, six five four three', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /5 5 5, 9 8 7, 6 5 4 3/, timeoutMs: STEP_MS } },
      { say: 'yes', afterAgentSilenceMs: 300 },
      // The summary is long: the persona hears it once it has played to the end.
      { waitForAgent: { heard: /Let me read that back/, timeoutMs: 3 * STEP_MS } },
      { say: 'yes', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /Take care/, timeoutMs: STEP_MS } },
      { expectHangUpWithinMs: STEP_MS },
    ]);
    assert.equal(report.failure, undefined, failureOf(report));
    const stored = await rows('SELECT payload_enc FROM intake_records');
    assert.equal(stored.length, 1, 'one intake record');
    const sealed = String(stored[0]?.['payload_enc']);
    assert.ok(!sealed.includes('Ann Smith') && !sealed.includes('XOF84512'), 'nothing in clear');
    const intake = JSON.parse(stack.keyring.cipher.decrypt(sealed, fieldContext('intake_records', 'payload', stack.tenantId))) as Record<string, unknown>;
    assert.equal(intake['name'], 'Ann Smith');
    assert.equal(intake['dateOfBirth'], '1952-03-03');
    assert.equal(intake['memberId'], 'XOF84512');
    assert.equal(intake['phone'], '+15552345678');
    assert.deepEqual(intake['emergencyContact'], { name: 'John Smith', relationship: 'husband', phone: '+15559876543' });
  });
});
