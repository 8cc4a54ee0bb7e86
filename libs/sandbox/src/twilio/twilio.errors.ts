import type { ServerResponse } from 'node:http';
import { sendJson } from '../stand-in/stand-in.server';

/** The JSON body of every Twilio REST error; twilio-node turns it into a RestException. */
export interface TwilioErrorBody {
  readonly code: number;
  readonly message: string;
  readonly more_info: string;
  readonly status: number;
}

export function twilioErrorBody(status: number, code: number, message: string): TwilioErrorBody {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

export function sendTwilioError(response: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(response, status, twilioErrorBody(status, code, message), headers);
}

/** A REST request the stand-in refuses, with the HTTP status and Twilio error code to answer. */
export class TwilioRestError extends Error {
  constructor(readonly status: number, readonly code: number, message: string) {
    super(message);
    this.name = 'TwilioRestError';
  }
}
