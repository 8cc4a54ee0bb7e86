import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { Outcome } from '../../bus';
import { RecordingLogger } from '../../conformance/recording.logger';
import { createKafkaBus } from '../kafka.bus';
import { applyEvent } from './effect.store';

/**
 * A consuming service for the crash-recovery test, run as its own process so the test can
 * kill it without warning. Argument: JSON {brokers, topicPrefix, databaseUrl, group, handlerDelayMs}.
 * The delay keeps the consumer behind the producer, so the kill lands mid-batch.
 */
interface ConsumerArguments {
  readonly brokers: string[];
  readonly topicPrefix: string;
  readonly databaseUrl: string;
  readonly group: string;
  readonly handlerDelayMs: number;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as ConsumerArguments;
  const pool = new Pool({ connectionString: args.databaseUrl, max: 8 });
  const bus = createKafkaBus({ logger: new RecordingLogger(), brokers: args.brokers, clientId: 'stt', topicPrefix: args.topicPrefix });
  await bus.subscribe(
    'call.audio.in',
    async (delivery) => {
      try {
        await sleep(args.handlerDelayMs);
        await applyEvent(pool, delivery.message.callId, delivery.message.sequence, process.pid);
        return Outcome.ok();
      } catch (error) {
        return Outcome.retry(error instanceof Error ? error.message : 'database error');
      }
    },
    { group: args.group },
  );
  process.stdout.write('subscribed\n');
  process.once('SIGTERM', () => {
    void bus.close().then(() => pool.end()).then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`effect consumer failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
