import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Registry } from 'prom-client';
import { ChainExhaustedError, FailoverChain } from './failover.chain';
import { ProviderFailure } from './provider.failure';

type Behaviour = 'ok' | 'error' | 'hang' | 'silent';

/** A fake provider whose next attempts behave as told; it records whether its attempt was aborted. */
class FakeProvider {
  readonly behaviours: Behaviour[] = [];
  aborted = 0;
  calls = 0;

  constructor(readonly name: string) {}

  async answer(signal: AbortSignal): Promise<string> {
    this.calls += 1;
    const behaviour = this.behaviours.shift() ?? 'ok';
    signal.addEventListener('abort', () => (this.aborted += 1));
    if (behaviour === 'ok') return `${this.name} answered`;
    if (behaviour === 'error') throw new Error('HTTP 503');
    if (behaviour === 'silent') throw new ProviderFailure(this.name, 'silence', 'audio in, nothing out');
    return new Promise<string>(() => undefined);
  }
}

async function metricValue(registry: Registry, name: string, labels: Record<string, string>): Promise<number> {
  const metric = (await registry.getMetricsAsJSON()).find((each) => each.name === name);
  const found = (metric?.values ?? []).find((value) => Object.entries(labels).every(([key, expected]) => value.labels[key] === expected));
  return Number(found?.value ?? 0);
}

function chainOf(registry: Registry, resetTimeoutMs = 60_000) {
  const primary = new FakeProvider('primary');
  const secondary = new FakeProvider('secondary');
  const local = new FakeProvider('local');
  const chain = new FailoverChain(
    [
      { name: 'primary', provider: primary },
      { name: 'secondary', provider: secondary },
      { name: 'local', provider: local, budgetMs: 500 },
    ],
    { kind: 'tts', registry, budgetMs: 60, breaker: { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs } },
  );
  return { chain, primary, secondary, local };
}

describe('FailoverChain', () => {
  it('answers from the primary while it is healthy', async () => {
    const registry = new Registry();
    const { chain, secondary } = chainOf(registry);
    const result = await chain.run((provider, signal) => provider.answer(signal));
    assert.deepEqual([result.name, result.index, result.value], ['primary', 0, 'primary answered']);
    assert.equal(secondary.calls, 0);
    chain.shutdown();
  });

  it('fails over at once on an error, on a hang past the budget (aborting it), and on silence, counting each reason', async () => {
    const registry = new Registry();
    const { chain, primary } = chainOf(registry, 60_000);
    primary.behaviours.push('error');
    assert.equal((await chain.run((provider, signal) => provider.answer(signal))).name, 'secondary');

    const { chain: hangChain, primary: hangPrimary } = chainOf(new Registry());
    hangPrimary.behaviours.push('hang');
    const started = Date.now();
    const afterHang = await hangChain.run((provider, signal) => provider.answer(signal));
    assert.equal(afterHang.name, 'secondary');
    assert.ok(Date.now() - started < 400, 'the budget, not the hang, bounds the wait');
    assert.equal(hangPrimary.aborted, 1, 'the hung attempt was told to stop');

    const silentRegistry = new Registry();
    const { chain: silentChain, primary: silentPrimary } = chainOf(silentRegistry);
    silentPrimary.behaviours.push('silent');
    assert.equal((await silentChain.run((provider, signal) => provider.answer(signal))).name, 'secondary');
    assert.equal(await metricValue(silentRegistry, 'provider_failures_total', { provider: 'primary', reason: 'silence' }), 1);
    assert.equal(await metricValue(silentRegistry, 'provider_failovers_total', { from: 'primary', to: 'secondary' }), 1);
    assert.equal(await metricValue(registry, 'provider_failures_total', { provider: 'primary', reason: 'error' }), 1);
    for (const each of [chain, hangChain, silentChain]) each.shutdown();
  });

  it('opens the breaker after repeated failures, then skips the provider without trying it, and exports the state', async () => {
    const registry = new Registry();
    const { chain, primary } = chainOf(registry);
    primary.behaviours.push('error', 'error');
    await chain.run((provider, signal) => provider.answer(signal));
    await chain.run((provider, signal) => provider.answer(signal));
    assert.equal(chain.breakerOf('primary').state, 'open');
    assert.equal(await metricValue(registry, 'provider_breaker_state', { provider: 'primary' }), 2);
    const callsBefore = primary.calls;
    const skipped = await chain.run((provider, signal) => provider.answer(signal));
    assert.equal(skipped.name, 'secondary');
    assert.equal(primary.calls, callsBefore, 'an open breaker does not call its provider');
    assert.equal(await metricValue(registry, 'provider_failures_total', { provider: 'primary', reason: 'rejected' }), 1);
    chain.shutdown();
  });

  it('probes half-open after the reset timeout and closes again when the probe succeeds', async () => {
    const registry = new Registry();
    const { chain, primary } = chainOf(registry, 150);
    primary.behaviours.push('error', 'error');
    await chain.run((provider, signal) => provider.answer(signal));
    await chain.run((provider, signal) => provider.answer(signal));
    assert.equal(chain.breakerOf('primary').state, 'open');
    await sleep(200);
    assert.equal(chain.breakerOf('primary').state, 'half-open');
    assert.equal(await metricValue(registry, 'provider_breaker_state', { provider: 'primary' }), 1);
    assert.equal((await chain.run((provider, signal) => provider.answer(signal))).name, 'primary', 'the probe goes to the primary');
    assert.equal(chain.breakerOf('primary').state, 'closed');
    assert.equal(await metricValue(registry, 'provider_breaker_state', { provider: 'primary' }), 0);
    chain.shutdown();
  });

  it('counts a failure found mid-stream against the provider, and can start past it', async () => {
    const registry = new Registry();
    const { chain, primary } = chainOf(registry);
    chain.reportFailure('primary', 'silence', 'speech in, no transcript');
    chain.reportFailure('primary', 'silence', 'speech in, no transcript');
    await sleep(5);
    assert.equal(chain.breakerOf('primary').state, 'open');
    assert.equal(await metricValue(registry, 'provider_failures_total', { provider: 'primary', reason: 'silence' }), 2);
    const from1 = await chain.run((provider, signal) => provider.answer(signal), 1);
    assert.equal(from1.name, 'secondary');
    assert.equal(primary.calls, 0);
    chain.shutdown();
  });

  it('reports every failure in order when all providers fail', async () => {
    const { chain, primary, secondary, local } = chainOf(new Registry());
    primary.behaviours.push('error');
    secondary.behaviours.push('silent');
    local.behaviours.push('error');
    await assert.rejects(chain.run((provider, signal) => provider.answer(signal)), (error: unknown) => {
      assert.ok(error instanceof ChainExhaustedError);
      assert.deepEqual(error.failures.map((failure) => [failure.provider, failure.reason]), [['primary', 'error'], ['secondary', 'silence'], ['local', 'error']]);
      return true;
    });
    chain.shutdown();
  });
});
