export * from './sql/sql.database';
export * from './sql/postgres.database';
export * from './sql/embedded.database';
export * from './sql/database.errors';
export * from './migrations/migration';
export * from './migrations/migrations.list';
export * from './migrations/migration.runner';
