import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePersonaScript, PersonaScriptError } from './index';

describe('parsePersonaScript', () => {
  it('accepts every kind of step and tags it', () => {
    const steps = parsePersonaScript([
      { waitForAgent: { heard: /help/i, timeoutMs: 5_000 } },
      { say: 'I need an appointment', afterAgentSilenceMs: 600 },
      { interrupt: 'sorry, Thursday', afterAgentAudioMs: 800 },
      { waitForAgent: { timeoutMs: 2_000 } },
      { dtmf: '12#', gapMs: 100 },
      { pause: 200 },
      { silence: 4_000 },
      { expectHangUpWithinMs: 5_000 },
      { hangUp: true },
    ]);
    assert.deepEqual(
      steps.map((step) => step.kind),
      ['waitForAgent', 'say', 'interrupt', 'waitForAgent', 'dtmf', 'pause', 'silence', 'expectHangUpWithinMs', 'hangUp'],
    );
    assert.deepEqual(steps[1], { kind: 'say', say: 'I need an appointment', afterAgentSilenceMs: 600 });
  });

  it('rejects bad scripts with every problem and its step number', () => {
    const attempt = () =>
      parsePersonaScript([
        { say: 'fine' },
        { say: '' },
        { pause: -5 },
        { dtmf: '12x' },
        { shout: 'hey' },
        { say: 'a', pause: 10 },
        { interrupt: 'wait' },
        { waitForAgent: { heard: /x/ } },
        { say: 'hi', extra: true },
        'say hello',
      ]);
    assert.throws(attempt, (error: unknown) => {
      assert.ok(error instanceof PersonaScriptError);
      const text = error.message;
      for (const step of [2, 3, 4, 5, 6, 7, 8, 9, 10]) assert.match(text, new RegExp(`step ${step}\\b`), `step ${step} reported in: ${text}`);
      assert.doesNotMatch(text, /step 1\b/);
      assert.match(text, /step 4 \(dtmf\): dtmf: keys are 0-9/);
      assert.match(text, /step 5: needs exactly one of say, interrupt/);
      assert.match(text, /step 6: .*found say, pause/);
      assert.match(text, /step 7 \(interrupt\): afterAgentAudioMs/);
      assert.match(text, /step 8 \(waitForAgent\): waitForAgent.timeoutMs/);
      assert.match(text, /step 9 \(say\).*extra/);
      return true;
    });
  });

  it('rejects what is not a list of steps', () => {
    assert.throws(() => parsePersonaScript({ say: 'hi' }), /a script is an array of steps/);
    assert.throws(() => parsePersonaScript([]), /at least one step/);
  });
});
