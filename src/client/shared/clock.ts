/** Where Tollgate reads the current time. Inject one (e.g. `TestClock`) to control time in tests. */
export interface Clock {
  now(): Date;
}

/** The real time. */
export const systemClock: Clock = { now: () => new Date() };
