import { tzName, tzOffset } from '@date-fns/tz';
import { ValidationError } from '../../errors';
import { MAX_EPOCH_MS, MS_PER_DAY, MS_PER_SECOND } from './civil';

/**
 * IANA time zones through `@date-fns/tz`: offsets come from `tzOffset` (cached per UTC day, see
 * below), and a wall-clock time is resolved to an instant by Tollgate's rule (a gap moves forward,
 * an overlap takes the earlier instant). Internal to the time core.
 *
 * Why not `TZDate`'s own setters for the resolution: in an overlap they pick the earlier or the
 * later instant depending on the host's time zone (Australia/Lord_Howe 01:45 on 2024-04-07 gives
 * 14:45Z on a Lord Howe host, 15:15Z on a UTC host), and the core must not read the host.
 */

const UTC_NAMES = new Set(['UTC', 'Etc/UTC']);
/** Zones already checked with Intl (a check costs a formatter; a name is checked once). */
const knownZones = new Set<string>();

/** True when `zone` is spelled `UTC` or `Etc/UTC`, which take the arithmetic fast path. */
export function isUtcZone(zone: string): boolean {
  return UTC_NAMES.has(zone);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : value === null ? 'null' : typeof value;
}

/**
 * Checks that `zone` is an IANA time zone the runtime knows and returns it.
 * @throws {@link ValidationError} `invalid_time_zone` at `path`.
 */
export function ensureZone(zone: unknown, path: string): string {
  if (typeof zone !== 'string') {
    throw ValidationError.single(path, 'invalid_time_zone', `expected an IANA time zone name, got ${describe(zone)}`);
  }
  if (isUtcZone(zone) || knownZones.has(zone)) return zone;
  // Offset strings are not zones; and tzOffset alone would accept any name containing "+05".
  if (zone === '' || /^[+-]/.test(zone)) {
    throw ValidationError.single(path, 'invalid_time_zone', `${describe(zone)} is not an IANA time zone`);
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch (cause) {
    throw new ValidationError([{ path, code: 'invalid_time_zone', message: `${describe(zone)} is not an IANA time zone` }], { cause });
  }
  knownZones.add(zone);
  return zone;
}

/** The offset of `zone` at `ms` straight from @date-fns/tz, in milliseconds to the second. */
function readOffset(ms: number, zone: string): number {
  const date = new Date(ms < -MAX_EPOCH_MS ? -MAX_EPOCH_MS : ms > MAX_EPOCH_MS ? MAX_EPOCH_MS : ms);
  let minutes = tzOffset(zone, date);
  // tzOffset reads "GMT-00:44:30" (Monrovia until 1972, Dublin's mean time) as +44.5: the sign of
  // a zero hour is lost. Only an offset under an hour can be affected; read its sign from the name.
  if (minutes > 0 && minutes < 60 && tzName(zone, date, 'short').includes('-')) minutes = -minutes;
  return Math.round(minutes * 60) * MS_PER_SECOND;
}

// The offset cache. A tzOffset call formats a date with Intl (about 3 µs); a zoned meter query
// asks for offsets a few times per window, which made a 30-day query in America/New_York 3-5 times
// slower than with a cache (bench/time.bench.ts, bench/README.md "Time"). So offsets are kept per
// zone and UTC day: a day whose first and last second have the same offset is taken to have no
// change; otherwise its change is found once by bisection, to the second (the tz database's
// resolution). Assumes at most one change per zone per UTC day, as the tz database has.

/** Offsets of one UTC day: `before` until `at`, `after` from `at` on (`at` is +∞ when none). */
interface DayOffsets {
  readonly before: number;
  readonly at: number;
  readonly after: number;
}

const MAX_CACHED_DAYS = 100_000;
const offsetDays = new Map<string, Map<number, DayOffsets>>();

function dayOffsets(zone: string, day: number): DayOffsets {
  let days = offsetDays.get(zone);
  if (days === undefined) {
    ensureZone(zone, 'timeZone');
    days = new Map();
    offsetDays.set(zone, days);
  }
  const hit = days.get(day);
  if (hit !== undefined) return hit;
  // The second before the day and the day's last second, counted in seconds.
  let lo = (day * MS_PER_DAY) / MS_PER_SECOND - 1;
  let hi = lo + MS_PER_DAY / MS_PER_SECOND;
  const before = readOffset(lo * MS_PER_SECOND, zone);
  const last = readOffset(hi * MS_PER_SECOND, zone);
  let entry: DayOffsets;
  if (before === last) {
    entry = { before, at: Number.POSITIVE_INFINITY, after: before };
  } else {
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (readOffset(mid * MS_PER_SECOND, zone) === before) lo = mid;
      else hi = mid;
    }
    entry = { before, at: hi * MS_PER_SECOND, after: last };
  }
  if (days.size >= MAX_CACHED_DAYS) days.clear();
  days.set(day, entry);
  return entry;
}

/**
 * UTC offset of `zone` at epoch millisecond `ms` (local = UTC + offset), in milliseconds, to the
 * second (historical offsets such as New York's -04:56:02 keep their seconds).
 * @throws {@link ValidationError} `invalid_time_zone` when the zone is unknown.
 */
export function offsetAt(ms: number, zone: string): number {
  if (isUtcZone(zone)) return 0;
  const entry = dayOffsets(zone, Math.floor(ms / MS_PER_DAY));
  return ms < entry.at ? entry.before : entry.after;
}

/** The wall-clock milliseconds (local date-time counted as UTC) of instant `ms` in `zone`. */
export function instantToWall(ms: number, zone: string): number {
  return ms + offsetAt(ms, zone);
}

/**
 * Every instant whose wall clock in `zone` reads `wall`, ascending: one normally, two in a
 * fall-back overlap, none in a spring-forward gap.
 */
export function possibleInstants(wall: number, zone: string): number[] {
  if (isUtcZone(zone)) return [wall];
  const early = offsetAt(wall - MS_PER_DAY, zone);
  const late = offsetAt(wall + MS_PER_DAY, zone);
  const a = wall - early;
  const aOk = offsetAt(a, zone) === early;
  if (early === late) return aOk ? [a] : [];
  const b = wall - late;
  const bOk = offsetAt(b, zone) === late;
  if (aOk && bOk) return a < b ? [a, b] : [b, a];
  if (aOk) return [a];
  return bOk ? [b] : [];
}

/**
 * The instant of a wall-clock time in `zone` under Tollgate's rules: a time in a spring-forward gap
 * moves forward by the gap (it is read with the offset in force before the gap); a time that occurs
 * twice takes the earlier instant.
 */
export function wallToInstant(wall: number, zone: string): number {
  if (isUtcZone(zone)) return wall;
  const early = offsetAt(wall - MS_PER_DAY, zone);
  const a = wall - early;
  const late = offsetAt(wall + MS_PER_DAY, zone);
  if (early === late) return a;
  const b = wall - late;
  const aOk = offsetAt(a, zone) === early;
  const bOk = offsetAt(b, zone) === late;
  if (aOk && bOk) return a < b ? a : b;
  if (!aOk && bOk) return b;
  // `a` is valid, or the time is in a gap: read with the offset before it, `a` lands the length of
  // the gap after the time the clock did not show.
  return a;
}
