export * from './call-leg';
export type { AnsweredBy, StreamRecord, TwilioCallRecord, TwilioCallStatus, WebhookAttempt } from './call.record';
export type { CalleeAnswer, OutboundCallHandler } from './outbound.dialer';
export type { StatusCallbackEvent } from './status-callback.notifier';
export type { HttpMethod } from './twiml.document';
export type { WebhookPurpose } from './webhook.sender';
export { TwilioStandIn, type IncomingNumberConfig, type InboundCallOptions, type TwilioStandInOptions } from './twilio.stand-in';
export { StandInRequestClient, twilioClientFor, type TwilioEndpoint } from './twilio-sdk.client';
export { twilioErrorBody, type TwilioErrorBody } from './twilio.errors';
