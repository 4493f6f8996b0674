import type { PreparedGrants } from './prepared-grants';
import type { ParsedGrant } from './grant';
import type { UsagePeriodTimeline } from './usage-period-timeline';

/**
 * The first instant strictly after `afterMs` at which one grant changes the course of a burn-down:
 * it becomes effective, expires or is voided, or is refilled by its recurrence. `Infinity` when
 * none. @internal
 */
function nextGrantChange(grant: ParsedGrant, afterMs: number): number {
  if (grant.effectiveAt >= grant.activeUntil) return Infinity;
  if (grant.effectiveAt > afterMs) return grant.effectiveAt;
  let next = grant.activeUntil > afterMs ? grant.activeUntil : Infinity;
  const series = grant.recurrence?.series;
  if (series !== undefined) {
    const refill = series.boundary(series.indexAt(Math.max(afterMs, grant.effectiveAt)) + 1);
    if (refill < grant.activeUntil && refill < next) next = refill;
  }
  return next;
}

/** The last instant in `(floorMs, atMs]` at which one grant changes course, or `-Infinity`. @internal */
function lastGrantChange(grant: ParsedGrant, floorMs: number, atMs: number): number {
  if (grant.effectiveAt >= grant.activeUntil) return -Infinity;
  let last = -Infinity;
  const consider = (ms: number): void => {
    if (ms > floorMs && ms <= atMs && ms > last) last = ms;
  };
  consider(grant.effectiveAt);
  consider(grant.activeUntil);
  const series = grant.recurrence?.series;
  if (series !== undefined) {
    const refill = series.boundary(series.indexAt(Math.min(atMs, grant.activeUntil - 1)));
    if (refill > grant.effectiveAt && refill < grant.activeUntil) consider(refill);
  }
  return last;
}

/**
 * The start of the burn-down segment that contains instant `atMs`: the latest instant at or before
 * it where a grant starts, ends or recurs, or where the usage resets (never before
 * `timeline.measureUsageFrom`). Between this instant and {@link nextSegmentChange} the burn-down is
 * one segment: usage burns the same grants in the same order, so a stored state at the segment
 * start plus the usage since then gives the exact state at any instant of the segment.
 * @example
 * segmentStartAt(prepared, timeline, Date.parse('2024-03-15T00:00:00Z')); // the Mar 1 reset, or a later grant start
 */
export function segmentStartAt(grants: PreparedGrants, timeline: UsagePeriodTimeline, atMs: number): number {
  const reset = timeline.measurementStartAt(new Date(atMs)).getTime();
  let start = Math.min(reset, atMs);
  for (const grant of grants.grants) {
    const last = lastGrantChange(grant, start, atMs);
    if (last > start) start = last;
  }
  return start;
}

/**
 * The first instant strictly after `afterMs` where the burn-down changes course: a grant starts,
 * ends or recurs, or the usage resets. (Callers start segments at or after `measureUsageFrom`.)
 * @example
 * nextSegmentChange(prepared, timeline, Date.parse('2024-03-01T00:00:00Z')); // Apr 1, or an earlier grant expiry
 */
export function nextSegmentChange(grants: PreparedGrants, timeline: UsagePeriodTimeline, afterMs: number): number {
  const reset = timeline.nextResetAfter(new Date(afterMs)).at.getTime();
  let next = Number.isNaN(reset) ? Infinity : reset;
  for (const grant of grants.grants) {
    const change = nextGrantChange(grant, afterMs);
    if (change < next) next = change;
  }
  return next;
}
