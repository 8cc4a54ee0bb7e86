import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allOf, lastUserMessageContains, offersTool, runInboundCall, SignalSynthesizer, type CallReport, type ChatRequest } from '@va/sandbox';
import { CLINIC_HOURS, clinicCallerUpToIntent, seedClinicKnowledgeBase } from './clinic-caller.test-support';
import { callClient, CLIENT_PHONE, clientUpToOffer, seedBrokerage, type Seeded } from './outbound-client.test-support';
import { useVoiceStack } from './voice-stack.hooks.test-support';
import { VoiceStack } from './voice-stack.test-support';

const STEP_MS = 20_000;

/** Every form the client's date of birth took on the call: the read-back, the spoken answer, the stored value. */
const DATE_OF_BIRTH_FORMS = ['1952', 'March 3', 'march third', 'fifty two', '03-03', '3/3'];

function failureOf(report: CallReport): string {
  return `${report.failure}\nheard: ${JSON.stringify(report.agentTurns.map((turn) => turn.heard))}`;
}

/** The rest of the booking after the offer, the same with or without an LLM. */
const bookingAfterQualify = [
  { waitForAgent: { heard: /work for you/, timeoutMs: STEP_MS } },
  { say: 'the first one', afterAgentSilenceMs: 300 },
  { waitForAgent: { heard: /Just to confirm/, timeoutMs: STEP_MS } },
  { say: 'yes', afterAgentSilenceMs: 300 },
  { waitForAgent: { heard: /will call you/, timeoutMs: STEP_MS } },
  { expectHangUpWithinMs: STEP_MS },
] as const;

describe('outbound cross-sell with the LLM answering the conversational stages (OpenAI stand-in)', () => {
  const seeded: Seeded = { clientId: '', firstSlot: '' };
  const stack = new VoiceStack({ label: 'llm-outbound', dialog: true, llm: true, tenantKind: 'brokerage', seed: (session, tenantId, cipher) => seedBrokerage(session, tenantId, cipher, seeded) });
  useVoiceStack(stack);

  it('answers a question about the offer, moves on through finish_stage, books; no PRESENT request carries the date of birth or member ID', async () => {
    const { script } = stack.sandbox.openai;
    script.reply(allOf(offersTool('check_eligibility'), lastUserMessageContains('cover')), { content: 'It covers two cleanings a year, x-rays and fillings, and Sam can go over the details with you.' });
    script.reply(allOf(offersTool('check_eligibility'), lastUserMessageContains('sounds good')), { content: 'Wonderful.', toolCalls: [{ name: 'finish_stage', arguments: { outcome: 'interested', interested: 'yes' } }] });
    script.reply(allOf(offersTool('finish_stage'), lastUserMessageContains('just me')), { toolCalls: [{ name: 'finish_stage', arguments: { outcome: 'qualified', household: 'individual' } }] });
    const report = await callClient(stack, seeded, [
      ...clientUpToOffer(STEP_MS),
      { say: 'what does it cover', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /two cleanings a year/, timeoutMs: STEP_MS } },
      { say: 'that sounds good', afterAgentSilenceMs: 300 },
      { waitForAgent: { heard: /just for you/, timeoutMs: STEP_MS } },
      { say: 'just me', afterAgentSilenceMs: 300 },
      ...bookingAfterQualify,
    ]);
    assert.equal(report.failure, undefined, failureOf(report));
    const booked = await stack.database.inTenant(stack.tenantId, (session) => session.query(`SELECT 1 FROM appointments WHERE client_id = $1 AND status = 'booked'`, [seeded.clientId]));
    assert.equal(booked.rows.length, 1, 'the appointment is booked');

    const requests: readonly ChatRequest[] = stack.sandbox.openai.chatRequests();
    const offeredTools = (request: ChatRequest) => (request.tools ?? []).map((tool) => tool.function.name);
    const present = requests.filter((request) => offeredTools(request).includes('check_eligibility'));
    assert.equal(present.length, 2, 'two PRESENT turns went to the LLM');
    assert.ok(JSON.stringify(present[0]).includes('Dental Plus'), 'the PRESENT prompt carries the product');
    for (const request of requests) {
      const body = JSON.stringify(request);
      for (const form of [...DATE_OF_BIRTH_FORMS, CLIENT_PHONE, seeded.clientId]) assert.ok(!body.includes(form), `an LLM request carries "${form}"`);
      for (const field of ['dateOfBirth:', 'memberId:']) assert.ok(!body.includes(field), `an LLM request carries the ${field} field`);
    }
  });
});

