import { ValidationError } from '../../errors';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, daysFromCivil, daysInMonth, isValidEpochMs } from './civil';
import { ensureZone, instantToWall, wallToInstant } from './zone';

/**
 * Checks that `zone` is an IANA time zone name the runtime knows (`America/New_York`,
 * `Asia/Kolkata`, `UTC`...) and returns it. Offset strings such as `+05:30` are not zones.
 *
 * @param zone - the value to check.
 * @param path - the field name reported in the error (default `timeZone`).
 * @throws {@link ValidationError} with code `invalid_time_zone`.
 * @example
 * assertTimeZone('Europe/London'); // 'Europe/London'
 * assertTimeZone('Mars/Olympus');  // throws ValidationError (timeZone: invalid_time_zone)
 */
export function assertTimeZone(zone: unknown, path = 'timeZone'): string {
  return ensureZone(zone, path);
}

/** A wall-clock date-time in some time zone, with the field ranges of the Gregorian calendar. */
export interface LocalDateTime {
  /** Full year, e.g. `2024`. */
  year: number;
  /** Month, 1-12. */
  month: number;
  /** Day of the month, 1-31. */
  day: number;
  /** Hour, 0-23. */
  hour: number;
  /** Minute, 0-59. */
  minute: number;
  /** Second, 0-59. */
  second: number;
  /** Millisecond, 0-999. */
  millisecond: number;
}

/** Splits wall-clock milliseconds into fields. @internal */
export function wallToLocal(wall: number): LocalDateTime {
  const d = new Date(wall);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** Joins fields into wall-clock milliseconds (no validation). @internal */
export function localToWall(local: LocalDateTime): number {
  return (
    daysFromCivil(local.year, local.month, local.day) * MS_PER_DAY +
    local.hour * MS_PER_HOUR +
    local.minute * MS_PER_MINUTE +
    local.second * MS_PER_SECOND +
    local.millisecond
  );
}

/**
 * The wall-clock date-time of an instant in a time zone.
 *
 * @param ms - epoch milliseconds (an integer a `Date` can hold).
 * @param zone - an IANA time zone or `UTC`.
 * @throws {@link ValidationError} `invalid_instant` (path `ms`) or `invalid_time_zone` (path `timeZone`).
 * @example
 * toLocal(Date.parse('2024-03-10T07:30:00Z'), 'America/New_York');
 * // { year: 2024, month: 3, day: 10, hour: 3, minute: 30, second: 0, millisecond: 0 }
 */
export function toLocal(ms: number, zone: string): LocalDateTime {
  if (!isValidEpochMs(ms)) throw ValidationError.single('ms', 'invalid_instant', 'expected integer epoch milliseconds');
  ensureZone(zone, 'timeZone');
  return wallToLocal(instantToWall(ms, zone));
}

const FIELDS: ReadonlyArray<readonly [keyof LocalDateTime, number, number]> = [
  ['year', -271_820, 275_759],
  ['month', 1, 12],
  ['day', 1, 31],
  ['hour', 0, 23],
  ['minute', 0, 59],
  ['second', 0, 59],
  ['millisecond', 0, 999],
];

/**
 * The instant at which the wall clock of `zone` reads `local`, as epoch milliseconds.
 * A local time in a spring-forward gap moves forward by the gap (New York 2024-03-10 02:30 →
 * 03:30 EDT = 07:30Z); a local time that occurs twice (fall back) takes the earlier instant.
 *
 * @throws {@link ValidationError} `invalid_local_date_time` (path `local.<field>`) for a field out
 *   of range or a day the month does not have, or `invalid_time_zone` (path `timeZone`).
 * @example
 * fromLocal({ year: 2024, month: 3, day: 10, hour: 2, minute: 30, second: 0, millisecond: 0 }, 'America/New_York');
 * // Date.parse('2024-03-10T07:30:00Z')
 * fromLocal({ year: 2024, month: 11, day: 3, hour: 1, minute: 30, second: 0, millisecond: 0 }, 'America/New_York');
 * // Date.parse('2024-11-03T05:30:00Z') (EDT, the first 01:30)
 */
export function fromLocal(local: LocalDateTime, zone: string): number {
  if (typeof local !== 'object' || local === null) {
    throw ValidationError.single('local', 'invalid_local_date_time', 'expected a LocalDateTime object');
  }
  for (const [field, min, max] of FIELDS) {
    const value = local[field];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw ValidationError.single(`local.${field}`, 'invalid_local_date_time', `expected an integer from ${min} to ${max}`);
    }
  }
  if (local.day > daysInMonth(local.year, local.month)) {
    throw ValidationError.single('local.day', 'invalid_local_date_time', `${local.year}-${local.month} has no day ${local.day}`);
  }
  ensureZone(zone, 'timeZone');
  return wallToInstant(localToWall(local), zone);
}
