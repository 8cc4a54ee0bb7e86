import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import { createKafkaBus, Outcome, type KafkaBus, type DeadLetter } from '@va/bus';
import type { ToolResult } from '@va/contracts';
import { createPostgresDatabase, fieldContext, type SqlDatabase } from '@va/data';
import { createTenantFixture, testFieldKeyring, type TenantFixture } from '@va/data/testing';
import { createLogger } from '@va/observability';
import { distributedServiceEnv, ServiceProcess, waitUntilReady } from '@va/service-kit/testing';
import { createTestDatabase, requireKafka, requirePostgres, testInfra, uniqueTopicPrefix, waitFor, type TestDatabase } from '@va/testing';
import { toolExecutorService } from './tool-executor.service';

const quiet = createLogger({ service: 'acceptance-test', level: 'error' });

describe('tool-executor acceptance (the service process, real Kafka and Postgres)', () => {
  const topicPrefix = uniqueTopicPrefix('tools');
  const keyring = testFieldKeyring();
  let database: TestDatabase;
  let db: SqlDatabase;
  let service: ServiceProcess;
  let bus: KafkaBus;
  let tenantA: TenantFixture;
  let tenantB: TenantFixture;
  const results = new Map<string, ToolResult[]>();
  const deadLetters: DeadLetter[] = [];

  const resultsFor = (requestId: string) => results.get(requestId) ?? [];
  const request = (tenant: TenantFixture, toolName: string, args: unknown, overrides: { requestId?: string; idempotencyKey?: string } = {}) => {
    const requestId = overrides.requestId ?? randomUUID();
    return {
      callId: `call-${requestId.slice(0, 8)}`,
      tenantId: tenant.tenantId,
      requestId,
      toolName,
      argumentsJson: typeof args === 'string' ? args : JSON.stringify(args),
      idempotencyKey: overrides.idempotencyKey ?? `key-${requestId}`,
      turnId: 't1',
    };
  };
  const count = async (table: string, tenant: TenantFixture) =>
    db.inTenant(tenant.tenantId, async (session) => Number((await session.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n ?? 0));

  before(async () => {
    await requireKafka();
    await requirePostgres();
    database = await createTestDatabase('tool_acceptance');
    const env = { ...distributedServiceEnv(toolExecutorService, topicPrefix, keyring.env), DATABASE_URL: database.url };
    service = ServiceProcess.start(join(__dirname, 'main.js'), env);
    const listening = await service.waitForMessage('service listening', 30_000);
    const baseUrl = `http://127.0.0.1:${String(listening['port'])}`;
    await waitUntilReady(service, baseUrl);
    db = createPostgresDatabase({ connectionString: database.url, max: 2 });
    [tenantA, tenantB] = await db.asOwner(async (session) => [await createTenantFixture(session, 1), await createTenantFixture(session, 2)]);
    bus = createKafkaBus({ logger: quiet, brokers: testInfra.kafkaBrokers, clientId: 'dialog-manager', topicPrefix });
    await bus.subscribe('tool.result', async (delivery) => {
      const list = results.get(delivery.message.requestId) ?? [];
      list.push(delivery.message);
      results.set(delivery.message.requestId, list);
      return Outcome.ok();
    }, { group: 'acceptance-dialog-manager' });
    await bus.subscribeDeadLetters('tool.request', async (deadLetter) => {
      deadLetters.push(deadLetter);
    }, { group: 'acceptance-dlq' });
  });

  after(async () => {
    await service?.stop();
    await bus?.close();
    await db?.close();
    await database?.drop();
    const admin = new Kafka({ clientId: 'cleanup', brokers: [...testInfra.kafkaBrokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(topicPrefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    await admin.disconnect();
  });

  it('50 concurrent bookings of one slot: exactly one booked, 49 conflicts offering alternatives', async () => {
    const bookings = Array.from({ length: 50 }, () =>
      request(tenantA, 'schedule_appointment', { brokerId: tenantA.brokerId, clientId: tenantA.clientId, startsAt: tenantA.slotStartsAt }),
    );
    await Promise.all(bookings.map((message) => bus.publish('tool.request', message)));
    await waitFor(() => bookings.every((message) => resultsFor(message.requestId).length > 0), { timeoutMs: 30_000, description: '50 tool results' });
    const outcomes = bookings.map((message) => resultsFor(message.requestId)[0]?.outcome);
    const booked = outcomes.filter((outcome) => outcome?.case === 'resultJson');
    const conflicts = outcomes.filter((outcome) => outcome?.case === 'error' && outcome.value.code === 'conflict');
    assert.equal(booked.length, 1);
    assert.equal(conflicts.length, 49);
    for (const conflict of conflicts) {
      const details = JSON.parse(conflict?.case === 'error' ? conflict.value.detailsJson : '{}') as { alternatives?: unknown[] };
      assert.ok(Array.isArray(details.alternatives), 'a conflict carries alternatives');
    }
    const appointments = await db.inTenant(tenantA.tenantId, (session) =>
      session.query(`SELECT 1 FROM appointments WHERE starts_at = $1 AND status = 'booked'`, [tenantA.slotStartsAt]),
    );
    assert.equal(appointments.rows.length, 1);
  });

  it('one request delivered five times: one appointment and five identical results', async () => {
    const { slot } = await db.asOwner(async (session) => {
      const startsAt = new Date(Date.parse(tenantA.slotStartsAt) + 60 * 60_000).toISOString();
      await session.query(`INSERT INTO broker_slots (tenant_id, broker_id, starts_at, ends_at) VALUES ($1, $2, $3, $3::timestamptz + interval '30 minutes')`, [tenantA.tenantId, tenantA.brokerId, startsAt]);
      return { slot: startsAt };
    });
    const message = request(tenantA, 'schedule_appointment', { brokerId: tenantA.brokerId, startsAt: slot });
    for (let delivery = 0; delivery < 5; delivery += 1) await bus.publish('tool.request', message);
    await waitFor(() => resultsFor(message.requestId).length >= 5, { timeoutMs: 30_000, description: 'five results' });
    const answers = resultsFor(message.requestId).map((result) => JSON.stringify(result.outcome));
    assert.equal(new Set(answers).size, 1, 'all five results are identical');
    assert.equal(resultsFor(message.requestId)[0]?.outcome.case, 'resultJson');
    const appointments = await db.inTenant(tenantA.tenantId, (session) => session.query(`SELECT 1 FROM appointments WHERE starts_at = $1`, [slot]));
    assert.equal(appointments.rows.length, 1);
  });

  it('answers bad arguments and unknown tools with structured errors, writes nothing, and keeps consuming', async () => {
    const appointmentsBefore = await count('appointments', tenantA);
    const invocationsBefore = await count('tool_invocations', tenantA);
    const bad = [
      request(tenantA, 'schedule_appointment', {}),
      request(tenantA, 'schedule_appointment', { brokerId: 42, startsAt: 'tomorrow' }),
      request(tenantA, 'schedule_appointment', { brokerId: "'); DROP TABLE appointments; --", startsAt: tenantA.slotStartsAt }),
      request(tenantA, 'add_to_dnc', { phoneNumber: '+1555'.padEnd(1_000_000, '5') }),
      request(tenantA, 'add_to_dnc', 'this is not json'),
      request(tenantA, 'delete_everything', {}),
    ];
    await Promise.all(bad.map((message) => bus.publish('tool.request', message)));
    await waitFor(() => bad.every((message) => resultsFor(message.requestId).length > 0), { timeoutMs: 30_000, description: 'answers to bad requests' });
    const codes = bad.map((message) => {
      const outcome = resultsFor(message.requestId)[0]?.outcome;
      return outcome?.case === 'error' ? outcome.value.code : 'ok';
    });
    assert.deepEqual(codes, ['validation_failed', 'validation_failed', 'validation_failed', 'validation_failed', 'validation_failed', 'unknown_tool']);
    const missing = resultsFor(bad[0]?.requestId ?? '')[0]?.outcome;
    assert.match(missing?.case === 'error' ? missing.value.detailsJson : '', /brokerId/);
    assert.equal(await count('appointments', tenantA), appointmentsBefore);
    assert.equal(await count('tool_invocations', tenantA), invocationsBefore);

    const after = request(tenantA, 'add_to_dnc', { phoneNumber: '+15557654321' });
    await bus.publish('tool.request', after);
    await waitFor(() => resultsFor(after.requestId).length > 0, { timeoutMs: 30_000, description: 'the consumer still answers' });
    assert.equal(resultsFor(after.requestId)[0]?.outcome.case, 'resultJson');
  });

  it('dead-letters a message that does not decode and goes on', async () => {
    const raw = new Kafka({ clientId: 'poison', brokers: [...testInfra.kafkaBrokers], logLevel: logLevel.NOTHING }).producer();
    await raw.connect();
    await raw.send({ topic: `${topicPrefix}tool.request`, messages: [{ key: 'poison-call', value: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f]) }] });
    await raw.disconnect();
    await waitFor(() => deadLetters.some((deadLetter) => deadLetter.key === 'poison-call'), { timeoutMs: 30_000, description: 'the poison message dead-lettered' });
    const next = request(tenantA, 'add_to_dnc', { phoneNumber: '+15557654322' });
    await bus.publish('tool.request', next);
    await waitFor(() => resultsFor(next.requestId).length > 0, { timeoutMs: 30_000, description: 'the consumer still answers' });
  });

  it('saves an intake encrypted under the configured keyring', async () => {
    const intake = { name: 'Morgan Vale', dateOfBirth: '1988-01-30', phone: '+15557770123', reasonForVisit: 'Sprained ankle' };
    const message = request(tenantA, 'save_intake', { intake });
    await bus.publish('tool.request', message);
    await waitFor(() => resultsFor(message.requestId).length > 0, { timeoutMs: 30_000, description: 'the intake saved' });
    const outcome = resultsFor(message.requestId)[0]?.outcome;
    assert.equal(outcome?.case, 'resultJson', JSON.stringify(outcome));
    const { intakeId } = JSON.parse(outcome?.case === 'resultJson' ? outcome.value : '{}') as { intakeId: string };
    const stored = await db.inTenant(tenantA.tenantId, (session) => session.query<{ payload_enc: string }>('SELECT payload_enc FROM intake_records WHERE id = $1', [intakeId]));
    const envelope = stored.rows[0]?.payload_enc ?? '';
    assert.doesNotMatch(envelope, /Morgan|ankle|1988/);
    assert.deepEqual(JSON.parse(keyring.cipher.decrypt(envelope, fieldContext('intake_records', 'payload', tenantA.tenantId))), intake);
  });

  it("never lets tenant A book or see tenant B's broker", async () => {
    const message = request(tenantA, 'schedule_appointment', { brokerId: tenantB.brokerId, startsAt: tenantB.slotStartsAt });
    await bus.publish('tool.request', message);
    await waitFor(() => resultsFor(message.requestId).length > 0, { timeoutMs: 30_000, description: 'an answer' });
    const outcome = resultsFor(message.requestId)[0]?.outcome;
    assert.equal(outcome?.case === 'error' ? outcome.value.code : 'ok', 'not_found');
    const inB = await db.inTenant(tenantB.tenantId, (session) => session.query(`SELECT 1 FROM appointments WHERE starts_at = $1`, [tenantB.slotStartsAt]));
    assert.equal(inB.rows.length, 0);
  });
});
