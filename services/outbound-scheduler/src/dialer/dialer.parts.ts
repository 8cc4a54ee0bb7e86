import type { Provider, Type } from '@nestjs/common';
import { OutboundCallbacksController } from './callbacks/outbound-callbacks.controller';
import { CLOCK, systemClock } from './clock';
import { DialerRuntime } from './dialer.runtime';

export { dialerConfigShape } from './dialer.config';

/** The dialer's Nest parts and config; the service module lists them. */
export const dialerProviders: Provider[] = [{ provide: CLOCK, useValue: systemClock }, DialerRuntime];
export const dialerControllers: Type[] = [OutboundCallbacksController];
