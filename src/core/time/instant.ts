import { ValidationError } from '../../errors';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, daysFromCivil, daysInMonth, isValidEpochMs } from './civil';

/**
 * A point in time as Tollgate accepts it: a `Date`, or an ISO-8601 string with an explicit offset
 * (`2024-03-10T07:30:00Z`, `2024-03-10T02:30:00-05:00`) or a date alone (`2024-03-10`, midnight UTC).
 */
export type Instant = Date | string;

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2})))?$/;

function fail(path: string, message: string): never {
  throw ValidationError.single(path, 'invalid_instant', message);
}

/** Parses a strict ISO-8601 instant string into epoch milliseconds, or throws `invalid_instant`. */
function parseIsoInstant(text: string, path: string): number {
  const m = ISO_INSTANT.exec(text);
  if (m === null) {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(text)) {
      fail(path, `"${text}" has no offset: add "Z" or "±HH:mm" (a local date-time is ambiguous)`);
    }
    fail(path, `"${text}" is not an ISO-8601 instant (YYYY-MM-DD or YYYY-MM-DDTHH:mm[:ss[.fff]] with Z or ±HH:mm)`);
  }
  const [, ys, mos, ds, hs, mis, ss, fs, z, sign, ohs, oms] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  if (month < 1 || month > 12) fail(path, `"${text}" has month ${mos}, expected 01-12`);
  if (day < 1 || day > daysInMonth(year, month)) fail(path, `"${text}" has day ${ds}, which ${ys}-${mos} does not have`);
  let ms = daysFromCivil(year, month, day) * MS_PER_DAY;
  if (hs !== undefined) {
    const hour = Number(hs);
    const minute = Number(mis);
    const second = ss === undefined ? 0 : Number(ss);
    if (hour > 23) fail(path, `"${text}" has hour ${hs}, expected 00-23`);
    if (minute > 59) fail(path, `"${text}" has minute ${mis}, expected 00-59`);
    if (second > 59) fail(path, `"${text}" has second ${ss ?? ''}, expected 00-59`);
    const millis = fs === undefined ? 0 : Number(fs.slice(0, 3).padEnd(3, '0'));
    ms += hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * MS_PER_SECOND + millis;
    if (z === undefined) {
      const oh = Number(ohs);
      const om = Number(oms);
      if (oh > 23 || om > 59) fail(path, `"${text}" has an offset out of range, expected ±00:00 to ±23:59`);
      const offset = oh * MS_PER_HOUR + om * MS_PER_MINUTE;
      ms -= sign === '-' ? -offset : offset;
    }
  }
  return ms;
}

/**
 * Reads an {@link Instant} and returns a new `Date`. Accepts a valid `Date` or a strict ISO-8601
 * string: `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:mm[:ss[.fraction]]` followed by `Z`,
 * `±HH:mm` or `±HHmm`. A fraction has 1-9 digits and is truncated to the millisecond. A date-time
 * without an offset is rejected because it is ambiguous.
 *
 * @param input - the value to read.
 * @param path - the field name reported in the error (default `at`).
 * @throws {@link ValidationError} with code `invalid_instant` for anything else (an invalid `Date`,
 *   `2024-02-30`, `2024-01-01T24:00Z`, `2024-01-01T10:00`, a number...).
 * @example
 * toInstant('2024-03-10T02:30:00-05:00'); // 2024-03-10T07:30:00.000Z
 * toInstant('2024-03-10');                // 2024-03-10T00:00:00.000Z
 * toInstant(new Date(0));                 // a copy: 1970-01-01T00:00:00.000Z
 */
export function toInstant(input: unknown, path = 'at'): Date {
  return new Date(toEpochMs(input, path));
}

/**
 * The epoch milliseconds of an {@link Instant}, validated exactly like {@link toInstant} but
 * without allocating a `Date`. For hot paths inside Tollgate.
 * @internal
 */
export function toEpochMs(input: unknown, path = 'at'): number {
  if (input instanceof Date) {
    const ms = input.getTime();
    if (!isValidEpochMs(ms)) fail(path, 'is an invalid Date');
    return ms;
  }
  if (typeof input === 'string') return parseIsoInstant(input, path);
  return fail(path, `expected a Date or an ISO-8601 string, got ${input === null ? 'null' : typeof input}`);
}
