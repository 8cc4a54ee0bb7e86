/** One variable that failed validation, with a reason that never contains a secret value. */
export interface ConfigIssue {
  readonly variable: string;
  readonly problem: string;
}

/** Thrown by loadConfig; the message lists every bad variable, one per line. */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    const lines = issues.map((issue) => `  ${issue.variable}: ${issue.problem}`);
    super(['Invalid configuration:', ...lines].join('\n'));
    this.name = 'ConfigError';
    this.issues = Object.freeze(issues.map((issue) => Object.freeze({ ...issue })));
  }
}
