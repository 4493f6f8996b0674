import { ValidationError } from '../../errors';
import { MAX_EPOCH_MS, MS_PER_DAY, MS_PER_SECOND, daysFromCivil } from './civil';

/**
 * UTC offsets of IANA time zones, read from `Intl.DateTimeFormat` and cached.
 *
 * Offsets are cached per zone and per UTC day: a day whose first and last second have the same
 * offset is assumed to have no transition; otherwise the transition instant is found once by bisection (to the
 * second, the resolution of the tz database) and stored. After warm-up, an offset costs one `Map`
 * lookup. Internal to the time core.
 */

/** Offsets of one cached UTC day: `before` until `at`, `after` from `at` on (`at` is +∞ if none). */
interface DayOffsets {
  readonly before: number;
  readonly at: number;
  readonly after: number;
}

interface ZoneState {
  readonly format: Intl.DateTimeFormat;
  readonly days: Map<number, DayOffsets>;
}

const MAX_CACHED_DAYS = 100_000;
const UTC_NAMES = new Set(['UTC', 'Etc/UTC']);
const zones = new Map<string, ZoneState>();

/** True when `zone` is spelled `UTC` or `Etc/UTC`, which take the arithmetic fast path. */
export function isUtcZone(zone: string): boolean {
  return UTC_NAMES.has(zone);
}

/**
 * The cached state of a zone, creating its formatter on first use.
 * @throws {@link ValidationError} `invalid_time_zone` at `path` when the zone is unknown.
 */
function zoneState(zone: string, path: string): ZoneState {
  const hit = zones.get(zone);
  if (hit !== undefined) return hit;
  if (typeof zone !== 'string' || zone === '' || /^[+-]/.test(zone)) {
    throw ValidationError.single(path, 'invalid_time_zone', `${describe(zone)} is not an IANA time zone`);
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (cause) {
    throw new ValidationError([{ path, code: 'invalid_time_zone', message: `${describe(zone)} is not an IANA time zone` }], {
      cause,
    });
  }
  const state: ZoneState = { format, days: new Map() };
  zones.set(zone, state);
  return state;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : value === null ? 'null' : typeof value;
}

/**
 * Checks that `zone` is a time zone the runtime knows (creating and caching its formatter).
 * @throws {@link ValidationError} `invalid_time_zone` at `path`.
 */
export function ensureZone(zone: unknown, path: string): string {
  if (typeof zone !== 'string') {
    throw ValidationError.single(path, 'invalid_time_zone', `expected an IANA time zone name, got ${describe(zone)}`);
  }
  if (!isUtcZone(zone)) zoneState(zone, path);
  return zone;
}

/** Offset of `zone` at `ms` in milliseconds, straight from Intl (second resolution). */
function rawOffset(state: ZoneState, ms: number): number {
  const t = ms < -MAX_EPOCH_MS ? -MAX_EPOCH_MS : ms > MAX_EPOCH_MS ? MAX_EPOCH_MS : ms;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of state.format.formatToParts(t)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'era':
        bc = part.value === 'BC' || part.value === 'B';
        break;
      default:
        break;
    }
  }
  if (bc) year = 1 - year;
  const wall = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * MS_PER_SECOND;
  return wall - Math.floor(t / MS_PER_SECOND) * MS_PER_SECOND;
}

function dayOffsets(state: ZoneState, day: number): DayOffsets {
  const hit = state.days.get(day);
  if (hit !== undefined) return hit;
  // Seconds just before the day and the day's last second; a transition T in [start, end) makes
  // them differ, and is found by bisection on whole seconds (the tz database's resolution).
  let lo = (day * MS_PER_DAY) / MS_PER_SECOND - 1;
  let hi = lo + MS_PER_DAY / MS_PER_SECOND;
  const before = rawOffset(state, lo * MS_PER_SECOND);
  const last = rawOffset(state, hi * MS_PER_SECOND);
  let entry: DayOffsets;
  if (before === last) {
    entry = { before, at: Number.POSITIVE_INFINITY, after: before };
  } else {
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (rawOffset(state, mid * MS_PER_SECOND) === before) lo = mid;
      else hi = mid;
    }
    entry = { before, at: hi * MS_PER_SECOND, after: last };
  }
  if (state.days.size >= MAX_CACHED_DAYS) state.days.clear();
  state.days.set(day, entry);
  return entry;
}

/**
 * UTC offset of `zone` at epoch millisecond `ms` (local = UTC + offset), in milliseconds.
 * @throws {@link ValidationError} `invalid_time_zone` when the zone is unknown.
 */
export function offsetAt(ms: number, zone: string): number {
  if (isUtcZone(zone)) return 0;
  const entry = dayOffsets(zoneState(zone, 'timeZone'), Math.floor(ms / MS_PER_DAY));
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
  const aOk = offsetAt(a, zone) === early;
  if (early === late) return a;
  const b = wall - late;
  const bOk = offsetAt(b, zone) === late;
  if (aOk && bOk) return a < b ? a : b;
  if (aOk) return a;
  if (bOk) return b;
  // Gap: read with the offset before the transition, which lands the length of the gap after it.
  return a;
}

/**
 * The earliest offset transition T of `zone` with `a < T <= b` (an instant whose offset differs from
 * the millisecond before it), or `NaN` when there is none. Assumes at most one transition per UTC day.
 */
export function firstTransitionIn(a: number, b: number, zone: string): number {
  if (isUtcZone(zone) || b <= a) return Number.NaN;
  const state = zoneState(zone, 'timeZone');
  const last = Math.floor(b / MS_PER_DAY);
  for (let d = Math.floor((a + 1) / MS_PER_DAY); d <= last; d += 1) {
    const at = dayOffsets(state, d).at;
    if (at > a && at <= b) return at;
  }
  return Number.NaN;
}

/** The latest offset transition T of `zone` with `a < T <= b`, or `NaN` when there is none. */
export function lastTransitionIn(a: number, b: number, zone: string): number {
  if (isUtcZone(zone) || b <= a) return Number.NaN;
  const state = zoneState(zone, 'timeZone');
  const first = Math.floor((a + 1) / MS_PER_DAY);
  for (let d = Math.floor(b / MS_PER_DAY); d >= first; d -= 1) {
    const at = dayOffsets(state, d).at;
    if (at > a && at <= b) return at;
  }
  return Number.NaN;
}
