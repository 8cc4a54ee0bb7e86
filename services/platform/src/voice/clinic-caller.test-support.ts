import type { SqlSession } from '@va/data';
import type { PersonaStep } from '@va/sandbox';

/** The clinic's answer to "what are your office hours", from its knowledge base. */
export const CLINIC_HOURS = 'We are open Monday to Friday, 8 a.m. to 6 p.m.';

/** The knowledge base the clinic caller asks. */
export async function seedClinicKnowledgeBase(session: SqlSession, tenantId: string): Promise<void> {
  await session.query(`INSERT INTO kb_entries (tenant_id, category, question, answer) VALUES ($1, 'hours', 'What are your office hours? When are you open?', $2)`, [tenantId, CLINIC_HOURS]);
  await session.query(`INSERT INTO kb_entries (tenant_id, category, question, answer) VALUES ($1, 'locations', 'Where is your office?', 'Our office is at 100 Main Street.')`, [tenantId]);
}

/**
 * A new patient asking the clinic's hours: name, date of birth (read back, confirmed), the
 * question, then the agent's goodbye. `afterName` steps run once the agent asked for the date
 * of birth (e.g. a pause while a test kills a replica).
 */
export function clinicHoursCaller(options: { readonly stepTimeoutMs: number; readonly afterName?: readonly PersonaStep[] }): PersonaStep[] {
  const timeoutMs = options.stepTimeoutMs;
  return [
    ...clinicCallerUpToIntent({ name: 'Jane Doe', ...options }),
    { say: 'what are your office hours', afterAgentSilenceMs: 300 },
    { waitForAgent: { heard: /Monday to Friday/, timeoutMs } },
    { expectHangUpWithinMs: timeoutMs },
  ];
}

/**
 * A clinic caller through the greeting: the name, then the date of birth (March 3rd, 1952) read
 * back and confirmed, up to "How can I help". `afterName` steps run once the date is asked for.
 */
export function clinicCallerUpToIntent(options: { readonly name: string; readonly stepTimeoutMs: number; readonly afterName?: readonly PersonaStep[] }): PersonaStep[] {
  const timeoutMs = options.stepTimeoutMs;
  return [
    { waitForAgent: { heard: /first and last name/, timeoutMs } },
    { say: `my name is ${options.name}`, afterAgentSilenceMs: 300 },
    { waitForAgent: { heard: /date of birth/, timeoutMs } },
    ...(options.afterName ?? []),
    { say: 'march third fifty two', afterAgentSilenceMs: 300 },
    { waitForAgent: { heard: /March 3rd, 1952/, timeoutMs } },
    { say: 'yes', afterAgentSilenceMs: 300 },
    { waitForAgent: { heard: /How can I help/, timeoutMs } },
  ];
}
