import type { Provider, Type } from '@nestjs/common';

/** The dialer's Nest parts and config; the service module lists them. */
export const dialerProviders: Provider[] = [];
export const dialerControllers: Type[] = [];
export const dialerConfigShape = {};
