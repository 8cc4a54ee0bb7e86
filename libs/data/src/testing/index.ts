export * from './tenant.fixture';
export * from './test-databases';
