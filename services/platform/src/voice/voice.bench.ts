import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { nearestRank, runInboundCall, SignalSynthesizer, type CallReport } from '@va/sandbox';
import { ScriptedResponder } from './scripted.responder.test-support';
import { VoiceStack } from './voice-stack.test-support';

/** Provider latency the bench injects on the critical path of every turn, per provider. */
const INJECTED = {
  /** Deepgram endpointing: the stand-in finalizes this long after the caller stops. */
  endpointingMs: 300,
  /** Deepgram result delay after the audio that caused it. */
  sttResultMs: 150,
  /** Stands for the LLM's first clause: the responder waits this long before speaking. */
  llmFirstClauseMs: 400,
  /** ElevenLabs time to first audio byte. */
  ttsFirstByteMs: 250,
} as const;
const INJECTED_TOTAL_MS = INJECTED.endpointingMs + INJECTED.sttResultMs + INJECTED.llmFirstClauseMs + INJECTED.ttsFirstByteMs;
const TURNS_PER_CALL = 3;
const GAP_TOLERANCE_MS = 40;

interface BenchOptions {
  readonly calls: number;
  readonly gateways: number;
  readonly json: boolean;
}

function readOptions(): BenchOptions {
  const { values } = parseArgs({
    options: { calls: { type: 'string', default: '10' }, gateways: { type: 'string', default: '1' }, json: { type: 'boolean', default: false } },
  });
  const calls = Number(values.calls);
  const gateways = Number(values.gateways);
  if (!Number.isInteger(calls) || calls < 1 || calls > 500) throw new Error('--calls must be an integer between 1 and 500');
  if (!Number.isInteger(gateways) || gateways < 1 || gateways > 4) throw new Error('--gateways must be an integer between 1 and 4');
  return { calls, gateways, json: values.json };
}

function percentiles(values: readonly number[]): { p50: number | null; p95: number | null; p99: number | null } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: nearestRank(sorted, 50), p95: nearestRank(sorted, 95), p99: nearestRank(sorted, 99) };
}

/** One simulated caller: a few questions, each waited for, then a hang-up; calls start spread over a second. */
async function simulatedCall(stack: VoiceStack, index: number, voice: SignalSynthesizer): Promise<CallReport> {
  await sleep(Math.floor((index * 1_000) / Math.max(1, index + 1)));
  const gateway = stack.gateways[index % stack.gateways.length];
  const script = Array.from({ length: TURNS_PER_CALL }, (_, turn) => [
    { say: `Bench caller ${index} question ${turn}`, ...(turn === 0 ? {} : { afterAgentSilenceMs: 300 }) },
    { waitForAgent: { heard: new RegExp(`caller ${index} question ${turn}`), timeoutMs: 30_000 } },
  ]).flat();
  return runInboundCall(stack.sandbox.twilio, { from: `+1555066${String(index).padStart(4, '0')}`, to: gateway?.phoneNumber ?? '' }, [...script, { pause: 300 }, { hangUp: true }], {
    voice,
    callerSpeech: stack.sandbox.callerSpeech,
    agentSpeech: stack.sandbox.agentSpeech,
    policy: { gapToleranceMs: GAP_TOLERANCE_MS },
  });
}

/**
 * `npm run bench:voice -- --calls N [--gateways G] [--json]`: N concurrent simulated calls through
 * the live voice path (gateway, stt, tts as processes on real Kafka, the sandbox as the vendors
 * with injected latencies, a scripted responder standing for the dialog-manager). Prints, as its
 * last line, one JSON object: calls, turns, v2v_ms and overhead_ms percentiles measured at the
 * caller, injected_ms, and gaps_over_40ms.
 */
async function main(): Promise<void> {
  const options = readOptions();
  const stack = new VoiceStack({
    label: 'benchvoice',
    gateways: options.gateways,
    sandbox: { latency: 'none' },
    env: { LOG_LEVEL: 'error' },
  });
  await stack.start();
  stack.sandbox.deepgram.faults.set({ firstByteDelayMs: INJECTED.sttResultMs });
  stack.sandbox.elevenlabs.faults.set({ firstByteDelayMs: INJECTED.ttsFirstByteMs });
  const responder = new ScriptedResponder(stack.bus, {
    reply: (text) => [`You said: ${text}.`],
    group: `${stack.topicPrefix}bench`,
    replyDelayMs: INJECTED.llmFirstClauseMs,
  });
  await responder.start();
  const voice = new SignalSynthesizer();
  try {
    const started = performance.now();
    const reports = await Promise.all(Array.from({ length: options.calls }, (_, index) => simulatedCall(stack, index, voice)));
    const elapsedMs = Math.round(performance.now() - started);
    const turns = reports.flatMap((report) => report.turns);
    const byTurn = Array.from({ length: TURNS_PER_CALL }, (_, turn) =>
      percentiles(reports.map((report) => report.turns[turn]?.voiceToVoiceMs).filter((value): value is number => value !== null && value !== undefined)),
    );
    const measured = turns.map((turn) => turn.voiceToVoiceMs).filter((value): value is number => value !== null);
    const failures = reports.filter((report) => report.failure !== undefined).length;
    const gaps = reports.flatMap((report) => report.agentTurns).reduce((total, turn) => total + turn.gaps.count, 0);
    const summary = {
      calls: options.calls,
      gateways: options.gateways,
      turns: measured.length,
      unanswered_turns: turns.length - measured.length,
      failed_calls: failures,
      v2v_ms: percentiles(measured),
      injected_ms: INJECTED_TOTAL_MS,
      injected_breakdown_ms: INJECTED,
      overhead_ms: percentiles(measured.map((value) => value - INJECTED_TOTAL_MS)),
      v2v_by_turn_ms: byTurn,
      gaps_over_40ms: gaps,
      elapsed_ms: elapsedMs,
    };
    if (!options.json) process.stdout.write(`voice bench: ${options.calls} calls, ${measured.length} answered turns in ${elapsedMs} ms\n`);
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await responder.stop();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:voice failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
