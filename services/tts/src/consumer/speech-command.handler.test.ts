import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { create } from '@bufbuild/protobuf';
import { CallLifecycleEventSchema, SpeechCommandSchema } from '@va/contracts';
import { engineHarness } from '../speech/speech-engine.harness.test-support';
import { ScriptedSynthesizer, scripts } from '../speech/scripted.synthesizer.test-support';
import { handleCallLifecycle } from './call-lifecycle.handler';
import { handleSpeechCommand } from './speech-command.handler';

describe('tts handlers', () => {
  it('start speech, cancel turns and end calls, returning ok at once', async () => {
    const primary = new ScriptedSynthesizer('primary', () => scripts.speaks('primary', { chunks: 50, intervalMs: 10 }));
    const harness = engineHarness([primary]);
    const speak = create(SpeechCommandSchema, { callId: 'c1', command: { case: 'speak', value: { turnId: 't1', segmentIndex: 0, text: 'Hi.', lastInTurn: true, voiceId: 'calm-male' } } });
    assert.deepEqual(await handleSpeechCommand(speak, harness.engine), { kind: 'ok' });
    assert.equal(harness.published.length, 0, 'returned before any audio');
    const cancel = create(SpeechCommandSchema, { callId: 'c1', command: { case: 'cancel', value: { turnId: 't1', reason: 'barge-in' } } });
    assert.deepEqual(await handleSpeechCommand(cancel, harness.engine), { kind: 'ok' });
    await harness.engine.idle();
    assert.equal(primary.abortedCount, 1);
    assert.equal(primary.requests[0]?.voice, 'pNInz6obpgDQGcFmaJgB');

    const ended = create(CallLifecycleEventSchema, { callId: 'c1', event: { case: 'ended', value: {} } });
    assert.deepEqual(await handleCallLifecycle(ended, harness.engine), { kind: 'ok' });
    assert.equal(harness.engine.speak('c1', { turnId: 't2', segmentIndex: 0, text: 'Hello?', lastInTurn: true, voiceId: '' }), 'ignored');
  });

  it('dead-letters commands without a call id, a body or a turn id', async () => {
    const harness = engineHarness([new ScriptedSynthesizer('primary', () => scripts.speaks('primary'))]);
    const malformed = [
      create(SpeechCommandSchema, { callId: '', command: { case: 'cancel', value: { turnId: 't1' } } }),
      create(SpeechCommandSchema, { callId: 'c1' }),
      create(SpeechCommandSchema, { callId: 'c1', command: { case: 'speak', value: { turnId: '', text: 'Hi.' } } }),
    ];
    for (const command of malformed) assert.equal((await handleSpeechCommand(command, harness.engine)).kind, 'dead-letter');
    assert.equal(harness.published.length, 0);
  });
});
