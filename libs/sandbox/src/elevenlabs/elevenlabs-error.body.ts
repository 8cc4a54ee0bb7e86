/** ElevenLabs error bodies: `{"detail":{status,message}}`, or FastAPI's list for validation (422). */
export interface ElevenLabsErrorDetail {
  readonly detail: { readonly status: string; readonly message: string };
}

export interface ElevenLabsValidationError {
  readonly detail: ReadonlyArray<{ readonly type: string; readonly loc: readonly (string | number)[]; readonly msg: string; readonly input: unknown }>;
}

export function errorDetail(status: string, message: string): ElevenLabsErrorDetail {
  return { detail: { status, message } };
}

export function needsAuthorization(): ElevenLabsErrorDetail {
  return errorDetail('needs_authorization', 'Neither authorization header nor xi-api-key received, please provide one.');
}

export function invalidApiKey(): ElevenLabsErrorDetail {
  return errorDetail('invalid_api_key', 'Invalid API key');
}

export function voiceNotFound(voiceId: string): ElevenLabsErrorDetail {
  return errorDetail('voice_not_found', `A voice with the voice_id ${voiceId} was not found.`);
}

export function unsupportedOutputFormat(format: string): ElevenLabsErrorDetail {
  return errorDetail('output_format_not_supported', `The sandbox stand-in produces only ulaw_8000; output_format ${format} is not available here.`);
}

export function validationError(loc: readonly (string | number)[], msg: string, input: unknown, type = 'value_error'): ElevenLabsValidationError {
  return { detail: [{ type, loc, msg, input }] };
}

/** The body an injected HTTP failure of this status carries. */
export function faultDetail(status: number): ElevenLabsErrorDetail {
  if (status === 401) return invalidApiKey();
  if (status === 429) return errorDetail('too_many_concurrent_requests', 'Too many concurrent requests for your subscription. Please try again later.');
  if (status === 503) return errorDetail('service_unavailable', 'The service is temporarily unavailable. Please try again later.');
  if (status >= 500) return errorDetail('internal_server_error', 'We are sorry, something went wrong. You are not charged for this request.');
  return errorDetail('invalid_request', `The request could not be processed (HTTP ${status}).`);
}
