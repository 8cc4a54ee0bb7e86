export * from './tenant.fixture';
export * from './test-databases';
export * from './field-keyring.env';
