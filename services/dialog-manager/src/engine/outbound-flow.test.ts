import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OUTBOUND_CROSS_SELL_FLOW } from '../flows';
import { CLIENT_ID, ConversationHarness, REMOTE_NUMBER, failed, said } from './engine.harness.test-support';
import { CLIENT, FREE_SLOTS, LATER_SLOT, outboundTools } from './outbound.tools.test-support';
import type { CannedTool } from './engine.harness.test-support';

function outboundCall(overrides: Readonly<Record<string, CannedTool>> = {}): ConversationHarness {
  return new ConversationHarness(OUTBOUND_CROSS_SELL_FLOW, outboundTools(overrides), { clientId: CLIENT_ID });
}

/** Plays a call up to the offer (PRESENT), verified. */
function toPresent(call: ConversationHarness): void {
  call.start();
  call.callerSays('yes, speaking', 'sure, go ahead', 'march third nineteen fifty two', "yes that's right");
  assert.equal(call.session.stage, 'PRESENT');
}

function assertRevealsNothing(lines: readonly string[]): void {
  for (const line of lines) {
    for (const secret of [CLIENT.firstName, CLIENT.currentPlan, CLIENT.coverageGap, CLIENT.brokerName, 'Dental Plus']) {
      assert.ok(!line.includes(secret), `"${line}" reveals something about the client`);
    }
  }
}

