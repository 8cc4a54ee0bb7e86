import type { CallRecordState } from './call.record';
import { rfc2822 } from './twilio.ids';

export const API_VERSION = '2010-04-01';

/** The REST Call resource as Twilio returns it: snake_case JSON, RFC 2822 dates, numbers as strings. */
export function callResource(accountSid: string, call: CallRecordState, parentCallSid?: string): Record<string, unknown> {
  const uri = `/${API_VERSION}/Accounts/${accountSid}/Calls/${call.sid}.json`;
  const ended = call.endTime !== undefined;
  const base = `/${API_VERSION}/Accounts/${accountSid}/Calls/${call.sid}`;
  return {
    account_sid: accountSid,
    annotation: null,
    answered_by: call.answeredBy ?? null,
    api_version: API_VERSION,
    caller_name: null,
    date_created: rfc2822(call.dateCreated),
    date_updated: rfc2822(new Date(call.statusHistory.at(-1)?.atMs ?? call.dateCreated.getTime())),
    direction: call.direction,
    duration: ended ? String(call.durationSeconds()) : null,
    end_time: call.endTime ? rfc2822(call.endTime) : null,
    forwarded_from: null,
    from: call.from,
    from_formatted: call.from,
    group_sid: null,
    parent_call_sid: parentCallSid ?? null,
    phone_number_sid: null,
    price: null,
    price_unit: 'USD',
    queue_time: '0',
    sid: call.sid,
    start_time: call.startTime ? rfc2822(call.startTime) : null,
    status: call.status,
    subresource_uris: {
      feedback: `${base}/Feedback.json`,
      notifications: `${base}/Notifications.json`,
      recordings: `${base}/Recordings.json`,
      streams: `${base}/Streams.json`,
      payments: `${base}/Payments.json`,
      siprec: `${base}/Siprec.json`,
      events: `${base}/Events.json`,
      feedback_summaries: `/${API_VERSION}/Accounts/${accountSid}/Calls/FeedbackSummary.json`,
      transcriptions: `${base}/Transcriptions.json`,
      user_defined_message_subscriptions: `${base}/UserDefinedMessageSubscriptions.json`,
      user_defined_messages: `${base}/UserDefinedMessages.json`,
    },
    to: call.to,
    to_formatted: call.to,
    trunk_sid: null,
    uri,
  };
}
