import { CLINIC_KB } from './clinic-kb.entries';
import { CLINIC, PATIENTS, SAMPLE_INTAKE } from './clinic.tenant';
import { fieldContext } from '../crypto/field.context';
import { insertRows } from './rows.inserter';
import type { SeedContext } from './seed.context';
import { seedId } from './seed.ids';
import { SEED_TABLES } from './seed.tables';
import { brokerIdOf, tenantIdOf, writeTenant } from './tenant.writer';

const patientIdOf = (key: string): string => seedId(`${CLINIC.key}/patient/${key}`);

/** Riverside Family Clinic with its providers' calendars, knowledge base, patients and one intake. */
export async function seedClinic(context: SeedContext): Promise<number> {
  const tenantId = tenantIdOf(CLINIC);
  let inserted = await writeTenant(context.session, CLINIC, context.monday);
  inserted += await insertRows(
    context.session,
    SEED_TABLES.kbEntries,
    CLINIC_KB.map((entry) => ({
      id: seedId(`${CLINIC.key}/kb/${entry.key}`),
      tenant_id: tenantId,
      category: entry.category,
      question: entry.question,
      answer: entry.answer,
    })),
  );
  const dobContext = fieldContext('clients', 'date_of_birth', tenantId);
  const memberContext = fieldContext('clients', 'member_id', tenantId);
  inserted += await insertRows(
    context.session,
    SEED_TABLES.clients,
    PATIENTS.map((patient) => ({
      id: patientIdOf(patient.key),
      tenant_id: tenantId,
      first_name: patient.firstName,
      last_name: patient.lastName,
      phone_e164: patient.phoneE164,
      date_of_birth_enc: context.cipher.encrypt(patient.dateOfBirth, dobContext),
      member_id_enc: context.cipher.encrypt(patient.memberId, memberContext),
      time_zone: CLINIC.timeZone,
      current_plan: patient.plan,
      coverage_gaps: [],
      assigned_broker_id: brokerIdOf(CLINIC, patient.providerKey),
      notes: null,
    })),
  );
  inserted += await insertRows(context.session, SEED_TABLES.intakeRecords, [
    {
      id: seedId(`${CLINIC.key}/${SAMPLE_INTAKE.key}`),
      tenant_id: tenantId,
      client_id: patientIdOf(SAMPLE_INTAKE.patientKey),
      payload_enc: context.cipher.encrypt(JSON.stringify(SAMPLE_INTAKE.payload), fieldContext('intake_records', 'payload', tenantId)),
    },
  ]);
  return inserted;
}
