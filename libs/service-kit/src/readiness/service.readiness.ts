import { raceTimeout } from '../async/timeout.race';
import { errorMessage } from '../logging/error.fields';
import type { RunMode } from '../run.mode';
import type { DependencyProbe, ProbeResult } from './dependency.probe';

export interface ReadinessPolicy {
  /** A probe that has not answered by then counts as failed. */
  readonly probeTimeoutMs: number;
}

export const DEFAULT_READINESS_POLICY: ReadinessPolicy = Object.freeze({ probeTimeoutMs: 1_000 });

export type ReadinessReport =
  | {
      readonly status: 'ready' | 'not-ready';
      readonly mode: RunMode;
      readonly checks: Readonly<Record<string, ProbeResult>>;
    }
  | { readonly status: 'draining'; readonly mode: RunMode };

/** Ready when every probe answers ok; draining (never ready again) once shutdown has begun. */
export class ServiceReadiness {
  #draining = false;

  constructor(
    private readonly probes: readonly DependencyProbe[],
    private readonly mode: RunMode,
    private readonly policy: ReadinessPolicy = DEFAULT_READINESS_POLICY,
  ) {}

  get draining(): boolean {
    return this.#draining;
  }

  beginDraining(): void {
    this.#draining = true;
  }

  async evaluate(): Promise<ReadinessReport> {
    if (this.#draining) return { status: 'draining', mode: this.mode };
    const results = await Promise.all(this.probes.map((probe) => this.#run(probe)));
    if (this.#draining) return { status: 'draining', mode: this.mode };
    const checks = Object.fromEntries(this.probes.map((probe, index) => [probe.name, results[index]]));
    const ready = results.every((result) => result.ok);
    return { status: ready ? 'ready' : 'not-ready', mode: this.mode, checks };
  }

  async #run(probe: DependencyProbe): Promise<ProbeResult> {
    try {
      return await raceTimeout(probe.check(), this.policy.probeTimeoutMs, `${probe.name} check`);
    } catch (error) {
      return { ok: false, detail: errorMessage(error) };
    }
  }
}
