import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { AudioEncoding } from '@va/contracts';
import { createTestDatabase, requireKafka, requirePostgres, testInfra, uniqueTopicPrefix, waitFor, type TestDatabase } from '@va/testing';
import { RecordingLogger } from '../../conformance/recording.logger';
import { createKafkaBus, type KafkaBus } from '../kafka.bus';
import { plannedTopics } from '../kafka.topics';
import { EFFECT_SCHEMA } from './effect.store';

const CALLS = 10;
const EVENTS_PER_CALL = 200;
const TOTAL = CALLS * EVENTS_PER_CALL;

function startConsumer(args: object): ChildProcess {
  const child = spawn(process.execPath, [join(__dirname, 'effect-consumer.process.js'), JSON.stringify(args)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return child;
}

async function subscribed(child: ChildProcess): Promise<void> {
  const stdout = child.stdout;
  assert.ok(stdout);
  await new Promise<void>((resolve, reject) => {
    stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('subscribed')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`consumer exited early with ${code}`)));
  });
}

describe('kafka bus across a consumer crash (real broker, real Postgres)', () => {
  let database: TestDatabase;
  let pool: Pool;
  let producerBus: KafkaBus;
  const topicPrefix = uniqueTopicPrefix('crash');
  const children: ChildProcess[] = [];

  before(async () => {
    await requireKafka();
    await requirePostgres();
    database = await createTestDatabase('crash_recovery');
    pool = new Pool({ connectionString: database.url, max: 4 });
    await pool.query(EFFECT_SCHEMA);
    producerBus = createKafkaBus({ logger: new RecordingLogger(), brokers: testInfra.kafkaBrokers, clientId: 'media-gateway', topicPrefix });
    await producerBus.ensureTopics();
  });

  after(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await producerBus.close();
    await pool.end();
    await database.drop();
    const admin = new Kafka({ clientId: 'cleanup', brokers: [...testInfra.kafkaBrokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: plannedTopics(topicPrefix).map((topic) => topic.name) });
    await admin.disconnect();
  });

  it('10 calls x 200 events: order kept, nothing lost, no effect twice, through a SIGKILL and restart', async (t) => {
    const consumerArgs = { brokers: [...testInfra.kafkaBrokers], topicPrefix, databaseUrl: database.url, group: 'stt', handlerDelayMs: 3 };
    const first = startConsumer(consumerArgs);
    children.push(first);
    await subscribed(first);

    const publishing = (async () => {
      for (let sequence = 1; sequence <= EVENTS_PER_CALL; sequence += 1) {
        await Promise.all(
          Array.from({ length: CALLS }, (_, call) =>
            producerBus.publish('call.audio.in', {
              callId: `crash-call-${call}`,
              sequence,
              encoding: AudioEncoding.MULAW,
              sampleRateHz: 8000,
              streamOffsetMs: sequence * 20,
              audio: new Uint8Array(160).fill(sequence % 256),
            }),
          ),
        );
      }
    })();

    const countEffects = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM effects')).rows[0]?.n ?? 0);
    await waitFor(async () => (await countEffects()) >= TOTAL / 5, { timeoutMs: 60_000, description: 'a fifth of the effects before the crash' });
    first.kill('SIGKILL');
    await once(first, 'exit');
    const effectsAtCrash = await countEffects();

    const second = startConsumer(consumerArgs);
    children.push(second);
    await subscribed(second);
    await publishing;
    await waitFor(async () => (await countEffects()) === TOTAL, { timeoutMs: 90_000, intervalMs: 200, description: `all ${TOTAL} effects after the restart` });

    const perCall = await pool.query<{ call_id: string; n: string; max: number; last_sequence: number }>(
      `SELECT e.call_id, count(*) AS n, max(e.sequence) AS max, p.last_sequence
         FROM effects e JOIN call_progress p USING (call_id) GROUP BY e.call_id, p.last_sequence ORDER BY e.call_id`,
    );
    assert.equal(perCall.rows.length, CALLS);
    for (const row of perCall.rows) {
      assert.equal(Number(row.n), EVENTS_PER_CALL, `${row.call_id} effect count`);
      assert.equal(row.max, EVENTS_PER_CALL);
      assert.equal(row.last_sequence, EVENTS_PER_CALL);
    }
    const violations = await pool.query('SELECT * FROM order_violations');
    assert.deepEqual(violations.rows, [], 'no event was applied out of order');
    const deliveries = await pool.query<{ consumer_pid: number; n: string }>('SELECT consumer_pid, count(*) AS n FROM deliveries GROUP BY consumer_pid');
    assert.equal(deliveries.rows.length, 2, 'both consumer processes handled events');
    const totalDeliveries = deliveries.rows.reduce((sum, row) => sum + Number(row.n), 0);
    assert.ok(totalDeliveries >= TOTAL, 'every event was delivered at least once');
    assert.ok(effectsAtCrash < TOTAL, 'the crash happened mid-stream');
    t.diagnostic(`effects at the crash: ${effectsAtCrash}; deliveries: ${totalDeliveries} (${totalDeliveries - TOTAL} redelivered, no effect twice)`);

    second.kill('SIGTERM');
    const [exitCode] = (await once(second, 'exit')) as [number | null];
    assert.equal(exitCode, 0);
  });
});
