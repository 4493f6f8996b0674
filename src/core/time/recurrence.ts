import { ValidationError } from '../../errors';
import { MS_PER_DAY, MS_PER_SECOND, addMonthsClamped, civilFromDays, isValidEpochMs } from './civil';
import type { Duration } from './duration';
import { instantToWall, isUtcZone, wallToInstant } from './zone-offset';

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
 * A recurrence `anchor + k × interval` in a zone, with the anchor's local date and time split once
 * so each boundary costs a few integer operations and (in a zone) one cached offset lookup.
 * Boundary k is computed directly from the anchor, never by chaining. @internal
 */
export class Recurrence {
  private readonly months: number;
  private readonly days: number;
  private readonly exact: number;
  private readonly calendar: boolean;
  private readonly utc: boolean;
  private readonly year: number;
  private readonly month: number;
  private readonly day: number;
  private readonly dayNumber: number;
  private readonly timeOfDay: number;
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
    this.utc = isUtcZone(zone);
    this.averageMs = this.months * AVG_MONTH_MS + this.days * MS_PER_DAY + this.exact;
    const wall = this.calendar ? instantToWall(anchorMs, zone) : anchorMs;
    this.dayNumber = Math.floor(wall / MS_PER_DAY);
    this.timeOfDay = wall - this.dayNumber * MS_PER_DAY;
    const c = civilFromDays(this.dayNumber);
    this.year = c.year;
    this.month = c.month;
    this.day = c.day;
  }

  /** Epoch milliseconds of boundary k (`NaN` outside the range of `Date`). */
  boundary(k: number): number {
    if (!this.calendar) return this.anchorMs + k * this.exact;
    let day = this.dayNumber;
    if (this.months !== 0) day = addMonthsClamped(this.year, this.month, this.day, this.months * k);
    const wall = (day + this.days * k) * MS_PER_DAY + this.timeOfDay;
    if (!isValidEpochMs(wall)) return Number.NaN;
    return (this.utc ? wall : wallToInstant(wall, this.zone)) + this.exact * k;
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
