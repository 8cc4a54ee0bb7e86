/**
 * Client settings of the Kafka backend, in one policy object. A 10 s session timeout lets a
 * crashed instance's partitions (its calls) move to a live one within seconds.
 */
export const KAFKA_SETTINGS = Object.freeze({
  connectionTimeoutMs: 3_000,
  requestTimeoutMs: 10_000,
  sessionTimeoutMs: 10_000,
  heartbeatIntervalMs: 1_000,
  rebalanceTimeoutMs: 30_000,
  /** Partitions handled at once per subscription; order holds within each. */
  partitionsConsumedConcurrently: 4,
  /** Offsets are committed after handling, at most this far apart. */
  autoCommitIntervalMs: 500,
  autoCommitThreshold: 50,
  producerRetries: 5,
  healthTimeoutMs: 2_000,
  replicationFactor: 1,
  /** `startAt: 'latest'` reads the end offsets; fresh topics may answer "not the leader" for a moment. */
  endOffsetsAttempts: 10,
  endOffsetsRetryDelayMs: 100,
});
