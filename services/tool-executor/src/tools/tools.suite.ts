import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appointmentToolCases } from './appointment-tools.cases';
import { callToolCases } from './call-tools.cases';
import { clientToolCases } from './client-tools.cases';
import { intakeToolCases } from './intake-tools.cases';
import { recordToolCases } from './record-tools.cases';
import { ToolsHarness, type OpenDatabase } from './tools.harness';

/**
 * The tools' contract on one database backend, through the executor: each tool's happy path
 * and the rows it writes (or not), bad arguments refused with their names and nothing written,
 * another tenant's ids not found with nothing of theirs changed, and one effect per
 * idempotency key for the side-effecting tools.
 */
export function runToolsSuite(backend: string, open: OpenDatabase): void {
  describe(`tools: ${backend}`, () => {
    const harness = new ToolsHarness();

    before(() => harness.start(open));
    after(() => harness.stop());

    it('serves every tool of DOMAIN.md', () => {
      assert.deepEqual(harness.catalog.names(), [
        'add_to_dnc', 'cancel_appointment', 'check_broker_availability', 'check_eligibility', 'end_call', 'get_client_profile', 'get_product_pricing',
        'lookup_faq', 'record_consent', 'request_callback', 'reschedule_appointment', 'save_intake', 'schedule_appointment', 'take_message', 'transfer_to_human',
      ]);
    });

    clientToolCases(harness);
    appointmentToolCases(harness);
    recordToolCases(harness);
    intakeToolCases(harness);
    callToolCases(harness);
  });
}
