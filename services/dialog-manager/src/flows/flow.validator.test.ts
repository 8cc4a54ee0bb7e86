import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FlowDefinition } from './flow.definition';
import { validateFlow } from './flow.validator';
import { OUTBOUND_CROSS_SELL_FLOW } from './outbound-cross-sell.flow';

/** A fresh copy of a valid flow, changed by `change`. */
function crafted(change: (flow: FlowDefinition) => void): FlowDefinition {
  const flow = structuredClone(OUTBOUND_CROSS_SELL_FLOW);
  change(flow);
  return flow;
}

function problemsOf(candidate: unknown): readonly string[] {
  const result = validateFlow(candidate);
  return result.ok ? [] : result.problems;
}

const stage = (flow: FlowDefinition, id: string) => {
  const found = flow.stages[id];
  if (found === undefined) throw new Error(`test flow has no stage ${id}`);
  return found;
};

describe('validateFlow', () => {
  it('accepts the crafted base flow unchanged', () => assert.equal(validateFlow(crafted(() => undefined)).ok, true));

  const rejected: [rule: string, change: (flow: FlowDefinition) => void, expected: RegExp][] = [
    ['a next-target naming no stage', (f) => (stage(f, 'CONSENT').next['granted'] = 'VERIFYY'), /^stages\.CONSENT\.next\.granted: VERIFYY names no stage$/],
    ['a missing initialStage', (f) => (f.initialStage = 'WELCOME'), /^initialStage: WELCOME names no stage$/],
    ['a stage named END', (f) => (f.stages['END'] = structuredClone(stage(f, 'CLOSE'))), /^stages\.END: END is reserved/],
    ['a stage without outcomes', (f) => (stage(f, 'CLOSE').next = {}), /^stages\.CLOSE\.next: the stage has no outcome$/],
    ['an unreachable stage', (f) => (f.stages['ORPHAN'] = structuredClone(stage(f, 'CLOSE'))), /^stages\.ORPHAN: not reachable from initialStage$/],
    ['a stage that can never end', (f) => (stage(f, 'CLOSE').next = { again: 'CLOSE' }), /^stages\.CLOSE: no path from this stage reaches END$/],
    ['an unknown placeholder', (f) => (stage(f, 'PRESENT').say.enter = 'Your {{planNickname}} plan.'), /^stages\.PRESENT\.say\.enter: \{\{planNickname\}\} cannot be filled here$/],
    ["another stage's slot as a placeholder", (f) => (stage(f, 'PRESENT').say.reprompt = 'Born {{dateOfBirth}}?'), /^stages\.PRESENT\.say\.reprompt: \{\{dateOfBirth\}\} cannot be filled here$/],
    ['a malformed placeholder', (f) => (stage(f, 'QUALIFY').say.simplify = 'Hi {{first name}}'), /^stages\.QUALIFY\.say\.simplify: 2 malformed placeholder brace\(s\)$/],
    ['a client placeholder in a handler', (f) => (f.handlers.optOut.say = 'Sorry {{clientFirstName}}.'), /^handlers\.optOut\.say: \{\{clientFirstName\}\} cannot be filled here$/],
    ['a client placeholder in the voicemail', (f) => (f.handlers.answeringMachine.voicemailSay = 'Hi {{clientFirstName}}, call us.'), /^handlers\.answeringMachine\.voicemailSay: \{\{clientFirstName\}\} cannot be filled here$/],
    ['a client placeholder in a disclosure', (f) => (f.disclosures.recording = 'Recorded for {{brokerName}}.'), /^disclosures\.recording: \{\{brokerName\}\} cannot be filled here$/],
    ['an initial stage without the automated disclosure', (f) => (stage(f, 'INTRO').say.enter = 'Hi. {{recordingDisclosure}}'), /^stages\.INTRO\.say\.enter: the initial stage must say \{\{automatedDisclosure\}\}$/],
    ['an initial stage without the recording disclosure', (f) => (stage(f, 'INTRO').say.enter = 'Hi. {{automatedDisclosure}}'), /^stages\.INTRO\.say\.enter: the initial stage must say \{\{recordingDisclosure\}\}$/],
    ['a tool outside the catalog', (f) => stage(f, 'PRESENT').allowedTools.push('send_sms'), /^stages\.PRESENT\.allowedTools: send_sms is not a known tool$/],
    ['a tool listed twice', (f) => stage(f, 'SCHEDULE').allowedTools.push('schedule_appointment'), /^stages\.SCHEDULE\.allowedTools: schedule_appointment is listed twice$/],
    ['dateOfBirth in a PRESENT prompt', (f) => stage(f, 'PRESENT').promptFields.push('dateOfBirth'), /^stages\.PRESENT\.promptFields: dateOfBirth is allowed only in a stage marked handlesIdentity$/],
    ['memberId in a QUALIFY prompt', (f) => stage(f, 'QUALIFY').promptFields.push('memberId'), /^stages\.QUALIFY\.promptFields: memberId is allowed only in a stage marked handlesIdentity$/],
    [
      'a date-of-birth slot under another name in a PRESENT prompt',
      (f) => {
        stage(f, 'VERIFY').slots.push({ name: 'birthday', kind: 'date-of-birth', required: false, readBack: true });
        stage(f, 'PRESENT').promptFields.push('birthday');
      },
      /^stages\.PRESENT\.promptFields: birthday is allowed only in a stage marked handlesIdentity$/,
    ],
    ['an unknown prompt field', (f) => stage(f, 'PRESENT').promptFields.push('socialSecurityNumber'), /^stages\.PRESENT\.promptFields: socialSecurityNumber is neither a known field nor a slot of this flow$/],
    ['a verification stage not marked handlesIdentity', (f) => delete stage(f, 'VERIFY').handlesIdentity, /^stages\.VERIFY\.slots\.dateOfBirth: a date-of-birth is captured only in a stage marked handlesIdentity$/],
    ['a phone slot without read-back', (f) => stage(f, 'QUALIFY').slots.push({ name: 'callbackPhone', kind: 'phone', required: false, readBack: false }), /^stages\.QUALIFY\.slots\.callbackPhone: a phone is always read back$/],
    ['a choice slot without choices', (f) => stage(f, 'QUALIFY').slots.push({ name: 'budget', kind: 'choice', required: false, readBack: false }), /^stages\.QUALIFY\.slots\.budget: a choice slot needs choices$/],
    ['choices on a yes-no slot', (f) => stage(f, 'CONSENT').slots.push({ name: 'ok', kind: 'yes-no', required: false, readBack: false, choices: ['a', 'b'] }), /^stages\.CONSENT\.slots\.ok: only a choice slot has choices$/],
    ['a slot name with two kinds', (f) => stage(f, 'QUALIFY').slots.push({ name: 'interested', kind: 'free-text', required: false, readBack: false }), /^stages\.QUALIFY\.slots\.interested: another stage captures a yes-no under this name$/],
    ['an emergency text without 911', (f) => (f.handlers.emergency.say = 'Please see a doctor.'), /^handlers\.emergency\.say: the emergency text must tell the caller to call 911$/],
    ['a wrong direction (schema)', (f) => Object.assign(f, { direction: 'sideways' }), /^direction: /],
    ['a missing goal (schema)', (f) => Object.assign(stage(f, 'CLOSE'), { goal: undefined }), /^stages\.CLOSE\.goal: /],
    ['an unknown key (schema)', (f) => Object.assign(f, { colour: 'blue' }), /^\(flow\): /],
    ['a lower-case stage id (schema)', (f) => (f.stages['close'] = structuredClone(stage(f, 'CLOSE'))), /^stages\.close: /],
  ];
  for (const [rule, change, expected] of rejected) {
    it(`rejects ${rule}`, () => {
      const problems = problemsOf(crafted(change));
      assert.ok(problems.some((problem) => expected.test(problem)), `expected ${expected} among ${JSON.stringify(problems)}`);
    });
  }

  it('lists every problem at once', () => {
    const problems = problemsOf(
      crafted((f) => {
        stage(f, 'CONSENT').next['granted'] = 'NOWHERE';
        stage(f, 'PRESENT').allowedTools.push('send_sms');
        stage(f, 'PRESENT').promptFields.push('memberId');
      }),
    );
    assert.equal(problems.filter((problem) => /NOWHERE|send_sms|memberId/.test(problem)).length, 3, JSON.stringify(problems));
  });

  it('never repeats the text a problem is about', () => {
    const problems = problemsOf(
      crafted((f) => {
        stage(f, 'PRESENT').say.enter = 'Born March 3rd 1952, member {{ W123 456 }} at 12 Elm Street {{';
        f.handlers.emergency.say = 'Dana Smith, 1952.';
      }),
    );
    assert.ok(problems.length >= 2);
    assert.doesNotMatch(problems.join('\n'), /1952|W123|Elm|Dana/);
  });

  it('rejects what is not a flow at all', () => {
    for (const candidate of [undefined, null, 'flow', 42, []]) assert.ok(problemsOf(candidate).length > 0);
  });
});
