import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OUTBOUND_CROSS_SELL_FLOW } from '../flows';
import { proposeSlotValue } from '../session';
import { ConversationHarness, ok } from './engine.harness.test-support';
import { EngineTemplateError } from './engine-template.error';

const PHI = ['Margaret', '1952', 'Silver'];

function assertNoPhi(error: unknown): boolean {
  assert.ok(error instanceof Error);
  for (const value of PHI) assert.ok(!error.message.includes(value), `the message "${error.message}" carries PHI`);
  return true;
}

describe('engine errors', () => {
  it('names only placeholders when a line cannot be rendered', () => {
    // PRESENT reached without its product (a wiring bug): its reprompt cannot be said.
    const call = new ConversationHarness(OUTBOUND_CROSS_SELL_FLOW, {}, { clientId: '22222222-2222-4222-8222-222222222222' });
    call.session = { ...proposeSlotValue(call.session, 'dateOfBirth', '1952-03-03'), stage: 'PRESENT' };
    assert.throws(() => call.silence(), (error: unknown) => {
      assert.ok(error instanceof EngineTemplateError);
      assert.deepEqual(error.missing, ['productName']);
      return assertNoPhi(error);
    });
  });

  it('refuses an outbound call without a client, without PHI in the message', () => {
    const call = new ConversationHarness(OUTBOUND_CROSS_SELL_FLOW, { get_client_profile: () => ok({ firstName: 'Margaret' }) });
    assert.throws(() => call.start(), assertNoPhi);
  });

  it('refuses a stage the flow does not have, naming only the stage', () => {
    const call = new ConversationHarness(OUTBOUND_CROSS_SELL_FLOW, {}, { clientId: '22222222-2222-4222-8222-222222222222' });
    call.session = { ...call.session, stage: 'NOWHERE' };
    assert.throws(() => call.caller('my date of birth is march third 1952'), (error: unknown) => {
      assert.match(String((error as Error).message), /NOWHERE/);
      return assertNoPhi(error);
    });
  });
});
