import { z } from 'zod';

export const CALL_SESSION_STORE = Symbol('va:call-session-store');

/** A live call as the webhooks registered it; the media stream is accepted only against it. */
export const callSessionSchema = z.object({
  callId: z.string().min(1),
  tenantId: z.string().uuid(),
  callSid: z.string().min(1),
  from: z.string(),
  to: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  campaignId: z.string().optional(),
  attemptId: z.string().optional(),
  clientId: z.string().optional(),
  /** Set when a gateway instance accepted the call's media stream. */
  gatewayInstanceId: z.string().optional(),
  streamSid: z.string().optional(),
});

export type CallSession = z.infer<typeof callSessionSchema>;

/** Live-call sessions shared by the gateway instances (Redis), or in memory in embedded mode. */
export interface CallSessionStore {
  put(session: CallSession): Promise<void>;
  get(callId: string): Promise<CallSession | undefined>;
  remove(callId: string): Promise<void>;
}

export const CALL_SESSION_POLICY = Object.freeze({
  /** Longer than any call; a session outliving its call expires on its own. */
  ttlSeconds: 4 * 60 * 60,
  keyPrefix: 'va:call:',
});
