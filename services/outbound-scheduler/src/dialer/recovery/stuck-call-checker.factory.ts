import type { SqlDatabase } from '@va/data';
import type { Logger } from '@va/observability';
import type { CallStatusRecorder } from '../callbacks/call-status.recorder';
import type { Clock } from '../../clock';
import { DIALER_POLICY } from '../dialer.policy';
import type { OutboundTelephony } from '../telephony/outbound.telephony';
import { StuckCallChecker } from './stuck-call.checker';
import { claimStuckCalls } from './stuck-calls.query';

export interface StuckCallCheckerSetup {
  readonly db: SqlDatabase;
  readonly clock: Clock;
  readonly telephony: Pick<OutboundTelephony, 'fetchCall'>;
  readonly recorder: CallStatusRecorder;
  readonly stuckMs: number;
  readonly logger: Logger;
}

/** The checker over the tenant's calls in Postgres, finishing calls through the status-callback recorder. */
export function createStuckCallChecker(setup: StuckCallCheckerSetup): StuckCallChecker {
  return new StuckCallChecker({
    claim: (tenantId) =>
      setup.db.inTenant(tenantId, (session) => claimStuckCalls(session, { now: setup.clock.now(), stuckMs: setup.stuckMs, limit: DIALER_POLICY.stuckCheckBatchSize })),
    telephony: setup.telephony,
    recorder: setup.recorder,
    logger: setup.logger,
  });
}
