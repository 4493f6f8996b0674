import { parseIntervalCached } from './duration';
import { toEpochMs, type Instant } from './instant';
import { Recurrence, boundaryDate, type Period } from './recurrence';
import { ensureZone } from './zone';

/** Options of {@link periodAt}. */
export interface PeriodAtOptions {
  /** IANA zone whose local calendar the recurrence follows. Default `UTC`. */
  timeZone?: string | undefined;
}

/**
 * The period `[b_k, b_k+1)` of the recurrence `b_k = anchor + k × interval` that contains `at`.
 * An instant exactly on a boundary belongs to the later period; `at` may precede the anchor
 * (negative k). Month ends are clamped from the anchor's local day, and calendar units follow the
 * local calendar of `timeZone` (a P1D period is 23 h or 25 h across DST; PT24H is always 24 h).
 *
 * @param anchor - boundary 0 (path `anchor`).
 * @param interval - a non-zero ISO-8601 duration (path `interval`).
 * @param at - the instant to locate (path `at`).
 * @throws {@link ValidationError} `invalid_instant`, `invalid_duration`, `invalid_interval` or
 *   `invalid_time_zone`.
 * @example
 * periodAt('2024-01-31', 'P1M', '2024-03-15T00:00:00Z');
 * // { from: 2024-02-29T00:00:00.000Z, to: 2024-03-31T00:00:00.000Z }
 * periodAt('2024-01-01T00:00:00-05:00', 'P1D', '2024-03-10T12:00:00Z', { timeZone: 'America/New_York' });
 * // { from: 2024-03-10T05:00:00.000Z, to: 2024-03-11T04:00:00.000Z } (23 hours)
 */
export function periodAt(anchor: Instant, interval: string, at: Instant, options?: PeriodAtOptions): Period {
  const anchorMs = toEpochMs(anchor, 'anchor');
  const d = parseIntervalCached(interval, 'interval');
  const atMs = toEpochMs(at, 'at');
  const zone = options?.timeZone === undefined ? 'UTC' : ensureZone(options.timeZone, 'timeZone');
  const r = new Recurrence(anchorMs, d, zone);
  const k = r.indexAt(atMs);
  return { from: boundaryDate(r.boundary(k)), to: boundaryDate(r.boundary(k + 1)) };
}
