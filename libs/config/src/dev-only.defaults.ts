import type { EnvSource } from './config.loader';

export interface DevOnlyDefaults {
  /** The environment to load configuration from. */
  readonly env: EnvSource;
  /** The variables filled in from the defaults (empty when none were). */
  readonly applied: readonly string[];
}

const isUnset = (value: string | undefined): boolean => value === undefined || value.trim() === '';

/**
 * `env` with a group of public DEV-ONLY values filled in, for local runs that must work with
 * no configuration. All or nothing: when any variable of the group is set, none is filled in,
 * so a half-configured group fails validation instead of mixing real and public values.
 * The caller logs `applied` as a warning.
 */
export function withDevOnlyDefaults(group: Readonly<Record<string, string>>, env: EnvSource = process.env): DevOnlyDefaults {
  const names = Object.keys(group);
  if (!names.every((name) => isUnset(env[name]))) return { env, applied: [] };
  return { env: { ...env, ...group }, applied: names };
}
