import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@va/observability';
import { LOGGER, SERVICE_READINESS, type ServiceReadiness } from '@va/service-kit';
import { CallsRepository } from '../calls/calls.repository';
import { CALL_SESSION_STORE, type CallSession, type CallSessionStore } from '../sessions/call-session.store';
import { PublicUrls } from './public.urls';
import type { VoiceWebhookParams } from './voice-webhook.params';
import { VoiceTwiml } from './voice.twiml';

/**
 * The voice webhook's decision: the tenant by the dialled number (inbound) or the existing
 * outbound call (`?callId=`), the calls row and the live-call session, then TwiML that
 * connects the call's media stream to the gateway.
 */
@Injectable()
export class VoiceCallAnswerer {
  constructor(
    private readonly calls: CallsRepository,
    private readonly urls: PublicUrls,
    @Inject(CALL_SESSION_STORE) private readonly sessions: CallSessionStore,
    @Inject(SERVICE_READINESS) private readonly readiness: ServiceReadiness,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async answer(params: VoiceWebhookParams, outboundCallId: string | undefined): Promise<string> {
    if (this.readiness.draining) return VoiceTwiml.busy();
    const session = outboundCallId === undefined ? await this.registerInbound(params) : await this.registerOutbound(params, outboundCallId);
    if (session === undefined) return VoiceTwiml.notInService();
    await this.sessions.put(session);
    this.logger.info('call answered', { callId: session.callId, direction: session.direction });
    return VoiceTwiml.connectStream(this.urls.mediaStreamUrl(), session.callId, session.tenantId);
  }

  private async registerInbound(params: VoiceWebhookParams): Promise<CallSession | undefined> {
    const tenantId = await this.calls.tenantForNumber(params.To);
    if (tenantId === undefined) {
      this.logger.warn('inbound call to a number of no tenant');
      return undefined;
    }
    // Twilio retries a webhook it got no answer to: the same CallSid keeps its one call.
    const known = await this.calls.callIdForProviderCall(tenantId, params.CallSid);
    const callId = known ?? `call_${randomUUID()}`;
    if (known === undefined) await this.calls.insertInbound({ id: callId, tenantId, callSid: params.CallSid, fromE164: params.From, toE164: params.To });
    return { callId, tenantId, callSid: params.CallSid, from: params.From, to: params.To, direction: 'inbound' };
  }

  /** An outbound call is placed from one of the tenant's numbers, so `From` names the tenant. */
  private async registerOutbound(params: VoiceWebhookParams, callId: string): Promise<CallSession | undefined> {
    const tenantId = await this.calls.tenantForNumber(params.From);
    const row = tenantId === undefined ? undefined : await this.calls.answerOutbound(tenantId, callId, params.CallSid);
    if (tenantId === undefined || row === undefined) {
      this.logger.warn('answered outbound call matches no open outbound call', { callId });
      return undefined;
    }
    return {
      callId,
      tenantId,
      callSid: params.CallSid,
      from: row.fromE164,
      to: row.toE164,
      direction: 'outbound',
      ...(row.campaignId === null ? {} : { campaignId: row.campaignId }),
      ...(row.attemptId === null ? {} : { attemptId: row.attemptId }),
      ...(row.clientId === null ? {} : { clientId: row.clientId }),
    };
  }
}
