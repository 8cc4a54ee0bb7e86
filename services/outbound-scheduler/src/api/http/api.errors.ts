/** One invalid input field: where it is (dotted path) and what is wrong with it. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export type ApiErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'idempotency_key_reused'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'internal';

export interface ApiErrorBody {
  readonly error: ApiErrorCode;
  readonly message: string;
  readonly fields?: readonly FieldProblem[];
}

/** An answer other than success, as the API sends it; the error filter writes it out. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }

  static invalid(fields: readonly FieldProblem[]): ApiError {
    return new ApiError(400, { error: 'invalid_request', message: 'the request is invalid', fields });
  }

  static invalidField(path: string, message: string): ApiError {
    return ApiError.invalid([{ path, message }]);
  }

  static unauthorized(): ApiError {
    return new ApiError(401, { error: 'unauthorized', message: 'a valid API key is required (Authorization: Bearer <key>)' });
  }

  static forbidden(message: string): ApiError {
    return new ApiError(403, { error: 'forbidden', message });
  }

  /** The same answer for an unknown id and an id the caller may not see: no existence leak. */
  static notFound(what: string): ApiError {
    return new ApiError(404, { error: 'not_found', message: `${what} not found` });
  }

  static conflict(message: string): ApiError {
    return new ApiError(409, { error: 'conflict', message });
  }
}
