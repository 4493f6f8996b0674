/**
 * Proleptic Gregorian calendar arithmetic on integers: day numbers, month lengths and "wall"
 * milliseconds (a local date-time counted as if it were UTC). Internal to the time core.
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

/** A civil date: year, month (1-12), day (1-31). */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The civil date of a day number (days since 1970-01-01). */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Adds `months` (any integer) to a civil year/month and clamps `day` to the end of the target month.
 * Returns the day number of the result.
 */
export function addMonthsClamped(year: number, month: number, day: number, months: number): number {
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const dim = daysInMonth(y, m);
  return daysFromCivil(y, m, day < dim ? day : dim);
}
