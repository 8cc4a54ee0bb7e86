/** One versioned schema change. Versions are applied in order, once each. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