describe('deterministic engine: outbound cross-sell', () => {
  it('goes from the intro to a booked slot, read back, and a completed close', () => {
    const call = outboundCall();
    const intro = call.start();
    assert.deepEqual(intro, [
      "Hi, this is Ava calling from Bright Insurance. I'm an automated assistant. This call may be recorded for quality. May I speak with Margaret?",
    ]);
    assert.deepEqual(call.toolCallsOf('get_client_profile')[0]?.args, { clientId: CLIENT_ID });

    assert.match(call.caller('yes, speaking').join(' '), /couple of minutes/);
    assert.match(call.caller('sure').join(' '), /date of birth/);
    assert.deepEqual(call.toolCallsOf('record_consent')[0]?.args, { clientId: CLIENT_ID, scope: 'cross-sell', granted: true });

    assert.deepEqual(call.caller('march third fifty two'), ['I have March 3rd, 1952. Is that right?']);
    const offer = call.caller('yes');
    assert.deepEqual(call.toolCallsOf('get_client_profile')[1]?.args, { clientId: CLIENT_ID, dateOfBirth: '1952-03-03' });
    assert.deepEqual(call.toolCallsOf('check_eligibility')[0]?.args, { clientId: CLIENT_ID, coverage: 'dental' });
    assert.deepEqual(call.toolCallsOf('get_product_pricing')[0]?.args, { productCode: 'DENTAL-PLUS', household: 'individual' });
    assert.equal(offer.length, 1);
    assert.match(offer[0] ?? '', /doesn't include dental coverage, and our Dental Plus plan .* \$20 to \$35 a month/);

    assert.match(call.caller('yes please').join(' '), /just for you/);
    const times = call.caller('just me, as soon as possible');
    assert.equal(call.session.slots['household']?.value, 'individual');
    assert.equal(call.session.slots['timing']?.value, 'soon');
    assert.deepEqual(call.toolCallsOf('check_broker_availability')[0]?.args, { clientId: CLIENT_ID, limit: 2 });
    assert.deepEqual(times, [
      'The next step is a short call with Sam Lee, your broker. Would Tuesday, June 3rd at 10 AM or Wednesday, June 4th at 2:30 PM work for you?',
    ]);

    const confirm = call.caller('the second one');
    assert.deepEqual(call.toolCallsOf('schedule_appointment')[0]?.args, {
      brokerId: '33333333-3333-4333-8333-333333333333',
      clientId: CLIENT_ID,
      startsAt: FREE_SLOTS[1],
      purpose: 'coverage review',
    });
    assert.deepEqual(confirm, ["Just to confirm: you're booked with Sam Lee on Wednesday, June 4th at 2:30 PM. Is that right?"]);

    const close = call.caller('yes');
    assert.match(close.join(' '), /Sam Lee will call you on Wednesday, June 4th at 2:30 PM/);
    assert.equal(call.hangUp, 'completed');
    assert.equal(call.session.stage, 'CLOSE');
    assert.deepEqual(call.session.pendingToolCalls, {});
    assert.deepEqual(call.caller('wait, one more thing'), [], 'nothing is said after the hang-up');
  });

  it('ends politely on a refused consent and records the refusal', () => {
    const call = outboundCall();
    call.start();
    call.caller('yes this is she');
    const close = call.caller('no, not now');
    assert.deepEqual(close, ['Understood. Thanks for your time, and have a good day.']);
    assert.deepEqual(call.toolCallsOf('record_consent')[0]?.args, { clientId: CLIENT_ID, scope: 'cross-sell', granted: false });
    assert.equal(call.hangUp, 'consent-refused');
  });

  it('puts the number on the DNC list and hangs up within the turn on "stop calling me" at PRESENT', () => {
    const call = outboundCall();
    toPresent(call);
    const actions = call.play({ kind: 'caller-turn', text: 'Stop calling me.' });
    assert.deepEqual(
      actions.map((action) => action.kind),
      ['say', 'call-tool', 'hang-up'],
    );
    assert.deepEqual(said(actions), ["Understood, I've taken your number off our call list. Goodbye."]);
    assert.deepEqual(call.toolCallsOf('add_to_dnc')[0]?.args, { phoneNumber: REMOTE_NUMBER, reason: 'caller asked not to be called' });
    assert.equal(call.hangUp, 'opt-out');
  });

  it('tells a wrong person nothing about the client', () => {
    const call = outboundCall();
    call.start();
    const after = call.caller("no, you've got the wrong number");
    assert.deepEqual(after, ['Sorry for the bother. Have a good day.']);
    assertRevealsNothing(after);
    assert.equal(call.hangUp, 'wrong-person');
  });

  it('ends without revealing anything after two dates of birth that do not match', () => {
    const call = outboundCall();
    call.start();
    call.callerSays('yes', 'okay');
    const start = call.said.length;
    call.callerSays('april fourth nineteen sixty', 'yes');
    call.callerSays('may fifth nineteen sixty one', 'yes');
    const after = call.said.slice(start);
    assert.ok(after.includes("Sorry, I couldn't confirm that. Could you tell me your date of birth once more?"));
    assert.equal(after.at(-1), 'Sorry for the bother. Have a good day.');
    assertRevealsNothing(after);
    assert.equal(call.hangUp, 'wrong-person');
    assert.equal(call.toolCallsOf('check_eligibility').length, 0);
  });

  it('offers the alternatives of a slot conflict and books one of them', () => {
    let attempts = 0;
    const call = outboundCall({
      schedule_appointment: (args) => {
        attempts += 1;
        if (attempts === 1) return failed('conflict', { alternatives: [{ startsAt: LATER_SLOT, endsAt: LATER_SLOT }] });
        return { ok: true, result: { appointmentId: '44444444-4444-4444-8444-444444444444', startsAt: args['startsAt'] } };
      },
    });
    toPresent(call);
    call.callerSays('yes', 'my whole family');
    const conflict = call.caller('tuesday works');
    assert.deepEqual(conflict, ['Sorry, that time was just taken. I can offer Thursday, June 5th at 9 AM instead. Would one of those work?']);
    const confirm = call.caller('yes, that works');
    assert.equal(call.toolCallsOf('schedule_appointment')[1]?.args['startsAt'], LATER_SLOT);
    assert.match(confirm.join(' '), /Thursday, June 5th at 9 AM/);
    assert.equal(call.session.stage, 'CONFIRM');
  });

  it('offers the keypad after two unreadable dates of birth and accepts 03031952', () => {
    const call = outboundCall();
    call.start();
    call.callerSays('yes', 'sure');
    assert.deepEqual(call.caller('blue'), ['Could you tell me your date of birth, with the month, day and year?']);
    const second = call.caller('I would rather talk about the weather');
    assert.match(second.join(' '), /keypad/);
    assert.equal(call.session.slots['dateOfBirth']?.attempts, 2);
    assert.deepEqual(call.keys('0303'), []);
    assert.deepEqual(call.keys('1952'), ['I have March 3rd, 1952. Is that right?']);
    call.caller('yes');
    assert.equal(call.toolCallsOf('get_client_profile')[1]?.args['dateOfBirth'], '1952-03-03');
    assert.equal(call.session.stage, 'PRESENT');
  });

  it('reprompts on silence, then says goodbye and hangs up', () => {
    const call = outboundCall();
    call.start();
    assert.deepEqual(call.silence(), ['Sorry, am I speaking with Margaret?']);
    assert.deepEqual(call.silence(), ['Sorry, am I speaking with Margaret?']);
    assert.deepEqual(call.silence(), ["I'm having trouble hearing you, so I'll let you go. Goodbye."]);
    assert.equal(call.hangUp, 'silence');
  });

  it('starts the silence count over when the caller speaks', () => {
    const call = outboundCall();
    call.start();
    call.silence();
    call.silence();
    call.caller('yes');
    call.silence();
    assert.equal(call.hangUp, undefined);
  });

  it('gives the 911 instruction at once on an emergency', () => {
    const call = outboundCall();
    toPresent(call);
    assert.deepEqual(call.caller("hold on, I think I'm having chest pain"), ['If this is an emergency, please hang up and call 911 right now.']);
    assert.equal(call.hangUp, 'emergency');
  });

  it('transfers to the target transfer_to_human returns when a person is asked for', () => {
    const call = outboundCall();
    call.start();
    call.caller('yes');
    assert.deepEqual(call.caller('can I talk to a real person'), ['Of course. Let me connect you with your broker now.']);
    assert.deepEqual(call.toolCallsOf('transfer_to_human')[0]?.args, { reason: 'caller asked for a person', target: 'broker', clientId: CLIENT_ID });
    assert.equal(call.transferTarget, '+15559870000');
  });

  it('offers a callback when nobody can take a transfer, and requests it on a yes', () => {
    const call = outboundCall({ transfer_to_human: () => failed('not_found') });
    call.start();
    assert.match(call.caller('representative please').join(' '), /call you back/);
    assert.deepEqual(call.caller('yes please'), ['Thanks. Someone from Bright Insurance will call you back. Goodbye!']);
    const request = call.toolCallsOf('request_callback')[0]?.args;
    assert.equal(request?.['phone'], REMOTE_NUMBER);
    assert.equal(request?.['notBefore'], '2025-06-01T16:00:00.000Z');
    assert.equal(call.hangUp, 'completed');
  });

  it('rephrases, simplifies, then offers a callback on repeated confusion', () => {
    const call = outboundCall();
    call.start();
    call.caller('yes');
    assert.deepEqual(call.caller('what?'), ['Do you have a couple of minutes to talk about your coverage?']);
    assert.deepEqual(call.caller("I don't understand"), ['Can we talk for two minutes?']);
    assert.match(call.caller('huh?').join(' '), /called you back at a better time/);
    call.caller('no thanks');
    assert.equal(call.hangUp, undefined);
    assert.equal(call.session.stage, 'CONSENT');
  });

  it('treats a lone backchannel as no answer while a date of birth is asked', () => {
    const call = outboundCall();
    call.start();
    call.callerSays('yes', 'sure');
    assert.deepEqual(call.caller('uh-huh'), []);
    assert.equal(call.session.slots['dateOfBirth'], undefined);
  });

  it('apologises and offers a callback when a tool is unavailable', () => {
    const call = outboundCall({ check_eligibility: () => failed('unavailable') });
    toPresent(call);
    assert.match(call.said.at(-1) ?? '', /having trouble looking that up/);
    call.caller('no');
    assert.equal(call.hangUp, 'completed');
  });

  it('ignores results for unknown or already answered call keys', () => {
    const call = outboundCall({ get_client_profile: () => undefined });
    call.start();
    const [request] = call.toolCallsOf('get_client_profile');
    assert.ok(request);
    const before = call.session;
    assert.deepEqual(call.play({ kind: 'tool-result', callKey: 'nope', toolName: 'get_client_profile', outcome: { ok: true, result: {} } }), []);
    assert.equal(call.session, before);
    const answered = call.play({ kind: 'tool-result', callKey: request.callKey, toolName: 'get_client_profile', outcome: outboundTools().get_client_profile?.({}) ?? failed('x') });
    assert.equal(said(answered).length, 1);
    assert.deepEqual(call.play({ kind: 'tool-result', callKey: request.callKey, toolName: 'get_client_profile', outcome: { ok: true, result: {} } }), []);
  });

  it('keeps call keys unique across the call', () => {
    const call = outboundCall();
    toPresent(call);
    const keys = call.toolCalls.map((toolCall) => toolCall.callKey);
    assert.equal(new Set(keys).size, keys.length);
    assert.ok(keys.length >= 5);
  });
});
