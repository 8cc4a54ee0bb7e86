import twilio from 'twilio';

/** The TwiML documents the voice webhook answers with. */
export const VoiceTwiml = {
  /** Bidirectional media stream to the gateway; the call and tenant travel as stream parameters. */
  connectStream(streamUrl: string, callId: string, tenantId: string): string {
    const response = new twilio.twiml.VoiceResponse();
    const stream = response.connect().stream({ url: streamUrl });
    stream.parameter({ name: 'callId', value: callId });
    stream.parameter({ name: 'tenantId', value: tenantId });
    return response.toString();
  },

  notInService(): string {
    const response = new twilio.twiml.VoiceResponse();
    response.say('We are sorry, this number is not in service. Goodbye.');
    response.hangup();
    return response.toString();
  },

  /** While the instance drains: the caller is told to call back, and the call ends. */
  busy(): string {
    const response = new twilio.twiml.VoiceResponse();
    response.say('We are sorry, all our lines are busy right now. Please call again in a moment.');
    response.hangup();
    return response.toString();
  },

  empty(): string {
    return new twilio.twiml.VoiceResponse().toString();
  },
} as const;
