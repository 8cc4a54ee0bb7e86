import { Inject, Injectable } from '@nestjs/common';
import type { CallEndReason } from '@va/contracts';
import type { Logger } from '@va/observability';
import { LOGGER } from '@va/service-kit';
import { CallsRepository } from '../calls/calls.repository';
import { CALL_SESSION_STORE, type CallSessionStore } from '../sessions/call-session.store';
import { CallEventsPublisher, END_REASON_OUTCOME } from './call-events.publisher';
import type { LiveCall } from './live.call';
import { LiveCallRegistry } from './live-call.registry';

/** Ends a held call once: local state dropped, call.ended published, the calls row and session closed. */
@Injectable()
export class LiveCallTerminator {
  constructor(
    private readonly registry: LiveCallRegistry,
    private readonly events: CallEventsPublisher,
    private readonly calls: CallsRepository,
    @Inject(CALL_SESSION_STORE) private readonly sessions: CallSessionStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  end(call: LiveCall, streamReason: CallEndReason): void {
    if (call.ended) return;
    call.ended = true;
    const reason = call.endIntent ?? streamReason;
    this.registry.release(call);
    this.events.ended(call, reason);
    call.closeSocket(1000, 'call ended');
    const { callId, tenantId } = call.session;
    this.calls.markEnded(tenantId, callId, END_REASON_OUTCOME[reason]).catch((error: unknown) => this.warn('recording the call end failed', callId, error));
    this.sessions.remove(callId).catch((error: unknown) => this.warn('removing the call session failed', callId, error));
    this.logger.info('call ended', { callId, reason: END_REASON_OUTCOME[reason] });
  }

  private warn(message: string, callId: string, error: unknown): void {
    this.logger.warn(message, { callId, error: error instanceof Error ? error.message : String(error) });
  }
}
