import type { BrokerApiClient } from './broker-api.client';
import type { DemoCallee } from './demo-callees.personas';

/** The attempt statuses after which the dialer does nothing more with an attempt. */
const FINAL_ATTEMPT_STATUSES = new Set(['completed', 'skipped', 'failed']);

/** GET /v1/campaigns/{id}/progress, as the demo reads it. */
export interface CampaignProgressView {
  readonly status: string;
  readonly targetCount: number;
  readonly attempts: { readonly total: number; readonly byStatus: Readonly<Record<string, number>>; readonly byOutcome: Readonly<Record<string, number>> };
  readonly consents: { readonly granted: number; readonly refused: number };
  readonly appointmentsBooked: number;
  readonly dncAdded: number;
}

export interface DemoCampaignPlan {
  readonly productCode: string;
  readonly timeZone: string;
  readonly now: Date;
}

/** Every attempt of the campaign has reached a status the dialer leaves alone. */
export function campaignSettled(progress: CampaignProgressView): boolean {
  const entries = Object.entries(progress.attempts.byStatus);
  return entries.length > 0 && entries.every(([status]) => FINAL_ATTEMPT_STATUSES.has(status));
}

/**
 * What a broker does in the demo, all through the REST API: create the callees as clients,
 * put the one who asked never to be called on the DNC list, create the cross-sell campaign
 * over them (one attempt each, voicemail left on machines) and start it.
 */
export class DemoCampaignDriver {
  constructor(private readonly api: BrokerApiClient) {}

  async createClients(callees: readonly DemoCallee[], timeZone: string): Promise<Map<DemoCallee, string>> {
    const ids = new Map<DemoCallee, string>();
    for (const callee of callees) {
      const client = await this.api.post<{ id: string }>('/v1/clients', {
        firstName: callee.firstName,
        lastName: callee.lastName,
        phoneE164: callee.phoneE164,
        dateOfBirth: callee.dateOfBirth,
        timeZone,
        currentPlan: 'Silver HMO',
        coverageGaps: ['dental'],
      });
      ids.set(callee, client.id);
    }
    return ids;
  }

  async addToDnc(phoneE164: string): Promise<void> {
    await this.api.post('/v1/dnc', { phoneE164, reason: 'asked not to be called before the campaign' });
  }

  async createAndStart(clientIds: readonly string[], plan: DemoCampaignPlan): Promise<string> {
    const campaign = await this.api.post<{ id: string }>('/v1/campaigns', {
      name: 'Demo dental cross-sell',
      settings: {
        productCode: plan.productCode,
        window: { startsAt: new Date(plan.now.getTime() - 60_000).toISOString(), endsAt: new Date(plan.now.getTime() + 86_400_000).toISOString() },
        callingHours: { start: '08:00', end: '21:00' },
        concurrency: 5,
        retry: { maxAttempts: 1, backoffMinutes: 60 },
        voicemail: 'leave-message',
      },
      targets: { clientIds },
    });
    await this.api.post(`/v1/campaigns/${campaign.id}/start`);
    return campaign.id;
  }

  progress(campaignId: string): Promise<CampaignProgressView> {
    return this.api.get<CampaignProgressView>(`/v1/campaigns/${campaignId}/progress`);
  }
}
