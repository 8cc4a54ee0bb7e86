import type { z } from 'zod';
import { ApiError, type FieldProblem } from './api.errors';

/** Zod issues as field problems, their paths dotted and prefixed with where the input came from. */
export function fieldProblems(issues: readonly z.core.$ZodIssue[], prefix: string): FieldProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: dotted([prefix, ...issue.path, key]), message: 'unknown field' }));
    }
    const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
    return [{ path: dotted([prefix, ...issue.path]), message: missing ? 'is required' : issue.message }];
  });
}

/** The parsed value, or a 400 naming every invalid field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw ApiError.invalid(fieldProblems(result.error.issues, prefix));
  return result.data;
}

function dotted(parts: readonly PropertyKey[]): string {
  return parts
    .filter((part) => part !== '')
    .map((part) => String(part))
    .join('.');
}
