import type { Logger } from '@va/observability';
import { statusCallbackSchema, type StatusCallback } from '../callbacks/callback.params';
import type { OutboundTelephony, ProviderCallState } from '../telephony/outbound.telephony';
import type { StuckCall } from './stuck-calls.query';

export interface StuckCallCheckerDeps {
  /** Claims the tenant's calls due for a check (claimStuckCalls in the tenant's transaction). */
  readonly claim: (tenantId: string) => Promise<readonly StuckCall[]>;
  readonly telephony: Pick<OutboundTelephony, 'fetchCall'>;
  /** The status-callback path (CallStatusRecorder): the same outcome mapping and retry policy. */
  readonly recorder: { record(callId: string, callback: StatusCallback): Promise<string> };
  readonly logger: Logger;
}

/** What a check did with one call. */
export type StuckCallResult = 'applied' | 'in_progress' | 'unchanged' | 'unreadable' | 'fetch_failed';

/**
 * Calls whose terminal status callback never arrived: each claimed call is fetched from the
 * provider; a terminal status is applied exactly as a callback carrying it would be, anything
 * else leaves the call to its callbacks (and to the next check). One failure never stops the rest.
 */
export class StuckCallChecker {
  constructor(private readonly deps: StuckCallCheckerDeps) {}

  async check(tenantId: string, signal: AbortSignal): Promise<StuckCallResult[]> {
    const results: StuckCallResult[] = [];
    for (const call of await this.deps.claim(tenantId)) {
      if (signal.aborted) break;
      results.push(await this.checkOne(call));
    }
    return results;
  }

  private async checkOne(call: StuckCall): Promise<StuckCallResult> {
    const { telephony, recorder, logger } = this.deps;
    let state: ProviderCallState;
    try {
      state = await telephony.fetchCall(call.callSid);
    } catch (error) {
      logger.warn('stuck call fetch failed', { callId: call.callId, error: error instanceof Error ? error.message : String(error) });
      return 'fetch_failed';
    }
    const callback = statusCallbackSchema.safeParse({ CallSid: call.callSid, CallStatus: state.status, ...(state.answeredBy === undefined ? {} : { AnsweredBy: state.answeredBy }) });
    if (!callback.success) {
      logger.warn('stuck call status unreadable', { callId: call.callId });
      return 'unreadable';
    }
    const recorded = await recorder.record(call.callId, callback.data);
    if (recorded === 'progress') return 'in_progress';
    // A callback finished it meanwhile (or the call is no longer ours to finish).
    if (recorded !== 'completed') return 'unchanged';
    logger.info('stuck call finished from the provider status', { callId: call.callId, callStatus: callback.data.CallStatus });
    return 'applied';
  }
}
