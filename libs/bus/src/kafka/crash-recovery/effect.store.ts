import type { Pool } from 'pg';

/**
 * The visible effect of the crash-recovery proof: one row per (call, sequence), applied in
 * order and exactly once per event, however often Kafka delivers it. A redelivery is
 * recognised by the call's progress row and changes nothing.
 */
export const EFFECT_SCHEMA = `
  CREATE TABLE call_progress (call_id text PRIMARY KEY, last_sequence integer NOT NULL);
  CREATE TABLE effects (call_id text NOT NULL, sequence integer NOT NULL, PRIMARY KEY (call_id, sequence));
  CREATE TABLE deliveries (call_id text NOT NULL, sequence integer NOT NULL, consumer_pid integer NOT NULL);
  CREATE TABLE order_violations (call_id text NOT NULL, expected integer NOT NULL, got integer NOT NULL);
`;

export type ApplyResult = 'applied' | 'duplicate' | 'out-of-order';

export async function applyEvent(pool: Pool, callId: string, sequence: number, consumerPid: number): Promise<ApplyResult> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO deliveries (call_id, sequence, consumer_pid) VALUES ($1, $2, $3)', [callId, sequence, consumerPid]);
    await client.query('INSERT INTO call_progress (call_id, last_sequence) VALUES ($1, 0) ON CONFLICT DO NOTHING', [callId]);
    const progress = await client.query<{ last_sequence: number }>('SELECT last_sequence FROM call_progress WHERE call_id = $1 FOR UPDATE', [callId]);
    const last = progress.rows[0]?.last_sequence ?? 0;
    let result: ApplyResult;
    if (sequence <= last) {
      result = 'duplicate';
    } else if (sequence !== last + 1) {
      await client.query('INSERT INTO order_violations (call_id, expected, got) VALUES ($1, $2, $3)', [callId, last + 1, sequence]);
      result = 'out-of-order';
    } else {
      await client.query('INSERT INTO effects (call_id, sequence) VALUES ($1, $2)', [callId, sequence]);
      await client.query('UPDATE call_progress SET last_sequence = $2 WHERE call_id = $1', [callId, sequence]);
      result = 'applied';
    }
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
