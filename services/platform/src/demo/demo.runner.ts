import { type PersonaDeps, runInboundCall, SignalSynthesizer } from '@va/sandbox';
import { BrokerApiClient } from './broker-api.client';
import { chooseCallingZone } from './calling-zone.chooser';
import { CalleeSwitchboard } from './callee.switchboard';
import { DemoCampaignDriver } from './demo-campaign.driver';
import { CLINIC_CALLER, DEMO_CALLEES, EXPECTED_DIALS } from './demo-callees.personas';
import { queryCampaignCounts } from './demo-counts.query';
import type { DemoPlatform } from './demo-platform.starter';
import type { DemoProgressReporter } from './demo-progress.reporter';
import { computeDemoSummary, type DemoSummary } from './demo-summary.computer';
import { DEMO_PRODUCT_CODE, loadDemoTenants, recordEligibility } from './demo-tenant.loader';

/** How long the campaign (five callees, a few turns each) may take before the demo gives up. */
const CAMPAIGN_TIMEOUT_MS = 120_000;
const PROGRESS_POLL_MS = 250;

export interface DemoRun {
  readonly summary: DemoSummary;
  readonly apiUrl: string;
  readonly brokerApiKey: string;
  readonly expectedDials: number;
}

/**
 * The demo's story on a running platform: load the demo tenants; as a broker, through the REST
 * API, create the callees, put one number on the DNC list, create and start a campaign; the
 * simulated callees answer (or not) as their personas; a patient phones the clinic meanwhile;
 * then the summary from the database and the callers' reports.
 */
export async function runDemo(demo: DemoPlatform, progress: DemoProgressReporter): Promise<DemoRun> {
  const { sandbox, platform } = demo;
  const seeded = await loadDemoTenants(platform.database);
  const gatewayUrl = platform.urls['media-gateway'] ?? '';
  const apiUrl = platform.urls['outbound-scheduler'] ?? '';
  for (const tenant of [seeded.brokerage, seeded.clinic]) {
    for (const number of tenant.phoneNumbers) sandbox.twilio.addIncomingNumber(number.e164, { voiceUrl: `${gatewayUrl}/twilio/voice`, statusCallback: `${gatewayUrl}/twilio/status` });
  }
  progress.line(`loaded the demo tenants ${seeded.brokerage.name} and ${seeded.clinic.name} into the embedded database`);

  const deps: PersonaDeps = { voice: new SignalSynthesizer(), callerSpeech: sandbox.callerSpeech, agentSpeech: sandbox.agentSpeech };
  const switchboard = new CalleeSwitchboard(DEMO_CALLEES, deps, (call) =>
    progress.line(`call with ${call.who} (${call.behaviour}) ended by the ${call.report.hungUpBy}${call.report.failure === undefined ? '' : `; script not completed: ${call.report.failure}`}`),
  );
  switchboard.attach(sandbox);

  const brokerApiKey = seeded.brokerage.apiKeys.find((key) => key.role === 'broker')?.key ?? '';
  const driver = new DemoCampaignDriver(new BrokerApiClient(apiUrl, brokerApiKey));
  const now = new Date();
  const zone = chooseCallingZone(now);
  progress.line(
    `calling hours stay the default 08:00-21:00 callee-local; the demo callees live in ${zone.timeZone}, where it is ${zone.localTime} now`,
  );
  const clientIds = await driver.createClients(DEMO_CALLEES, zone.timeZone);
  await recordEligibility(platform.database, seeded.brokerage.id, [...clientIds.values()], DEMO_PRODUCT_CODE);
  for (const callee of DEMO_CALLEES.filter((candidate) => candidate.behaviour === 'on-dnc')) await driver.addToDnc(callee.phoneE164);
  progress.line(`created ${clientIds.size} clients and one DNC entry through ${apiUrl}/v1 as a broker`);
  const campaignId = await driver.createAndStart([...clientIds.values()], { productCode: DEMO_PRODUCT_CODE, timeZone: zone.timeZone, now });
  progress.line(`campaign ${campaignId} started`);

  const clinicNumber = seeded.clinic.phoneNumbers[0]?.e164 ?? '';
  progress.line(`a patient phones ${seeded.clinic.name}`);
  switchboard.track('Jane', 'inbound', runInboundCall(sandbox.twilio, { from: CLINIC_CALLER.from, to: clinicNumber }, CLINIC_CALLER.script, deps));

  await progress.followCampaign(() => driver.progress(campaignId), { intervalMs: PROGRESS_POLL_MS, timeoutMs: CAMPAIGN_TIMEOUT_MS });
  await switchboard.drained();
  const counts = await queryCampaignCounts(platform.database, seeded.brokerage.id, campaignId);
  return { summary: computeDemoSummary(counts, switchboard.finished), apiUrl, brokerApiKey, expectedDials: EXPECTED_DIALS };
}
