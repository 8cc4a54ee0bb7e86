import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_READINESS, type ServiceReadiness } from '@va/service-kit';
import { GATEWAY_INSTANCE_ID } from '../config/gateway-instance.id';
import { CALL_SESSION_STORE, type CallSession, type CallSessionStore } from '../sessions/call-session.store';

export type AdmissionResult = { readonly ok: true; readonly session: CallSession } | { readonly ok: false; readonly reason: 'draining' | 'unknown-call' | 'mismatch' };

/**
 * Decides whether a stream `start` belongs to a call the webhooks registered: its callId must
 * name a session whose tenant and CallSid match. An admitted session records this instance
 * and the streamSid.
 */
@Injectable()
export class StreamAdmission {
  constructor(
    @Inject(CALL_SESSION_STORE) private readonly sessions: CallSessionStore,
    @Inject(SERVICE_READINESS) private readonly readiness: ServiceReadiness,
    @Inject(GATEWAY_INSTANCE_ID) private readonly instanceId: string,
  ) {}

  async admit(start: { readonly streamSid: string; readonly callSid: string; readonly parameters: Readonly<Record<string, string>> }): Promise<AdmissionResult> {
    if (this.readiness.draining) return { ok: false, reason: 'draining' };
    const callId = start.parameters['callId'];
    const tenantId = start.parameters['tenantId'];
    if (callId === undefined || tenantId === undefined) return { ok: false, reason: 'unknown-call' };
    const session = await this.sessions.get(callId);
    if (session === undefined) return { ok: false, reason: 'unknown-call' };
    if (session.tenantId !== tenantId || session.callSid !== start.callSid) return { ok: false, reason: 'mismatch' };
    const admitted: CallSession = { ...session, gatewayInstanceId: this.instanceId, streamSid: start.streamSid };
    await this.sessions.put(admitted);
    return { ok: true, session: admitted };
  }
}
