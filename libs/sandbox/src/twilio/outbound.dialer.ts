import { setTimeout as sleep } from 'node:timers/promises';
import type { CallLeg } from './call-leg';
import type { CreateCallRequest, MachineDetectionMode } from './call-request.params';
import type { AnsweredBy } from './call.record';
import type { CallSession } from './call.session';

/** What the person (or machine) at the called number does. */
export type CalleeAnswer =
  | {
      readonly kind: 'answer';
      /** Who picks up; default human. */
      readonly by?: 'human' | 'machine_start' | 'machine_end_beep' | 'fax';
      /** Ring time before the pick-up; default the stand-in's `ringMs`. Longer than `Timeout` means no-answer. */
      readonly afterMs?: number;
      /** Receives the callee's leg at pick-up; without it the stand-in emits `outboundLeg`. */
      readonly onLeg?: (leg: CallLeg) => void;
    }
  | { readonly kind: 'no-answer' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'failed' };

export type OutboundCallHandler = (call: { readonly sid: string; readonly to: string; readonly from: string }) => CalleeAnswer | Promise<CalleeAnswer>;

export interface DialerTiming {
  readonly ringMs: number;
  /** Time answering-machine detection takes after pick-up (reported as MachineDetectionDuration). */
  readonly amdMs: number;
}

/**
 * The progress of one outbound-api call: initiated, then the callee's handler decides between
 * busy, failed, ringing into no-answer (at most `Timeout`), or a pick-up. On pick-up the call
 * is in-progress and its TwiML runs; with sync AMD the Url is requested once detection is done
 * (with AnsweredBy), with AsyncAmd at once and AsyncAmdStatusCallback gets the result later.
 */
export async function dialOutbound(
  call: CallSession,
  request: CreateCallRequest,
  handler: OutboundCallHandler,
  timing: DialerTiming,
  handOver: (leg: CallLeg, answer: Extract<CalleeAnswer, { kind: 'answer' }>) => void,
): Promise<void> {
  const signal = call.lifetime.signal;
  const wait = (ms: number): Promise<boolean> => sleep(ms, true, { signal }).catch(() => false);
  call.notifier.notify('initiated', call.callParams());
  let answer: CalleeAnswer;
  try {
    answer = await handler({ sid: call.sid, to: request.to, from: request.from });
  } catch (error) {
    call.end({ reason: 'failed', error: { code: 31000, message: `callee handler failed: ${error instanceof Error ? error.message : String(error)}` } }, 'failed');
    return;
  }
  if (call.isOver) return;
  if (answer.kind === 'busy') return call.end({ reason: 'busy' });
  if (answer.kind === 'failed') return call.end({ reason: 'failed', error: { code: 31000, message: 'the called line failed' } }, 'failed');
  call.record.setStatus('ringing');
  call.notifier.notify('ringing', call.callParams());
  const timeoutMs = request.timeoutSeconds * 1_000;
  const ringForMs = answer.kind === 'answer' ? (answer.afterMs ?? timing.ringMs) : timing.ringMs;
  if (answer.kind === 'no-answer' || ringForMs > timeoutMs) {
    if (await wait(Math.min(ringForMs, timeoutMs))) call.end({ reason: 'no-answer' });
    return;
  }
  if (!(await wait(ringForMs)) || call.isOver) return;

  const detected = request.machineDetection === undefined ? undefined : detectedAs(request.machineDetection, answer.by ?? 'human');
  call.answer();
  handOver(call.leg, answer);
  const source = (): NonNullable<typeof call.pendingSource> => call.pendingSource ?? request.source;
  if (detected === undefined) return call.runTwiml(source());
  if (!request.asyncAmd) {
    if (!(await wait(timing.amdMs)) || call.isOver) return;
    call.record.answeredBy = detected;
    return call.runTwiml(source());
  }
  call.runTwiml(source());
  if (!(await wait(timing.amdMs)) || call.isOver) return;
  call.record.answeredBy = detected;
  const callback = request.asyncAmdStatusCallback;
  if (callback === undefined) return;
  const { AccountSid = '', CallSid = '' } = call.callParams();
  await call.webhook({
    purpose: 'amd-status-callback',
    url: callback.url,
    method: callback.method,
    params: { AccountSid, CallSid, AnsweredBy: detected, MachineDetectionDuration: String(Math.round(timing.amdMs)) },
  });
}

/** What Twilio's detector reports for who answered, in the requested mode. */
function detectedAs(mode: MachineDetectionMode, by: 'human' | 'machine_start' | 'machine_end_beep' | 'fax'): AnsweredBy {
  if (by === 'human' || by === 'fax') return by;
  if (mode === 'Enable') return 'machine_start';
  return by === 'machine_start' ? 'machine_end_other' : by;
}
