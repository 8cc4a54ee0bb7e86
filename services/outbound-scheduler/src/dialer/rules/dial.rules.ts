import { DIALER_POLICY } from '../dialer.policy';
import { nextCallingHoursOpening } from './calling-hours.rule';
import { DialDecision, type DialFacts } from './dial.decision';

/** One dialling rule: a decision that stops the dial, or undefined to let the next rule look. */
export interface DialRule {
  readonly name: string;
  check(facts: DialFacts): DialDecision | undefined;
}

/** The rules of DOMAIN.md "Outbound dialling rules", in the order they are checked. */
export const DIAL_RULES: readonly DialRule[] = [
  { name: 'dnc', check: (facts) => (facts.onDnc ? DialDecision.skip('dnc') : undefined) },
  { name: 'consent', check: (facts) => (facts.consentRefused ? DialDecision.skip('consent_refused') : undefined) },
  {
    name: 'max-attempts',
    check: (facts) => (facts.attemptsSoFar >= facts.settings.retry.maxAttempts ? DialDecision.skip('max_attempts') : undefined),
  },
  {
    name: 'campaign-window',
    check: ({ now, settings }) => {
      if (now.getTime() < Date.parse(settings.window.startsAt)) return DialDecision.defer('campaign_window_not_open', new Date(settings.window.startsAt));
      return now.getTime() >= Date.parse(settings.window.endsAt) ? DialDecision.skip('campaign_window_closed') : undefined;
    },
  },
  {
    name: 'calling-hours',
    check: ({ now, settings, calleeZone }) => {
      if (calleeZone === undefined) return DialDecision.skip('no_time_zone');
      const opening = nextCallingHoursOpening(now, calleeZone, settings.callingHours);
      if (opening === undefined) return undefined;
      // The callee's next opening is after the campaign ends: this attempt can never be made.
      if (opening.getTime() >= Date.parse(settings.window.endsAt)) return DialDecision.skip('campaign_window_closed');
      return DialDecision.defer('outside_calling_hours', opening);
    },
  },
  {
    name: 'campaign-concurrency',
    check: ({ now, settings, campaignCallsInProgress }) =>
      campaignCallsInProgress >= settings.concurrency ? DialDecision.defer('campaign_concurrency', new Date(now.getTime() + DIALER_POLICY.capDeferMs)) : undefined,
  },
  {
    name: 'tenant-concurrency',
    check: ({ now, tenantCallsInProgress, tenantMaxConcurrentCalls }) =>
      tenantCallsInProgress >= tenantMaxConcurrentCalls ? DialDecision.defer('tenant_concurrency', new Date(now.getTime() + DIALER_POLICY.capDeferMs)) : undefined,
  },
];

/** The first rule that objects decides; when none does, dial. */
export function decideDial(facts: DialFacts, rules: readonly DialRule[] = DIAL_RULES): DialDecision {
  for (const rule of rules) {
    const decision = rule.check(facts);
    if (decision !== undefined) return decision;
  }
  return DialDecision.dial();
}
