/** Deepgram's JSON error body, as its REST endpoints and refused WebSocket upgrades return it. */
export interface DeepgramErrorBody {
  readonly err_code: string;
  readonly err_msg: string;
  readonly request_id: string;
}

export function deepgramError(errCode: string, errMsg: string, requestId: string): DeepgramErrorBody {
  return { err_code: errCode, err_msg: errMsg, request_id: requestId };
}

export function invalidCredentials(requestId: string): DeepgramErrorBody {
  return deepgramError('INVALID_AUTH', 'Invalid credentials.', requestId);
}

export function invalidQuery(message: string, requestId: string): DeepgramErrorBody {
  return deepgramError('INVALID_QUERY_PARAMETER', message, requestId);
}

export function badRequest(message: string, requestId: string): DeepgramErrorBody {
  return deepgramError('Bad Request', message, requestId);
}

/** The body of an injected http-error fault, shaped like Deepgram's answer for that status. */
export function faultError(status: number, requestId: string): DeepgramErrorBody {
  if (status === 429) return deepgramError('TOO_MANY_REQUESTS', 'Too many requests. Please try again later.', requestId);
  if (status === 401) return invalidCredentials(requestId);
  if (status === 402) return deepgramError('ASR_PAYMENT_REQUIRED', 'Project does not have enough credits for an ASR request.', requestId);
  if (status === 503) return deepgramError('SERVICE_UNAVAILABLE', 'The service is temporarily unavailable.', requestId);
  if (status >= 500) return deepgramError('INTERNAL_SERVER_ERROR', 'An internal server error occurred.', requestId);
  return badRequest(`Request failed with status ${status}.`, requestId);
}

/** Close frames of the live sockets: an RFC 6455 code and Deepgram's reason text. */
export interface CloseFrame {
  readonly code: number;
  readonly reason: string;
}

export const NORMAL_CLOSE: CloseFrame = Object.freeze({ code: 1000, reason: '' });

/** No audio and no text message within the idle window (NET-0001). */
export const IDLE_TIMEOUT_CLOSE: CloseFrame = Object.freeze({
  code: 1011,
  reason: 'Deepgram did not receive audio data or a text message within the timeout window. See https://dpgr.am/net0001',
});

/** A text frame that is not a control message the socket knows (DATA-0000 scheme, policy close). */
export const INVALID_MESSAGE_CLOSE: CloseFrame = Object.freeze({
  code: 1008,
  reason: 'DATA-0000: text frame is not a valid control message (KeepAlive, Finalize, CloseStream)',
});

/** The stand-in itself failed on a message (a bug): the connection ends, the stand-in stays up. */
export const INTERNAL_ERROR_CLOSE: CloseFrame = Object.freeze({ code: 1011, reason: 'NET-0000: the stand-in failed to process the message' });
