/** Where Twilio reaches us for one call: the gateway's voice webhook and the scheduler's callbacks. */
export interface DialerUrls {
  voiceUrl(callId: string): string;
  statusCallbackUrl(callId: string): string;
  amdCallbackUrl(callId: string): string;
}

export const OUTBOUND_STATUS_PATH = '/twilio/outbound-status';
export const OUTBOUND_AMD_PATH = '/twilio/outbound-amd';

/** The URLs from two bases (no trailing slash needed); the scheduler's may only be known once it listens. */
export function dialerUrls(mediaGatewayBaseUrl: string, schedulerBaseUrl: () => string): DialerUrls {
  const gateway = mediaGatewayBaseUrl.replace(/\/+$/, '');
  const withCallId = (base: string, path: string, callId: string): string => `${base}${path}?callId=${encodeURIComponent(callId)}`;
  return {
    voiceUrl: (callId) => withCallId(gateway, '/twilio/voice', callId),
    statusCallbackUrl: (callId) => withCallId(schedulerBaseUrl().replace(/\/+$/, ''), OUTBOUND_STATUS_PATH, callId),
    amdCallbackUrl: (callId) => withCallId(schedulerBaseUrl().replace(/\/+$/, ''), OUTBOUND_AMD_PATH, callId),
  };
}
