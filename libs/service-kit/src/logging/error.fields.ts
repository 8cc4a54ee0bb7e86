/** Log fields describing a thrown value; AggregateError (e.g. one per address tried) is flattened. */
export function errorFields(error: unknown): { errorName: string; errorMessage: string; stack?: string } {
  if (!(error instanceof Error)) return { errorName: typeof error, errorMessage: String(error) };
  const fields = { errorName: error.name, errorMessage: errorMessage(error) };
  return error.stack === undefined ? fields : { ...fields, stack: error.stack };
}

/** A readable message; AggregateError's own message is often empty. */
export function errorMessage(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    const inner = error.errors.map((each: unknown) => errorMessage(each));
    return [...new Set(inner)].join('; ');
  }
  if (error instanceof Error) return error.message === '' ? error.name : error.message;
  return String(error);
}
