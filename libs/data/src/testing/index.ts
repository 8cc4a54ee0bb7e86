export * from './tenant.fixture';
