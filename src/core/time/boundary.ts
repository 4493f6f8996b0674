import { ValidationError } from '../../errors';
import { parseIntervalCached } from './duration';
import { toEpochMs, type Instant } from './instant';
import { Recurrence, boundaryDate } from './recurrence';
import { ensureZone } from './zone';

/** Options of {@link boundary}. */
export interface BoundaryOptions {
  /** IANA zone whose local calendar the recurrence follows. Default `UTC`. */
  timeZone?: string | undefined;
}

/**
 * The k-th boundary of a recurrence: `anchor + k × interval`, computed from the anchor (never by
 * chaining), with month ends clamped from the anchor's local day. k may be negative.
 *
 * @param anchor - the recurrence's boundary 0 (path `anchor`).
 * @param interval - a non-zero ISO-8601 duration (path `interval`).
 * @param k - an integer (path `k`, code `invalid_integer`).
 * @throws {@link ValidationError} for a bad anchor, interval, k or zone.
 * @example
 * boundary('2024-01-31', 'P1M', 1);  // 2024-02-29T00:00:00.000Z
 * boundary('2024-01-31', 'P1M', 2);  // 2024-03-31T00:00:00.000Z
 * boundary('2024-01-31', 'P1M', -1); // 2023-12-31T00:00:00.000Z
 */
export function boundary(anchor: Instant, interval: string, k: number, options?: BoundaryOptions): Date {
  const anchorMs = toEpochMs(anchor, 'anchor');
  const d = parseIntervalCached(interval, 'interval');
  if (!Number.isSafeInteger(k)) throw ValidationError.single('k', 'invalid_integer', 'expected an integer');
  const zone = options?.timeZone === undefined ? 'UTC' : ensureZone(options.timeZone, 'timeZone');
  return boundaryDate(new Recurrence(anchorMs, d, zone).boundary(k));
}
