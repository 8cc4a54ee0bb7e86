/** The body OpenAI answers every error with (HTTP 4xx/5xx, or an in-stream `data: {"error":…}`). */
export interface OpenAiErrorBody {
  readonly error: {
    readonly message: string;
    readonly type: string;
    readonly param: string | null;
    readonly code: string | null;
  };
}

export function openAiError(message: string, type = 'invalid_request_error', param: string | null = null, code: string | null = null): OpenAiErrorBody {
  return { error: { message, type, param, code } };
}

/** 401 for a missing Authorization header. */
export function missingKeyError(): OpenAiErrorBody {
  return openAiError(
    "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
  );
}

/** 401 for a key the stand-in was not configured with; the key is shown masked, as OpenAI does. */
export function invalidKeyError(key: string): OpenAiErrorBody {
  const shown = key.length > 8 ? `${key.slice(0, 3)}${'*'.repeat(Math.min(20, key.length - 7))}${key.slice(-4)}` : '***';
  return openAiError(
    `Incorrect API key provided: ${shown}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    'invalid_request_error',
    null,
    'invalid_api_key',
  );
}

export function invalidUrlError(method: string, path: string): OpenAiErrorBody {
  return openAiError(`Invalid URL (${method} ${path})`);
}

export function unparsableJsonError(): OpenAiErrorBody {
  return openAiError(
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
  );
}

/** The body an injected HTTP failure of this status carries. */
export function faultError(status: number): OpenAiErrorBody {
  if (status === 429) {
    return openAiError('Rate limit reached for requests. Please try again later.', 'requests', null, 'rate_limit_exceeded');
  }
  if (status === 401) return invalidKeyError('sk-sandbox-fault');
  if (status === 403) return openAiError('You are not allowed to sample from this model.', 'invalid_request_error', null, 'model_not_found');
  if (status === 404) return openAiError('The model does not exist or you do not have access to it.', 'invalid_request_error', null, 'model_not_found');
  if (status === 503) return openAiError('The server is overloaded or not ready yet.', 'server_error');
  if (status >= 500) return openAiError('The server had an error while processing your request. Sorry about that!', 'server_error');
  return openAiError(`The request could not be processed (HTTP ${status}).`);
}
