/** distributed: one process per service on Kafka/Postgres/Redis. embedded: all in one process. */
export type RunMode = 'distributed' | 'embedded';
