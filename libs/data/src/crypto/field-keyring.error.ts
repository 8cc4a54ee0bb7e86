/**
 * Thrown when a keyring cannot be built from its configuration. Each problem names the entry
 * (by position, and by id when the id is well formed) and what is wrong; none echoes key
 * material.
 */
export class FieldKeyringError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(['Invalid field encryption keyring:', ...problems.map((problem) => `  ${problem}`)].join('\n'));
    this.name = 'FieldKeyringError';
    this.problems = Object.freeze([...problems]);
  }
}
