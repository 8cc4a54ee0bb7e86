import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldContext } from '@va/data';
import { okResult, type ToolsHarness } from './tools.harness';

/** save_intake: the patient intake of the inbound flow, stored only as an encrypted envelope. */
export function intakeToolCases(h: ToolsHarness): void {
  describe('save_intake', () => {
    const intake = {
      name: 'Jordan Quill',
      dateOfBirth: '1979-08-14',
      phone: '+15557770099',
      reasonForVisit: 'Persistent cough for two weeks',
      payer: 'Aetna',
      memberId: 'QX-998877',
      emergencyContact: { name: 'Riley Quill', relationship: 'sibling', phone: '+15557770098' },
    };
    const clearText = /Jordan|Quill|1979|cough|QX-998877|5557770099|Riley/;

    it('stores the form as one envelope bound to the tenant, and keeps no PHI in clear anywhere it writes', async () => {
      const result = okResult(await h.call(h.a, 'save_intake', { clientId: h.a.clientId, intake }));
      assert.equal(result['saved'], true);
      assert.deepEqual(result['fields'], ['name', 'dateOfBirth', 'phone', 'reasonForVisit', 'payer', 'memberId', 'emergencyContact']);
      assert.doesNotMatch(JSON.stringify(result), clearText, 'the result says what was saved, not its values');

      const [row] = await h.rows<{ payload_enc: string; client_id: string; call_id: string }>(h.a, 'SELECT payload_enc, client_id, call_id FROM intake_records WHERE id = $1', [result['intakeId']]);
      assert.ok(row !== undefined);
      assert.equal(row.client_id, h.a.clientId);
      assert.match(row.payload_enc, /^v1\.t1\./);
      assert.doesNotMatch(row.payload_enc, clearText);
      assert.deepEqual(JSON.parse(h.cipher.decrypt(row.payload_enc, fieldContext('intake_records', 'payload', h.a.tenantId))), intake);
      assert.throws(() => h.cipher.decrypt(row.payload_enc, fieldContext('intake_records', 'payload', h.b.tenantId)), 'bound to its tenant');

      const [invocation] = await h.rows<{ arguments: unknown }>(h.a, `SELECT arguments FROM tool_invocations WHERE tool_name = 'save_intake' AND result->>'intakeId' = $1`, [result['intakeId']]);
      assert.deepEqual(invocation?.arguments, { clientId: h.a.clientId, fields: ['name', 'dateOfBirth', 'phone', 'reasonForVisit', 'payer', 'memberId', 'emergencyContact'] });
      const [audit] = await h.rows<{ detail: unknown }>(h.a, `SELECT detail FROM audit_log WHERE action = 'intake.saved' AND subject = $1`, [`intake:${String(result['intakeId'])}`]);
      assert.deepEqual(audit?.detail, { callId: `call-${h.a.tenantId.slice(0, 8)}`, fieldCount: 7 });
    });

    it('saves a new patient with no client on file and only the required fields', async () => {
      const minimal = { name: intake.name, dateOfBirth: intake.dateOfBirth, phone: intake.phone, reasonForVisit: 'Flu shot' };
      const result = okResult(await h.call(h.a, 'save_intake', { intake: minimal }));
      assert.deepEqual(result['fields'], ['name', 'dateOfBirth', 'phone', 'reasonForVisit']);
      const [row] = await h.rows<{ client_id: string | null }>(h.a, 'SELECT client_id FROM intake_records WHERE id = $1', [result['intakeId']]);
      assert.equal(row?.client_id, null);
    });

    it('refuses bad arguments, naming them, with nothing written', async () => {
      await h.expectRefused('save_intake', { intake: { ...intake, name: undefined } }, ['intake.name']);
      await h.expectRefused('save_intake', { intake: { ...intake, dateOfBirth: 'August 14th' } }, ['intake.dateOfBirth']);
      await h.expectRefused('save_intake', { intake: { ...intake, phone: '555 0099' } }, ['intake.phone']);
      await h.expectRefused('save_intake', { intake: { ...intake, memberId: "x'; DROP TABLE intake_records; --" } }, ['intake.memberId']);
      await h.expectRefused('save_intake', { intake: { ...intake, reasonForVisit: 'x'.repeat(501) } }, ['intake.reasonForVisit']);
      await h.expectRefused('save_intake', { intake: { ...intake, emergencyContact: { name: 'Riley' } } }, ['intake.emergencyContact.phone']);
      await h.expectRefused('save_intake', { intake: { ...intake, ssn: '123-45-6789' } }, ['ssn']);
      await h.expectRefused('save_intake', { clientId: 'not-a-uuid', intake }, ['clientId']);
    });

    it("does not attach an intake to another tenant's client", async () => {
      await h.expectIsolated('save_intake', { clientId: h.b.clientId, intake });
    });

    it('stores once for one idempotency key', async () => {
      await h.expectIdempotent('save_intake', { intake }, 'SELECT 1 FROM intake_records');
    });
  });
}
