/** Where every "now" of the dialer comes from, so tests can move time. */
export interface Clock {
  now(): Date;
}

/** Nest token of the dialer's Clock. */
export const CLOCK = Symbol('dialer:clock');

export const systemClock: Clock = { now: () => new Date() };
