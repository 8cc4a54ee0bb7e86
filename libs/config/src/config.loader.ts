import { z } from 'zod';
import { ConfigError, type ConfigIssue } from './config.error';
import { deepFreeze, type DeepReadonly } from './deep-freeze';
import { isSecretName, isSecretSchema, withRejectedValue } from './secret.policy';

export type EnvSource = Readonly<Record<string, string | undefined>>;

const MISSING = 'required but not set';

/** Empty and whitespace-only values count as unset, so defaults and "required" apply. */
function pickVariables(names: readonly string[], env: EnvSource): Record<string, string | undefined> {
  const picked: Record<string, string | undefined> = {};
  for (const name of names) {
    const raw = env[name];
    picked[name] = raw === undefined || raw.trim() === '' ? undefined : raw;
  }
  return picked;
}

function toConfigIssues(
  shape: z.ZodRawShape,
  input: Record<string, string | undefined>,
  issues: readonly z.core.$ZodIssue[],
): ConfigIssue[] {
  const problemsByVariable = new Map<string, Set<string>>();
  for (const issue of issues) {
    const variable = issue.path.length > 0 ? String(issue.path[0]) : '(configuration)';
    const problems = problemsByVariable.get(variable) ?? new Set<string>();
    problems.add(issue.message);
    problemsByVariable.set(variable, problems);
  }
  return [...problemsByVariable].map(([variable, problems]) => {
    const value = input[variable];
    if (value === undefined) return { variable, problem: MISSING };
    const schema = shape[variable];
    const secret = isSecretName(variable) || (schema !== undefined && isSecretSchema(schema));
    return { variable, problem: withRejectedValue([...problems].join('; '), value, secret) };
  });
}

/**
 * Parses the variables named by `shape` (keys are variable names) into a deep-frozen typed
 * object, or throws a ConfigError naming every bad variable. `env` defaults to
 * process.env; this is the one place in the codebase that reads it.
 */
export function loadConfig<T extends z.ZodRawShape>(
  shape: T,
  env: EnvSource = process.env,
): DeepReadonly<z.output<z.ZodObject<T>>> {
  const input = pickVariables(Object.keys(shape), env);
  const result = z.object(shape).safeParse(input);
  if (!result.success) throw new ConfigError(toConfigIssues(shape, input, result.error.issues));
  return deepFreeze(result.data);
}
