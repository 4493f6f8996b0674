/**
 * Where a usage checkpoint's pending usage starts: the earliest of the given event times that lies
 * after `nowMs` (an event stamped in the future, by a client with a skewed clock), or null when none
 * does. The checkpoint's tail leaves those events out, so a check before that instant still reads
 * the checkpoint and one at or after it rebuilds it.
 * @example
 * pendingFrom(1000, [900, 1500, 1200]); // 1200
 * pendingFrom(1000, [1000]); // null (an event stamped now is in the tail)
 */
export function pendingFrom(nowMs: number, eventTimesMs: readonly number[]): number | null {
  let earliest: number | null = null;
  for (const t of eventTimesMs) if (t > nowMs && (earliest === null || t < earliest)) earliest = t;
  return earliest;
}
