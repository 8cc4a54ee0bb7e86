import { type CalleeAnswer, type CallReport, type PersonaDeps, runPersona, type Sandbox } from '@va/sandbox';
import type { DemoCallee } from './demo-callees.personas';

/** One finished simulated call: whose it was and what the simulated person experienced. */
export interface FinishedCall {
  readonly who: string;
  readonly behaviour: DemoCallee['behaviour'] | 'inbound';
  readonly report: CallReport;
}

/**
 * Answers the outbound calls the dialer places through the Twilio stand-in as the demo's
 * callees: each number gets its person, answering machine or an unanswered ring. Calls to
 * numbers nobody knows ring out unanswered.
 */
export class CalleeSwitchboard {
  private readonly pending = new Set<Promise<void>>();
  readonly finished: FinishedCall[] = [];

  constructor(
    private readonly callees: readonly DemoCallee[],
    private readonly deps: PersonaDeps,
    private readonly onFinished: (call: FinishedCall) => void,
  ) {}

  attach(sandbox: Sandbox): void {
    sandbox.twilio.onOutboundCall((call) => this.answer(call.to));
  }

  /** Settles once every call that was answered has ended. */
  async drained(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Records a call the demo placed itself (the inbound one). */
  track(who: string, behaviour: FinishedCall['behaviour'], report: Promise<CallReport>): void {
    const done = report.then((finished) => this.finish({ who, behaviour, report: finished }));
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }

  private answer(to: string): CalleeAnswer {
    const callee = this.callees.find((candidate) => candidate.phoneE164 === to);
    const script = callee?.script;
    if (callee === undefined || script === undefined) return { kind: 'no-answer' };
    return {
      kind: 'answer',
      by: callee.behaviour === 'voicemail' ? 'machine_end_beep' : 'human',
      onLeg: (leg) => this.track(callee.firstName, callee.behaviour, runPersona(leg, script, this.deps)),
    };
  }

  private finish(call: FinishedCall): void {
    this.finished.push(call);
    this.onFinished(call);
  }
}
