import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OUTBOUND_CROSS_SELL_FLOW as FLOW } from './outbound-cross-sell.flow';
import { renderHandlerLine, renderStageLine } from './stage-line.renderer';

describe('renderStageLine', () => {
  it('says the disclosures in the intro, with the flow agent name', () => {
    const result = renderStageLine(FLOW, 'INTRO', 'enter', { tenantName: 'Harbor Health Brokers', clientFirstName: 'Dana' });
    assert.deepEqual(result, {
      ok: true,
      text: "Hi, this is Ava calling from Harbor Health Brokers. I'm an automated assistant. This call may be recorded for quality. May I speak with Dana?",
    });
  });

  it('lets a value override the agent name', () => {
    const result = renderStageLine(FLOW, 'INTRO', 'enter', { agentName: 'Sam', tenantName: 'HHB', clientFirstName: 'Dana' });
    assert.match(result.ok ? result.text : '', /^Hi, this is Sam calling from HHB\./);
  });

  it('reports the placeholders a disclosure and the line lack', () => {
    const flow = structuredClone(FLOW);
    flow.disclosures.automated = "I'm {{tenantName}}'s automated assistant.";
    assert.deepEqual(renderStageLine(flow, 'INTRO', 'enter', {}), { ok: false, missing: ['tenantName', 'clientFirstName'] });
  });

  it('does not need disclosure values for a line without disclosures', () => {
    const flow = structuredClone(FLOW);
    flow.disclosures.automated = "I'm {{tenantName}}'s automated assistant.";
    assert.deepEqual(renderStageLine(flow, 'CLOSE_REFUSED', 'enter', {}), { ok: true, text: 'Understood. Thanks for your time, and have a good day.' });
  });

  it('throws for a stage the flow does not have (a caller bug)', () => {
    assert.throws(() => renderStageLine(FLOW, 'NOPE', 'enter', {}), /has no stage NOPE/);
  });
});

describe('renderHandlerLine', () => {
  it('fills the agent name from the flow', () => {
    const result = renderHandlerLine(FLOW, FLOW.handlers.answeringMachine.voicemailSay, { tenantName: 'HHB' });
    assert.match(result.ok ? result.text : '', /^Hi, this is Ava, an automated assistant from HHB\./);
  });
});
