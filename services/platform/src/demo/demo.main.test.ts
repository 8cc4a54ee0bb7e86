import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EXPECTED_DIALS } from './demo-callees.personas';

const ENTRY = join(__dirname, 'demo.main.js');
const DEMO_DEADLINE_MS = 110_000;

/** `npm run demo -- --exit --json` as a process: embedded platform, sandbox vendors, REST-driven campaign, summary. */
describe('the end-to-end demo (demo.main with --exit --json)', () => {
  let child: ChildProcess | undefined;
  after(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
  });

  it('books, handles an opt-out, never dials the DNC number, and ends stdout with the summary as one JSON line', { timeout: DEMO_DEADLINE_MS + 10_000 }, async () => {
    // An empty environment: the demo needs no configuration, no infrastructure and no keys.
    const demo = spawn(process.execPath, [ENTRY, '--exit', '--json'], { env: {}, stdio: ['ignore', 'pipe', 'pipe'], timeout: DEMO_DEADLINE_MS });
    child = demo;
    let stdout = '';
    let stderr = '';
    demo.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    demo.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [exitCode] = (await once(demo, 'exit')) as [number | null];
    const stdoutLines = stdout.trim().split('\n');
    const context = `stderr:\n${stderr}`;
    assert.equal(exitCode, 0, context);
    const summary = JSON.parse(stdoutLines.at(-1) ?? '') as Record<string, unknown>;
    for (const key of ['dialled', 'connected', 'consented', 'booked', 'opted_out', 'dnc_dialled', 'voicemails', 'v2v_ms']) assert.ok(key in summary, `the summary has ${key}`);
    assert.equal(summary['dialled'], EXPECTED_DIALS, context);
    assert.ok(Number(summary['booked']) >= 1, context);
    assert.ok(Number(summary['opted_out']) >= 1, context);
    assert.equal(summary['dnc_dialled'], 0);
    assert.ok(Number(summary['consented']) >= 1, context);
    assert.equal(summary['voicemails'], 1, context);
    assert.equal(summary['inbound_calls'], 1, context);
    assert.deepEqual(summary['script_failures'], [], context);
    const latency = summary['v2v_ms'] as { p50: number; p95: number };
    assert.ok(latency.p50 > 0 && latency.p95 >= latency.p50, `v2v ${JSON.stringify(latency)}`);
    assert.match(stderr, /demo: campaign running: attempts/, 'live progress on stderr');
  });
});
