import { ValidationError } from '../../errors';
import { MAX_EPOCH_MS, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, isValidEpochMs } from './civil';
import { addWallDays, addWallMonths, startOfWallDay, startOfWallMonth } from './wall-clock';
import { ensureZone, isUtcZone, offsetAt } from './zone';

/** The calendar units of meter windows. */
export type WindowUnit = 'MINUTE' | 'HOUR' | 'DAY' | 'MONTH';

/** Units that are exact elapsed time: their windows never merge or skip local hours. */
const EXACT: Readonly<Partial<Record<WindowUnit, number>>> = { MINUTE: MS_PER_MINUTE, HOUR: MS_PER_HOUR };

function check(ms: number, unit: unknown, zone: string, path: string): void {
  if (!isValidEpochMs(ms)) throw ValidationError.single(path, 'invalid_instant', 'expected integer epoch milliseconds');
  if (unit !== 'MINUTE' && unit !== 'HOUR' && unit !== 'DAY' && unit !== 'MONTH') {
    throw ValidationError.single('unit', 'invalid_window_unit', 'expected MINUTE, HOUR, DAY or MONTH');
  }
  ensureZone(zone, 'timeZone');
}

/**
 * The first instant in `(a, b]` whose offset differs from `offsetA` (the offset at `a`), found by
 * bisection to the millisecond. `offsetAt(b)` must differ from `offsetA`.
 */
function transitionBetween(a: number, offsetA: number, b: number, zone: string): number {
  let lo = a;
  let hi = b;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetAt(mid, zone) === offsetA) lo = mid;
    else hi = mid;
  }
  return hi;
}

// MINUTE and HOUR: exact elapsed time, aligned to the offset in force. A window is
// [s, s + size) where s is the local minute or hour start read with the current offset, cut at
// an offset change (which realigns the windows). So the hour a fall-back repeats is two windows,
// the hour a spring-forward skips none, and Asia/Kolkata's hours start at xx:30 UTC.

function exactStart(t: number, size: number, zone: string): number {
  const offset = offsetAt(t, zone);
  const s = Math.floor((t + offset) / size) * size - offset;
  if (s === t) return s;
  const offsetS = offsetAt(s, zone);
  // A change in (s, t] starts the window (Lord Howe's 30-minute changes land inside an hour).
  return offsetS === offset ? s : transitionBetween(s, offsetS, t, zone);
}

function exactNext(t: number, size: number, zone: string): number {
  const offset = offsetAt(t, zone);
  const e = Math.floor((t + offset) / size) * size - offset + size;
  return offsetAt(e, zone) === offset ? e : transitionBetween(t, offset, e, zone);
}

// DAY and MONTH: the local calendar (date-fns on the wall clock). A window is the run of
// instants whose local date truncates to the same day or month, so a DST day lasts 23 or 25
// hours, and a day whose midnight was skipped starts at the transition.

const truncate = (wall: number, unit: WindowUnit): number => (unit === 'DAY' ? startOfWallDay(wall) : startOfWallMonth(wall));
const nextUnit = (start: number, unit: WindowUnit): number => (unit === 'DAY' ? addWallDays(start, 1) : addWallMonths(start, 1));
const label = (ms: number, unit: WindowUnit, zone: string): number => truncate(ms + offsetAt(ms, zone), unit);

function calendarStart(ms: number, unit: WindowUnit, zone: string): number {
  let t = ms;
  for (;;) {
    const offset = offsetAt(t, zone);
    const wall = t + offset;
    const start = truncate(wall, unit);
    // Where the wall clock read `start` if the offset did not change between there and t.
    const s = t - (wall - start);
    const offsetS = offsetAt(s, zone);
    // The offset is constant on [edge, t], so every instant there has the label `start`.
    const edge = offsetS === offset ? s : lastTransition(s, t, offset, zone);
    if (edge <= -MAX_EPOCH_MS || label(edge - 1, unit, zone) !== start) return edge;
    t = edge - 1;
  }
}

/** The last instant in `(a, b]` whose offset differs from the millisecond before it (`offsetB` is the offset at b). */
function lastTransition(a: number, b: number, offsetB: number, zone: string): number {
  let lo = a;
  let hi = b;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetAt(mid, zone) === offsetB) hi = mid;
    else lo = mid;
  }
  return hi;
}

