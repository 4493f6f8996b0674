/**
 * The bound of a usage checkpoint's tail: it counts every event stamped before this instant. It is
 * just past `nowMs` (events stamped at now count), pushed just past the latest event stamped in the
 * future (a client with a skewed clock), so a check before that event's time does not take the checkpoint.
 * @example
 * tailBound(1000, [1500, 1200]); // 1501
 * tailBound(1000, []); // 1001
 */
export function tailBound(nowMs: number, futureEventTimesMs: readonly number[]): number {
  return futureEventTimesMs.reduce((bound, t) => Math.max(bound, t + 1), nowMs + 1);
}
