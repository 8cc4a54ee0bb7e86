export interface ProbeResult {
  readonly ok: boolean;
  readonly detail: string;
}

/** One dependency readiness asks about; the readiness check bounds its time. */
export interface DependencyProbe {
  readonly name: string;
  check(): Promise<ProbeResult>;
}