describe('both flows complete with the LLM stand-in down (the deterministic engine answers)', () => {
  describe('outbound', () => {
    const seeded: Seeded = { clientId: '', firstSlot: '' };
    const stack = new VoiceStack({ label: 'llm-down-outbound', dialog: true, llm: true, tenantKind: 'brokerage', seed: (session, tenantId, cipher) => seedBrokerage(session, tenantId, cipher, seeded) });
    useVoiceStack(stack);

    it('a consenting client is verified, hears the offer, qualifies and books while every LLM request fails', async () => {
      stack.sandbox.openai.faults.set({ fault: { kind: 'http-error', status: 503 } });
      const report = await callClient(stack, seeded, [
        ...clientUpToOffer(STEP_MS),
        { say: 'yes please', afterAgentSilenceMs: 300 },
        { waitForAgent: { heard: /just for you/, timeoutMs: STEP_MS } },
        { say: 'just me, as soon as possible', afterAgentSilenceMs: 300 },
        ...bookingAfterQualify,
      ]);
      assert.equal(report.failure, undefined, failureOf(report));
      const booked = await stack.database.inTenant(stack.tenantId, (session) => session.query(`SELECT 1 FROM appointments WHERE client_id = $1 AND status = 'booked'`, [seeded.clientId]));
      assert.equal(booked.rows.length, 1);
      const llmAttempts = stack.sandbox.openai.requests.all().filter((entry) => entry.path.endsWith('/chat/completions'));
      assert.ok(llmAttempts.length >= 1, 'the dialog-manager did try the LLM');
    });
  });

  describe('inbound', () => {
    const stack = new VoiceStack({ label: 'llm-down-inbound', dialog: true, llm: true, seed: seedClinicKnowledgeBase });
    useVoiceStack(stack);

    it("a caller's question in the FAQ stage is answered from the knowledge base while every LLM request fails", async () => {
      stack.sandbox.openai.faults.set({ fault: { kind: 'http-error', status: 503 } });
      const report = await runInboundCall(
        stack.sandbox.twilio,
        { from: '+15550990077', to: stack.gateways[0]?.phoneNumber ?? '' },
        [
          ...clinicCallerUpToIntent({ name: 'Jane Doe', stepTimeoutMs: STEP_MS }),
          { say: 'I have a question', afterAgentSilenceMs: 300 },
          { waitForAgent: { heard: /what would you like to know/, timeoutMs: STEP_MS } },
          { say: 'what are your office hours', afterAgentSilenceMs: 300 },
          { waitForAgent: { heard: /Monday to Friday/, timeoutMs: STEP_MS } },
          { expectHangUpWithinMs: STEP_MS },
        ],
        { voice: new SignalSynthesizer(), callerSpeech: stack.sandbox.callerSpeech, agentSpeech: stack.sandbox.agentSpeech },
      );
      assert.equal(report.failure, undefined, failureOf(report));
      assert.ok(report.agentTurns.flatMap((turn) => turn.heard).join(' ').includes(CLINIC_HOURS), 'the answer came from the knowledge base');
      const llmAttempts = stack.sandbox.openai.requests.all().filter((entry) => entry.path.endsWith('/chat/completions'));
      assert.ok(llmAttempts.length >= 1, 'the dialog-manager did try the LLM');
    });
  });
});
