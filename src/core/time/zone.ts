import { tzName, tzOffset } from '@date-fns/tz';
import { ValidationError } from '../../errors';
import { MAX_EPOCH_MS, MS_PER_DAY } from './civil';

/**
 * IANA time zones through `@date-fns/tz`: offsets come from `tzOffset`, and a wall-clock time is
 * resolved to an instant by Tollgate's rule (a gap moves forward, an overlap takes the earlier
 * instant). Internal to the time core.
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

/**
 * UTC offset of `zone` at epoch millisecond `ms` (local = UTC + offset), in milliseconds, to the
 * second (historical offsets such as New York's -04:56:02 keep their seconds).
 */
export function offsetAt(ms: number, zone: string): number {
  if (isUtcZone(zone)) return 0;
  const date = new Date(ms < -MAX_EPOCH_MS ? -MAX_EPOCH_MS : ms > MAX_EPOCH_MS ? MAX_EPOCH_MS : ms);
  let minutes = tzOffset(zone, date);
  // tzOffset reads "GMT-00:44:30" (Monrovia until 1972, Dublin's mean time) as +44.5: the sign of
  // a zero hour is lost. Only an offset under an hour can be affected; read its sign from the name.
  if (minutes > 0 && minutes < 60 && tzName(zone, date, 'short').includes('-')) minutes = -minutes;
  return Math.round(minutes * 60) * 1_000;
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

/**
 * The offset transition T of `zone` with `a < T <= b` (the first instant whose offset differs from
 * the millisecond before it), or `NaN` when the offsets at `a` and `b` are equal. For short spans
 * (a window of an hour or so), where a zone never changes its offset twice.
 */
export function transitionIn(a: number, b: number, zone: string): number {
  if (b <= a || isUtcZone(zone)) return Number.NaN;
  const before = offsetAt(a, zone);
  if (offsetAt(b, zone) === before) return Number.NaN;
  let lo = a;
  let hi = b;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetAt(mid, zone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}
