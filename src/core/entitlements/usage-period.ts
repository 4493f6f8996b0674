import { periodAt, type Instant, type Period } from '../time';

/**
 * The usage period `[from, to)` of the grid `anchor + k × interval` that contains `at` (an instant on
 * a boundary belongs to the later period). It follows the anchor grid whenever the entitlement
 * was created: one created mid-period is in the period that started before it.
 * @throws ValidationError `invalid_instant`, `invalid_duration`, `invalid_interval`, `invalid_time_zone`.
 * @example
 * usagePeriodAt('2024-01-31T00:00:00Z', 'P1M', '2024-03-15T00:00:00Z');
 * // { from: 2024-02-29T00:00:00.000Z, to: 2024-03-31T00:00:00.000Z }
 */
export function usagePeriodAt(anchor: Instant, interval: string, at: Instant, timeZone?: string): Period {
  return periodAt(anchor, interval, at, { timeZone });
}
