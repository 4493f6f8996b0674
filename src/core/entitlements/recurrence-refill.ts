import type { ParsedGrant } from './grant';

/**
 * The instants in `(after, until]` at which a recurring grant is refilled to its amount:
 * `anchor + k × interval` (computed from the anchor, never chained; month ends clamped), strictly
 * after `effectiveAt` (the grant starts full anyway) and strictly before it expires or is voided.
 * `[]` for a grant without recurrence.
 * @param limit - stop after this many instants (the caller reports a run that is too long).
 * @example
 * // amount 100, effective and anchored 2024-01-31, recurrence P1M
 * refillInstants(grant, Date.UTC(2024, 0, 31), Date.UTC(2024, 3, 30)); // Feb 29, Mar 31, Apr 30
 */
export function refillInstants(grant: ParsedGrant, after: number, until: number, limit = Infinity): number[] {
  const recurrence = grant.recurrence;
  if (recurrence === null) return [];
  const lo = Math.max(after, grant.effectiveAt);
  const hi = Math.min(until, grant.activeUntil - 1);
  const out: number[] = [];
  if (hi <= lo) return out;
  const series = recurrence.series;
  for (let k = series.indexAt(lo) + 1; out.length < limit; k += 1) {
    const at = series.boundary(k);
    if (!(at <= hi)) break;
    out.push(at);
  }
  return out;
}

/**
 * How many refill instants {@link refillInstants} would return, without listing them (to refuse a
 * run with too many segments before doing any work).
 * @example
 * countRefills(monthlyGrant, Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1)); // 12
 */
export function countRefills(grant: ParsedGrant, after: number, until: number): number {
  const recurrence = grant.recurrence;
  if (recurrence === null) return 0;
  const lo = Math.max(after, grant.effectiveAt);
  const hi = Math.min(until, grant.activeUntil - 1);
  if (hi <= lo) return 0;
  return recurrence.series.indexAt(hi) - recurrence.series.indexAt(lo);
}
