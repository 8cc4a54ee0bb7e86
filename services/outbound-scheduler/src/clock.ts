import type { Provider } from '@nestjs/common';

/** Where every "now" of the scheduler comes from (the API's and the dialer's), so tests can move time. */
export interface Clock {
  now(): Date;
}

/** Nest token of the scheduler's Clock. */
export const CLOCK = Symbol('va:outbound-scheduler-clock');

export const systemClock: Clock = { now: () => new Date() };

/** The wall clock, listed once by the module. */
export const clockProvider: Provider = { provide: CLOCK, useValue: systemClock };
