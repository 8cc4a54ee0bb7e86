import type { Provider, Type } from '@nestjs/common';

/** The broker REST API's Nest parts and config; the service module lists them. */
export const brokerApiProviders: Provider[] = [];
export const brokerApiControllers: Type[] = [];
export const brokerApiConfigShape = {};
