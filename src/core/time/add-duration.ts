import { ValidationError } from '../../errors';
import { MS_PER_SECOND, isValidEpochMs } from './civil';
import { checkDuration, parseDurationCached, type Duration } from './duration';
import { toEpochMs, type Instant } from './instant';
import { addWallDays, addWallMonths } from './wall-clock';
import { ensureZone, instantToWall, wallToInstant } from './zone';

/** Options of {@link addDuration}. */
export interface AddDurationOptions {
  /** IANA zone whose local calendar the Y, M, W and D units follow. Default `UTC`. */
  timeZone?: string | undefined;
  /** How many times to add the duration (an integer; negative subtracts, 0 adds nothing). Default 1. */
  times?: number | undefined;
}

/**
 * Adds `times` × `d` to the instant `ms` in `zone` (the arithmetic of {@link addDuration}, without
 * validation). Returns `NaN` when the result leaves the range of `Date`.
 * @example
 * const monthly = parseDurationCached('P1M');
 * addDurationMs(Date.UTC(2024, 0, 31), monthly, 3, 'UTC'); // Date.UTC(2024, 3, 30)
 * @internal
 */
export function addDurationMs(ms: number, d: Readonly<Duration>, times: number, zone: string): number {
  const months = (d.years * 12 + d.months) * times;
  const days = (d.weeks * 7 + d.days) * times;
  const exact = ((d.hours * 60 + d.minutes) * 60 + d.seconds) * MS_PER_SECOND * times;
  if (months === 0 && days === 0) return ms + exact;
  let wall = instantToWall(ms, zone);
  if (months !== 0) wall = addWallMonths(wall, months);
  if (days !== 0) wall = addWallDays(wall, days);
  if (!isValidEpochMs(wall)) return Number.NaN;
  return wallToInstant(wall, zone) + exact;
}

/**
 * Adds an ISO-8601 duration to an instant. Years, months, weeks and days are calendar units on the
 * local date in `timeZone` (UTC by default) and keep the local time of day; hours, minutes and
 * seconds are exact elapsed time added afterwards. The largest units apply first: years and months
 * (the day is clamped to the end of the month), then weeks and days, then the local time is
 * resolved to an instant (a time in a spring-forward gap moves forward by the gap, a repeated time
 * takes the earlier instant), then the exact time is added.
 *
 * `times` multiplies every component before the single addition, so `times: k` gives the k-th
 * boundary of a recurrence from its anchor (month ends clamped from the anchor's own day).
 *
 * @param instant - a `Date` or an ISO-8601 string (path `instant`).
 * @param duration - an ISO-8601 duration such as `P1M` or `PT24H`, or a {@link Duration} (path `duration`).
 * @throws {@link ValidationError} `invalid_instant`, `invalid_duration`, `invalid_time_zone`,
 *   `invalid_integer` (path `times`) or `out_of_range` (path `duration`) when the result is not a
 *   valid `Date`.
 * @example
 * addDuration('2024-01-31T00:00:00Z', 'P1M');  // 2024-02-29T00:00:00.000Z
 * addDuration('2023-01-30T00:00:00Z', 'P1M1D'); // 2023-03-01T00:00:00.000Z
 * addDuration('2024-03-09T12:00:00Z', 'P1D', { timeZone: 'America/New_York' });  // 2024-03-10T11:00:00.000Z (23 h)
 * addDuration('2024-03-09T12:00:00Z', 'PT24H', { timeZone: 'America/New_York' }); // 2024-03-10T12:00:00.000Z
 * addDuration('2024-01-31T00:00:00Z', 'P1M', { times: -2 }); // 2023-11-30T00:00:00.000Z
 */
export function addDuration(instant: Instant, duration: string | Duration, options?: AddDurationOptions): Date {
  const ms = toEpochMs(instant, 'instant');
  const d = typeof duration === 'string' ? parseDurationCached(duration, 'duration') : checkDuration(duration, 'duration');
  const zone = options?.timeZone === undefined ? 'UTC' : ensureZone(options.timeZone, 'timeZone');
  const times = options?.times ?? 1;
  if (!Number.isSafeInteger(times)) {
    throw ValidationError.single('times', 'invalid_integer', 'expected an integer');
  }
  const result = addDurationMs(ms, d, times, zone);
  if (!isValidEpochMs(result)) {
    throw ValidationError.single('duration', 'out_of_range', 'the result is outside the range of a Date');
  }
  return new Date(result);
}
