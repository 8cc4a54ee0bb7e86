export * from './test-infra.config';
export * from './infra.requirements';
export * from './isolation';
export * from './wait-for';
