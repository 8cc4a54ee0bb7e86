import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_FLOWS, type DefaultFlowCatalog } from './default-flow.catalog';
import { OUTBOUND_CROSS_SELL_FLOW } from './outbound-cross-sell.flow';
import { resolveTenantFlow, type TenantFlowResolution, type TenantFlowRequest } from './tenant-flow.resolver';

const outbound = (tenantSettings: unknown): TenantFlowRequest => ({ direction: 'outbound', tenantKind: 'brokerage', tenantSettings });

function resolved(resolution: TenantFlowResolution) {
  assert.ok(resolution.ok, 'expected a flow');
  return resolution;
}

describe('resolveTenantFlow', () => {
  const defaults: [request: TenantFlowRequest, flowId: string][] = [
    [outbound({}), 'outbound-cross-sell'],
    [{ direction: 'inbound', tenantKind: 'clinic', tenantSettings: {} }, 'inbound-reception'],
    [{ direction: 'inbound', tenantKind: 'brokerage', tenantSettings: {} }, 'inbound-brokerage-reception'],
  ];
  for (const [request, flowId] of defaults) {
    it(`picks ${flowId} for a ${request.direction} call of a ${request.tenantKind}`, () => {
      const resolution = resolved(resolveTenantFlow(request));
      assert.equal(resolution.flow.id, flowId);
      assert.deepEqual([resolution.overridesApplied, resolution.problems], [false, []]);
    });
  }

  it('has no flow for an outbound call of a clinic', () => {
    assert.deepEqual(resolveTenantFlow({ direction: 'outbound', tenantKind: 'clinic', tenantSettings: {} }), { ok: false, reason: 'no-flow-for-tenant-kind' });
  });

  for (const settings of [undefined, null, 'text', {}, { agentName: 'Ava' }]) {
    it(`uses the default without problems when settings hold no flow: ${JSON.stringify(settings)}`, () => {
      const resolution = resolved(resolveTenantFlow(outbound(settings)));
      assert.deepEqual(resolution.flow, OUTBOUND_CROSS_SELL_FLOW);
      assert.deepEqual(resolution.problems, []);
    });
  }

  it('merges the agent name, voice, greeting and disclosures', () => {
    const resolution = resolved(
      resolveTenantFlow(
        outbound({
          flow: {
            agentName: 'Sam',
            voiceId: 'calm-male',
            greeting: { outbound: 'Hello, {{agentName}} here from {{tenantName}}. {{automatedDisclosure}} {{recordingDisclosure}} Is {{clientFirstName}} in?' },
            disclosures: { recording: 'We record calls.' },
          },
        }),
      ),
    );
    assert.equal(resolution.overridesApplied, true);
    const { flow } = resolution;
    assert.deepEqual(flow.agent, { name: 'Sam', voiceId: 'calm-male' });
    assert.match(flow.stages['INTRO']?.say.enter ?? '', /^Hello, \{\{agentName\}\} here/);
    assert.deepEqual(flow.disclosures, { automated: OUTBOUND_CROSS_SELL_FLOW.disclosures.automated, recording: 'We record calls.' });
    assert.equal(OUTBOUND_CROSS_SELL_FLOW.agent.name, 'Ava', 'the default is untouched');
  });

  it("applies a greeting to the flow of its own direction only", () => {
    const settings = { flow: { greeting: { inbound: 'Welcome to {{tenantName}}! {{automatedDisclosure}} {{recordingDisclosure}} Your name?' } } };
    assert.equal(resolved(resolveTenantFlow(outbound(settings))).flow.stages['INTRO']?.say.enter, OUTBOUND_CROSS_SELL_FLOW.stages['INTRO']?.say.enter);
    const inbound = resolved(resolveTenantFlow({ direction: 'inbound', tenantKind: 'clinic', tenantSettings: settings }));
    assert.match(inbound.flow.stages['GREETING']?.say.enter ?? '', /^Welcome to/);
  });

  const bad: [name: string, flowSettings: unknown, problem: RegExp][] = [
    ['an unknown key', { agentNmae: 'Sam' }, /^settings\.flow: /],
    ['a wrong type', { agentName: 42 }, /^settings\.flow\.agentName: /],
    ['a transfer number (transfer_to_human reads settings.transferNumber)', { transferToE164: '+15550110199' }, /^settings\.flow: /],
    ['an empty greeting', { greeting: { outbound: '  ' } }, /^settings\.flow\.greeting\.outbound: /],
    ['a flow that is not an object', 'Ava', /^settings\.flow: /],
    ['null', null, /^settings\.flow: /],
    ['a greeting without the disclosures', { greeting: { outbound: 'Hi {{clientFirstName}}, quick question!' } }, /^flow with settings\.flow applied: stages\.INTRO\.say\.enter: the initial stage must say \{\{automatedDisclosure\}\}$/],
    ['a greeting with an unknown placeholder', { greeting: { outbound: '{{automatedDisclosure}} {{recordingDisclosure}} {{nickname}}?' } }, /\{\{nickname\}\} cannot be filled here$/],
    ['a disclosure naming the client', { disclosures: { automated: '{{clientFirstName}}, I am automated.' } }, /disclosures\.automated: \{\{clientFirstName\}\} cannot be filled here$/],
  ];
  for (const [name, flowSettings, problem] of bad) {
    it(`ignores overrides with ${name}, reports why, and uses the default`, () => {
      const resolution = resolved(resolveTenantFlow(outbound({ flow: { voiceId: 'calm-male', ...(typeof flowSettings === 'object' ? flowSettings : {}) } })));
      const direct = resolved(resolveTenantFlow(outbound({ flow: flowSettings })));
      for (const candidate of flowSettings !== null && typeof flowSettings === 'object' ? [resolution, direct] : [direct]) {
        assert.equal(candidate.overridesApplied, false);
        assert.deepEqual(candidate.flow, OUTBOUND_CROSS_SELL_FLOW);
        assert.ok(candidate.problems.some((text) => problem.test(text)), JSON.stringify(candidate.problems));
      }
    });
  }

  it('never repeats the values it rejects', () => {
    const resolution = resolved(resolveTenantFlow(outbound({ flow: { voiceId: '', agentName: 'x'.repeat(41), greeting: { outbound: 'Dana Smith {{ 1952 }}' } } })));
    assert.ok(resolution.problems.length > 0);
    assert.doesNotMatch(resolution.problems.join('\n'), /5309|xxxx|Dana|1952/);
  });

  it('returns a copy the caller may change', () => {
    const first = resolved(resolveTenantFlow(outbound({})));
    first.flow.agent.name = 'Changed';
    assert.equal(resolved(resolveTenantFlow(outbound({}))).flow.agent.name, 'Ava');
  });

  it('throws when a default flow itself is invalid (a bug, caught by tests)', () => {
    const broken = structuredClone(OUTBOUND_CROSS_SELL_FLOW);
    broken.initialStage = 'NOWHERE';
    const catalog: DefaultFlowCatalog = { ...DEFAULT_FLOWS, outbound: { brokerage: broken } };
    assert.throws(() => resolveTenantFlow(outbound({}), catalog), /default flow outbound-cross-sell is invalid: initialStage: NOWHERE names no stage/);
  });
});
