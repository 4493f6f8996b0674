/**
 * Constants and the few integer calendar facts that parsing needs (day numbers, month lengths).
 * Calendar arithmetic (adding months, days; truncating to a day or month) is date-fns, in
 * `wall-clock.ts`. Internal to the time core.
 */

/** Milliseconds in a second. */
export const MS_PER_SECOND = 1_000;
/** Milliseconds in a minute. */
export const MS_PER_MINUTE = 60_000;
/** Milliseconds in an hour. */
export const MS_PER_HOUR = 3_600_000;
/** Milliseconds in a (UTC or wall-clock) day. */
export const MS_PER_DAY = 86_400_000;
/** The largest absolute epoch millisecond a `Date` can hold (±100,000,000 days). */
export const MAX_EPOCH_MS = 8.64e15;

/** True when `ms` is an integer epoch millisecond that a `Date` can represent. */
export function isValidEpochMs(ms: number): boolean {
  return Number.isInteger(ms) && ms >= -MAX_EPOCH_MS && ms <= MAX_EPOCH_MS;
}

/** True for a leap year of the proleptic Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Number of days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? 31;
}

/** Days since 1970-01-01 of a civil date (month 1-12). Exact for every integer year. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
