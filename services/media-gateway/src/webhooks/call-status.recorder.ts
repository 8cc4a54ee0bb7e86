import { Inject, Injectable } from '@nestjs/common';
import { CallsRepository } from '../calls/calls.repository';
import { CALL_SESSION_STORE, type CallSessionStore } from '../sessions/call-session.store';
import type { VoiceWebhookParams } from './voice-webhook.params';

/** Twilio's final call statuses; each is recorded as the call's outcome when none is set yet. */
const TERMINAL_STATUSES: ReadonlySet<string> = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

/** The status callback: a terminal status closes the calls row and removes the live-call session. */
@Injectable()
export class CallStatusRecorder {
  constructor(
    private readonly calls: CallsRepository,
    @Inject(CALL_SESSION_STORE) private readonly sessions: CallSessionStore,
  ) {}

  /** Returns whether a call was found and closed. */
  async record(params: VoiceWebhookParams, callIdFromUrl: string | undefined): Promise<boolean> {
    if (!TERMINAL_STATUSES.has(params.CallStatus)) return false;
    const ourNumber = params.Direction === 'inbound' ? params.To : params.From;
    const tenantId = await this.calls.tenantForNumber(ourNumber);
    if (tenantId === undefined) return false;
    const callId = callIdFromUrl ?? (await this.calls.callIdForProviderCall(tenantId, params.CallSid));
    if (callId === undefined) return false;
    await this.calls.markEnded(tenantId, callId, params.CallStatus);
    await this.sessions.remove(callId);
    return true;
  }
}
