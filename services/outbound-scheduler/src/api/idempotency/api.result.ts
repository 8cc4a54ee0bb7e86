/** A successful (or refused) answer as a handler produces it and an Idempotency-Key replays it. */
export interface ApiResult {
  readonly status: number;
  readonly body: unknown;
  /** True when this is a stored first result returned again. */
  readonly replayed?: boolean;
}

export const created = (body: unknown): ApiResult => ({ status: 201, body });
export const ok = (body: unknown): ApiResult => ({ status: 200, body });
