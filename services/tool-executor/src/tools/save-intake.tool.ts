import { fieldContext } from '@va/data';
import { z } from 'zod';
import { e164Phone, pastCalendarDate } from './argument.schemas';
import { writeToolAudit } from './audit.writer';
import { isKnownClient } from './client.query';
import { defineTool, ToolResult } from './tool.definition';

const text = (max: number) => z.string().trim().min(1).max(max);

/** The intake form as the agent collected and read it back; all of it is PHI. */
const intakeForm = z.strictObject({
  name: text(200),
  dateOfBirth: pastCalendarDate,
  phone: e164Phone,
  reasonForVisit: text(500),
  payer: text(200).optional(),
  memberId: z.string().trim().regex(/^[A-Za-z0-9-]{3,30}$/, 'a member id of 3 to 30 letters, digits or dashes').optional(),
  address: text(300).optional(),
  preferredPharmacy: text(300).optional(),
  emergencyContact: z.strictObject({ name: text(200), relationship: text(50).optional(), phone: e164Phone }).optional(),
});

const args = z.strictObject({
  clientId: z.uuid().optional(),
  intake: intakeForm,
});

type SaveIntakeArgs = z.infer<typeof args>;

/** The form's fields that were given, in a fixed order: what the agent may say it saved. */
function givenFields(input: SaveIntakeArgs): string[] {
  return Object.keys(intakeForm.shape).filter((field) => input.intake[field as keyof SaveIntakeArgs['intake']] !== undefined);
}

/**
 * Stores a completed patient intake, encrypted as one envelope bound to the tenant's
 * intake_records.payload. Nothing of the form is kept in clear: not in the row, not in the
 * idempotency record (which keeps the field names only), not in the audit log, not in the result.
 */
export const saveIntakeTool = defineTool({
  name: 'save_intake',
  description:
    "Save the patient intake after reading it back to the caller: name, dateOfBirth (YYYY-MM-DD), phone, reasonForVisit, and when given payer, memberId, address, preferredPharmacy, emergencyContact {name, relationship, phone}. Pass clientId when the caller is a known patient.",
  arguments: args,
  sideEffects: true,
  recordedArguments: (input: SaveIntakeArgs) => ({ ...(input.clientId === undefined ? {} : { clientId: input.clientId }), fields: givenFields(input) }),
  async run(input: SaveIntakeArgs, { session, cipher, tenantId, callId }) {
    if (!(await isKnownClient(session, input.clientId))) return ToolResult.error('not_found', 'no client matches');
    const payload = cipher.encrypt(JSON.stringify(input.intake), fieldContext('intake_records', 'payload', tenantId));
    const inserted = await session.query<{ id: string }>(
      'INSERT INTO intake_records (tenant_id, call_id, client_id, payload_enc) VALUES ($1, $2, $3, $4) RETURNING id',
      [tenantId, callId, input.clientId ?? null, payload],
    );
    const intakeId = String(inserted.rows[0]?.id);
    const fields = givenFields(input);
    await writeToolAudit(session, { tenantId, action: 'intake.saved', subject: `intake:${intakeId}`, detail: { callId, fieldCount: fields.length } });
    return ToolResult.ok({ intakeId, saved: true, fields });
  },
});
