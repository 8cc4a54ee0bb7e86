import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runInboundCall, SignalSynthesizer } from '@va/sandbox';
import { requireKafka, requirePostgres, requireRedis, waitFor } from '@va/testing';
import { VoiceStack } from './voice-stack.test-support';

const HOURS = 'We are open Monday to Friday, 8 a.m. to 6 p.m.';

describe('dialog-manager takeover: the replica carrying a call is killed mid-call and the other carries it to its end', () => {
  const stack = new VoiceStack({
    label: 'dialogtakeover',
    dialog: true,
    dialogReplicas: 2,
    env: { LOG_LEVEL: 'info' },
    seed: async (session, tenantId) => {
      await session.query(`INSERT INTO kb_entries (tenant_id, category, question, answer) VALUES ($1, 'hours', 'What are your office hours? When are you open?', $2)`, [tenantId, HOURS]);
    },
  });

  before(async () => {
    await requireKafka();
    await requirePostgres();
    await requireRedis();
    await stack.start();
  });

  after(async () => {
    await stack.stop();
  });

  it('the call goes on from the session in Redis, with no turn repeated or lost', async () => {
    const call = runInboundCall(
      stack.sandbox.twilio,
      { from: '+15550775678', to: stack.gateways[0]?.phoneNumber ?? '' },
      [
        { waitForAgent: { heard: /first and last name/, timeoutMs: 20_000 } },
        { say: 'my name is Jane Doe', afterAgentSilenceMs: 300 },
        { waitForAgent: { heard: /date of birth/, timeoutMs: 20_000 } },
        // Here the replica that took the caller's turns is killed; the next turns wait for its partitions to move.
        { pause: 1_000 },
        { say: 'march third fifty two', afterAgentSilenceMs: 300 },
        { waitForAgent: { heard: /March 3rd, 1952/, timeoutMs: 40_000 } },
        { say: 'yes', afterAgentSilenceMs: 300 },
        { waitForAgent: { heard: /How can I help/, timeoutMs: 40_000 } },
        { say: 'what are your office hours', afterAgentSilenceMs: 300 },
        { waitForAgent: { heard: /Monday to Friday/, timeoutMs: 40_000 } },
        { expectHangUpWithinMs: 40_000 },
      ],
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
    assert.ok(heard.includes(HOURS));
    const survivor = stack.dialogManagers.find((replica) => replica !== carrier);
    assert.ok(survivor?.logLines.some((line) => line['msg'] === 'dialog step' && line['event'] === 'caller-turn'), 'the survivor took the later turns');
  });
});
