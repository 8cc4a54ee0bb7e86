import type { AmdResultHandler } from './amd-result.handler';
import { amdCallbackSchema, callIdSchema, statusCallbackSchema } from './callback.params';
import type { CallbackMetrics } from './callback.metrics';
import type { CallStatusRecorder } from './call-status.recorder';
import { formParams, type TwilioSignatureVerifier } from './twilio-signature.verifier';

/** One callback request as it arrived. */
export interface CallbackRequest {
  /** The full public URL Twilio requested (what it signed). */
  readonly url: string;
  readonly signature: string | undefined;
  readonly body: unknown;
  readonly callId: unknown;
}

/** The HTTP status to answer with: 200 (also for calls we do not know, so Twilio stops retrying), 400, 403. */
export type CallbackStatus = 200 | 400 | 403;

/**
 * Twilio's status and AMD callbacks, independent of the HTTP framework: signature first (403),
 * then shape (400), then the recorder. Every rejection is counted, none affects another call.
 */
export class OutboundCallbacks {
  constructor(
    private readonly verifier: TwilioSignatureVerifier,
    private readonly statuses: CallStatusRecorder,
    private readonly amd: AmdResultHandler,
    private readonly metrics: CallbackMetrics,
  ) {}

  async status(request: CallbackRequest): Promise<CallbackStatus> {
    const checked = this.checked('status', request);
    if (typeof checked === 'number') return checked;
    const parsed = statusCallbackSchema.safeParse(checked.params);
    if (!parsed.success) return this.reject('status', 'malformed', 400);
    const result = await this.statuses.record(checked.callId, parsed.data);
    this.metrics.count('status', result);
    return 200;
  }

  async answeringMachine(request: CallbackRequest): Promise<CallbackStatus> {
    const checked = this.checked('amd', request);
    if (typeof checked === 'number') return checked;
    const parsed = amdCallbackSchema.safeParse(checked.params);
    if (!parsed.success) return this.reject('amd', 'malformed', 400);
    this.metrics.count('amd', await this.amd.handle(checked.callId, parsed.data));
    return 200;
  }

  private checked(kind: 'status' | 'amd', request: CallbackRequest): { callId: string; params: Record<string, unknown> } | CallbackStatus {
    const params = formParams(request.body);
    if (!this.verifier.verify(request.url, request.signature, params)) return this.reject(kind, 'bad_signature', 403);
    const callId = callIdSchema.safeParse(request.callId);
    if (!callId.success) return this.reject(kind, 'bad_call_id', 400);
    return { callId: callId.data, params };
  }

  private reject(kind: 'status' | 'amd', result: string, status: 400 | 403): 400 | 403 {
    this.metrics.count(kind, result);
    return status;
  }
}
