import type { ConfigError } from '@va/config';
import { createLogger } from '@va/observability';

/**
 * Writes a ConfigError to stderr twice: one JSON log line for collectors and the plain
 * message for a person at a terminal. Runs before the service's logger exists (LOG_LEVEL
 * itself may be the bad variable).
 */
export function reportConfigError(service: string, error: ConfigError): void {
  const stderr = { write: (line: string) => void process.stderr.write(line) };
  createLogger({ service, level: 'error', destination: stderr }).error('invalid configuration', {
    issues: error.issues.map((issue) => ({ variable: issue.variable, problem: issue.problem })),
  });
  process.stderr.write(`${service}: ${error.message}\n`);
}