function calendarNext(startMs: number, unit: WindowUnit, zone: string): number {
  let t = startMs;
  for (;;) {
    const offset = offsetAt(t, zone);
    const wall = t + offset;
    const current = truncate(wall, unit);
    // Where the wall clock reaches the next unit if the offset does not change before then.
    const e = t + (nextUnit(current, unit) - wall);
    if (offsetAt(e, zone) === offset) return e;
    const transition = transitionBetween(t, offset, e, zone);
    if (label(transition, unit, zone) !== current) return transition;
    t = transition;
  }
}

/**
 * The start (epoch ms) of the meter window containing instant `ms`.
 *
 * MINUTE and HOUR windows are exact elapsed time aligned to the zone's offset: an HOUR window in
 * Asia/Kolkata (UTC+05:30) starts at xx:30 UTC; the hour repeated by a fall-back is two windows
 * (New York 2024-11-03: 01:00 EDT = 05:00Z and 01:00 EST = 06:00Z), an hour skipped by a
 * spring-forward has none, and an offset change inside an hour (Australia/Lord_Howe's 30 minutes)
 * cuts a window there. DAY and MONTH windows follow the local calendar: the run of instants whose
 * local date is the same day or month, so a DAY window on a DST change lasts 23 or 25 hours (and a
 * day whose midnight was skipped begins at the transition).
 *
 * @throws {@link ValidationError} `invalid_instant` (path `ms`), `invalid_window_unit` (path `unit`)
 *   or `invalid_time_zone` (path `timeZone`).
 * @example
 * startOfWindow(Date.parse('2024-03-10T16:00:00Z'), 'DAY', 'America/New_York'); // Date.parse('2024-03-10T05:00:00Z')
 * startOfWindow(Date.parse('2024-01-01T10:45:00Z'), 'HOUR', 'Asia/Kolkata');    // Date.parse('2024-01-01T10:30:00Z')
 * startOfWindow(Date.parse('2024-11-03T06:30:00Z'), 'HOUR', 'America/New_York'); // Date.parse('2024-11-03T06:00:00Z') (01:00 EST)
 */
export function startOfWindow(ms: number, unit: WindowUnit, zone: string): number {
  check(ms, unit, zone, 'ms');
  const size = EXACT[unit] ?? (unit === 'DAY' ? MS_PER_DAY : 0);
  // The fast path: a UTC minute, hour or day is fixed-length arithmetic (bench/time.bench.ts).
  if (size !== 0 && isUtcZone(zone)) return Math.floor(ms / size) * size;
  const exact = EXACT[unit];
  return exact === undefined ? calendarStart(ms, unit, zone) : exactStart(ms, exact, zone);
}

/**
 * The start (epoch ms) of the window after the one containing `startMs` (normally a value returned by
 * {@link startOfWindow}). DST-correct: after a DAY window starting on a transition day it is 23 or 25
 * hours later; MONTH follows the local calendar; MINUTE and HOUR windows are at most a minute or an
 * hour long.
 *
 * @throws {@link ValidationError} like {@link startOfWindow} (path `startMs`).
 * @example
 * nextWindowStart(Date.parse('2024-03-10T05:00:00Z'), 'DAY', 'America/New_York'); // Date.parse('2024-03-11T04:00:00Z')
 * nextWindowStart(Date.parse('2024-11-03T04:00:00Z'), 'DAY', 'America/New_York'); // Date.parse('2024-11-04T05:00:00Z')
 * nextWindowStart(Date.parse('2024-11-03T05:00:00Z'), 'HOUR', 'America/New_York'); // Date.parse('2024-11-03T06:00:00Z')
 */
export function nextWindowStart(startMs: number, unit: WindowUnit, zone: string): number {
  check(startMs, unit, zone, 'startMs');
  const size = EXACT[unit] ?? (unit === 'DAY' ? MS_PER_DAY : 0);
  if (size !== 0 && isUtcZone(zone)) return Math.floor(startMs / size) * size + size;
  const exact = EXACT[unit];
  return exact === undefined ? calendarNext(startMs, unit, zone) : exactNext(startMs, exact, zone);
}
