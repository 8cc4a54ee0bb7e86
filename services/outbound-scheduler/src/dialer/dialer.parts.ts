import type { Provider, Type } from '@nestjs/common';
import { OutboundCallbacksController } from './callbacks/outbound-callbacks.controller';
import { DialerRuntime } from './dialer.runtime';

export { dialerConfigShape } from './dialer.config';

/** The dialer's Nest parts and config; the service module lists them. */
export const dialerProviders: Provider[] = [DialerRuntime];
export const dialerControllers: Type[] = [OutboundCallbacksController];
