import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ProviderFailure } from '@va/resilience';

/**
 * The one place an OpenAI-compatible provider's errors are classified. The detail names the
 * status or the error class only: a provider's message may echo the request (and so PHI) or a
 * key fragment, and never reaches logs or errors. A caller's abort passes through unchanged.
 */
export function openAiFailure(provider: string, error: unknown): unknown {
  if (error instanceof APIUserAbortError || error instanceof ProviderFailure) return error;
  if (error instanceof APIConnectionTimeoutError) return new ProviderFailure(provider, 'timeout', 'the request timed out');
  if (error instanceof APIConnectionError) return new ProviderFailure(provider, 'error', 'connection failed');
  if (error instanceof APIError && error.status !== undefined) return new ProviderFailure(provider, 'error', `HTTP ${error.status}`);
  return new ProviderFailure(provider, 'error', `stream failed (${error instanceof Error ? error.name : typeof error})`);
}
