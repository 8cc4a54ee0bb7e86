import { faultPlanSchema, NO_FAULTS, type FaultPlan } from './fault.plan';

/**
 * The fault plan of one stand-in. Tests and the control endpoint change it at runtime; each
 * request or connection takes the plan in force when it starts (`next()`).
 */
export class FaultSwitch {
  private plan: FaultPlan;

  constructor(private readonly defaults: FaultPlan = NO_FAULTS) {
    this.plan = defaults;
  }

  /** Merges a partial plan over the current one; throws on an invalid plan. */
  set(change: Partial<FaultPlan>): FaultPlan {
    this.plan = faultPlanSchema.parse({ ...this.plan, ...change });
    return this.plan;
  }

  reset(): void {
    this.plan = this.defaults;
  }

  current(): FaultPlan {
    return this.plan;
  }

  /** The plan for one new request or connection; a counted fault is used up here. */
  next(): FaultPlan {
    const taken = this.plan;
    if (taken.remaining !== undefined) {
      this.plan = taken.remaining > 1 ? { ...taken, remaining: taken.remaining - 1 } : { ...taken, fault: { kind: 'none' }, remaining: undefined };
    }
    return taken;
  }
}
