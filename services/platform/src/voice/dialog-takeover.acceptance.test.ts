import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInboundCall, SignalSynthesizer } from '@va/sandbox';
import { waitFor } from '@va/testing';
import { CLINIC_HOURS, clinicHoursCaller, seedClinicKnowledgeBase } from './clinic-caller.test-support';
import { useVoiceStack } from './voice-stack.hooks.test-support';
import { VoiceStack } from './voice-stack.test-support';

describe('dialog-manager takeover: the replica carrying a call is killed mid-call and the other carries it to its end', () => {
  const stack = new VoiceStack({
    label: 'dialogtakeover',
    dialog: true,
    dialogReplicas: 2,
    env: { LOG_LEVEL: 'info' },
    seed: (session, tenantId) => seedClinicKnowledgeBase(session, tenantId),
  });
  useVoiceStack(stack);

  it('the call goes on from the session in Redis, with no turn repeated or lost', async () => {
    const call = runInboundCall(
      stack.sandbox.twilio,
      { from: '+15550775678', to: stack.gateways[0]?.phoneNumber ?? '' },
      // After the name, the replica that took the caller's turns is killed; the next turns wait for its partitions to move.
      clinicHoursCaller({ stepTimeoutMs: 40_000, afterName: [{ pause: 1_000 }] }),
      { voice: new SignalSynthesizer(), callerSpeech: stack.sandbox.callerSpeech, agentSpeech: stack.sandbox.agentSpeech },
    );

    const carrier = await waitFor(
      () => stack.dialogManagers.find((replica) => replica.logLines.some((line) => line['msg'] === 'dialog step' && line['event'] === 'caller-turn')),
      { timeoutMs: 30_000, description: 'the replica that took the first caller turn' },
    );
    carrier.signal('SIGKILL');

    const report = await call;
    assert.equal(report.failure, undefined, `${report.failure}\nheard: ${JSON.stringify(report.agentTurns.map((turn) => turn.heard))}`);
    const heard = report.agentTurns.flatMap((turn) => turn.heard);
    const repeated = heard.filter((text, index) => heard.indexOf(text) !== index);
    assert.deepEqual(repeated, [], 'no agent line was said twice');
    assert.ok(heard.includes(CLINIC_HOURS));
    const survivor = stack.dialogManagers.find((replica) => replica !== carrier);
    assert.ok(survivor?.logLines.some((line) => line['msg'] === 'dialog step' && line['event'] === 'caller-turn'), 'the survivor took the later turns');
  });
});
