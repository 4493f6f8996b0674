import { ValidationError } from '../../errors';
import { MS_PER_DAY, MS_PER_SECOND, isValidEpochMs } from './civil';
import type { Duration } from './duration';
import { addWallDays, addWallMonths } from './wall-clock';
import { instantToWall, wallToInstant } from './zone';

/** A half-open span of time `[from, to)`. */
export interface Period {
  /** Inclusive start. */
  from: Date;
  /** Exclusive end. */
  to: Date;
}

/** Average Gregorian month in milliseconds (146,097 days / 4,800 months). */
const AVG_MONTH_MS = (146_097 / 4_800) * MS_PER_DAY;

/**
 * A recurrence `anchor + k × interval` in a zone, with the anchor's wall clock read once.
 * Boundary k is computed directly from the anchor, never by chaining: the anchor's wall clock plus
 * k × the months (date-fns, the day clamped to the month's end) and k × the days, resolved in the
 * zone, plus k × the exact time. @internal
 */
export class Recurrence {
  private readonly months: number;
  private readonly days: number;
  private readonly exact: number;
  private readonly calendar: boolean;
  /** The anchor's wall clock in the zone (calendar recurrences only). */
  private readonly wall: number;
  /** Average length of one interval in milliseconds, for estimating k. */
  readonly averageMs: number;

  constructor(
    readonly anchorMs: number,
    interval: Readonly<Duration>,
    readonly zone: string,
  ) {
    this.months = interval.years * 12 + interval.months;
    this.days = interval.weeks * 7 + interval.days;
    this.exact = ((interval.hours * 60 + interval.minutes) * 60 + interval.seconds) * MS_PER_SECOND;
    this.calendar = this.months !== 0 || this.days !== 0;
    this.averageMs = this.months * AVG_MONTH_MS + this.days * MS_PER_DAY + this.exact;
    this.wall = this.calendar ? instantToWall(anchorMs, zone) : anchorMs;
  }

  /** Epoch milliseconds of boundary k (`NaN` outside the range of `Date`). */
  boundary(k: number): number {
    if (!this.calendar) return this.anchorMs + k * this.exact;
    let wall = this.wall;
    if (this.months !== 0) wall = addWallMonths(wall, this.months * k);
    if (this.days !== 0) wall = addWallDays(wall, this.days * k);
    if (!isValidEpochMs(wall)) return Number.NaN;
    return wallToInstant(wall, this.zone) + this.exact * k;
  }

  /**
   * The k with `boundary(k) <= ms < boundary(k + 1)`: estimated from the average interval length,
   * then adjusted by single steps (month lengths, leap days and DST move it by at most a few).
   */
  indexAt(ms: number): number {
    let k = Math.floor((ms - this.anchorMs) / this.averageMs);
    for (let steps = 0; !(this.boundary(k) <= ms) && steps < 64; steps += 1) k -= 1;
    for (let steps = 0; this.boundary(k + 1) <= ms && steps < 64; steps += 1) k += 1;
    return k;
  }
}

/** Wraps epoch milliseconds in a Date, or throws `out_of_range` when a boundary leaves Date's range. @internal */
export function boundaryDate(ms: number): Date {
  if (!isValidEpochMs(ms)) {
    throw ValidationError.single('interval', 'out_of_range', 'a period boundary is outside the range of a Date');
  }
  return new Date(ms);
}
