import { ValidationError } from '../../errors';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, addMonthsClamped, civilFromDays, daysFromCivil, isValidEpochMs } from './civil';
import { ensureZone, firstTransitionIn, isUtcZone, lastTransitionIn, offsetAt } from './zone-offset';

/** The calendar units of meter windows. */
export type WindowUnit = 'MINUTE' | 'HOUR' | 'DAY' | 'MONTH';

const FIXED: Readonly<Record<Exclude<WindowUnit, 'MONTH'>, number>> = {
  MINUTE: MS_PER_MINUTE,
  HOUR: MS_PER_HOUR,
  DAY: MS_PER_DAY,
};

/** The wall-clock start of the unit containing wall-clock `wall`. */
function truncate(wall: number, unit: WindowUnit): number {
  if (unit === 'MONTH') {
    const c = civilFromDays(Math.floor(wall / MS_PER_DAY));
    return daysFromCivil(c.year, c.month, 1) * MS_PER_DAY;
  }
  const size = FIXED[unit];
  return Math.floor(wall / size) * size;
}

/** The wall-clock start of the unit after the one starting at wall-clock `start`. */
function nextUnit(start: number, unit: WindowUnit): number {
  if (unit === 'MONTH') {
    const c = civilFromDays(Math.floor(start / MS_PER_DAY));
    return addMonthsClamped(c.year, c.month, 1, 1) * MS_PER_DAY;
  }
  return start + FIXED[unit];
}

/** The window label of instant `ms`: the wall-clock start of its unit. */
function label(ms: number, unit: WindowUnit, zone: string): number {
  return truncate(ms + offsetAt(ms, zone), unit);
}

function check(ms: number, unit: unknown, zone: string, path: string): void {
  if (!isValidEpochMs(ms)) throw ValidationError.single(path, 'invalid_instant', 'expected integer epoch milliseconds');
  if (unit !== 'MINUTE' && unit !== 'HOUR' && unit !== 'DAY' && unit !== 'MONTH') {
    throw ValidationError.single('unit', 'invalid_window_unit', 'expected MINUTE, HOUR, DAY or MONTH');
  }
  ensureZone(zone, 'timeZone');
}

/**
 * The start (epoch ms) of the meter window containing instant `ms`.
 *
 * A window is the run of consecutive instants whose local time in `zone` truncates to the same
 * minute, hour, day or month. So windows align to local boundaries (an HOUR window in Asia/Kolkata,
 * UTC+05:30, starts at xx:30 UTC), a DAY window on a DST change lasts 23 or 25 hours, the hour
 * repeated by a fall-back is one 2-hour HOUR window, and an hour skipped by a spring-forward has no
 * window (a window whose start was skipped begins at the transition).
 *
 * @throws {@link ValidationError} `invalid_instant` (path `ms`), `invalid_window_unit` (path `unit`)
 *   or `invalid_time_zone` (path `timeZone`).
 * @example
 * startOfWindow(Date.parse('2024-03-10T16:00:00Z'), 'DAY', 'America/New_York'); // Date.parse('2024-03-10T05:00:00Z')
 * startOfWindow(Date.parse('2024-01-01T10:45:00Z'), 'HOUR', 'Asia/Kolkata');    // Date.parse('2024-01-01T10:30:00Z')
 */
export function startOfWindow(ms: number, unit: WindowUnit, zone: string): number {
  check(ms, unit, zone, 'ms');
  if (isUtcZone(zone)) return truncate(ms, unit);
  let t = ms;
  for (;;) {
    const wall = t + offsetAt(t, zone);
    const start = truncate(wall, unit);
    // Where the wall clock read `start` if the offset did not change between there and t.
    const s = t - (wall - start);
    const transition = lastTransitionIn(s, t, zone);
    // The offset is constant on [edge, t], so every instant there has the label `start`.
    const edge = Number.isNaN(transition) ? s : transition;
    if (edge <= -8.64e15 || label(edge - 1, unit, zone) !== start) return edge;
    t = edge - 1;
  }
}

/**
 * The start (epoch ms) of the window after the one containing `startMs` (normally a value returned by
 * {@link startOfWindow}). DST-correct: after a DAY window starting on a transition day it is 23 or 25
 * hours later; MONTH follows the local calendar.
 *
 * @throws {@link ValidationError} like {@link startOfWindow} (path `startMs`).
 * @example
 * nextWindowStart(Date.parse('2024-03-10T05:00:00Z'), 'DAY', 'America/New_York'); // Date.parse('2024-03-11T04:00:00Z')
 * nextWindowStart(Date.parse('2024-11-03T04:00:00Z'), 'DAY', 'America/New_York'); // Date.parse('2024-11-04T05:00:00Z')
 */
export function nextWindowStart(startMs: number, unit: WindowUnit, zone: string): number {
  check(startMs, unit, zone, 'startMs');
  if (isUtcZone(zone)) return nextUnit(truncate(startMs, unit), unit);
  let t = startMs;
  for (;;) {
    const wall = t + offsetAt(t, zone);
    const current = truncate(wall, unit);
    // Where the wall clock reaches the next unit if the offset does not change before then.
    const e = t + (nextUnit(current, unit) - wall);
    const transition = firstTransitionIn(t, e, zone);
    if (Number.isNaN(transition)) return e;
    if (label(transition, unit, zone) !== current) return transition;
    t = transition;
  }
}
