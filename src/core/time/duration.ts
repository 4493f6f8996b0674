import { ValidationError } from '../../errors';

/**
 * An ISO-8601 duration split into its components (non-negative integers). Years, months, weeks and
 * days are calendar units applied to the local date; hours, minutes and seconds are exact time.
 */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** The component names of a {@link Duration}, largest first. @internal */
export const DURATION_FIELDS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;

const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const GRAMMAR = 'P[nY][nM][nW][nD][T[nH][nM][nS]] with integer components, e.g. P1M, PT15M, P1DT12H';
const CACHE_LIMIT = 1_000;
const cache = new Map<string, Readonly<Duration>>();

function invalid(path: string, message: string): never {
  throw ValidationError.single(path, 'invalid_duration', message);
}

function parseUncached(iso: string, path: string): Readonly<Duration> {
  const m = ISO_DURATION.exec(iso);
  if (m === null || iso.endsWith('T') || m.slice(1).every((c) => c === undefined)) {
    invalid(path, `"${iso}" is not an ISO-8601 duration (${GRAMMAR})`);
  }
  const n = (i: number): number => {
    const text = m[i];
    if (text === undefined) return 0;
    const value = Number(text);
    if (!Number.isSafeInteger(value)) invalid(path, `"${iso}" has a component too large to compute with`);
    return value;
  };
  return Object.freeze({
    years: n(1),
    months: n(2),
    weeks: n(3),
    days: n(4),
    hours: n(5),
    minutes: n(6),
    seconds: n(7),
  });
}

/**
 * Parses with a bounded cache and returns a shared frozen object. For hot paths inside Tollgate.
 * @internal
 */
export function parseDurationCached(iso: unknown, path = 'duration'): Readonly<Duration> {
  if (typeof iso !== 'string') {
    invalid(path, `expected an ISO-8601 duration string, got ${iso === null ? 'null' : typeof iso}`);
  }
  const hit = cache.get(iso);
  if (hit !== undefined) return hit;
  const parsed = parseUncached(iso, path);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(iso, parsed);
  return parsed;
}

/**
 * Parses an ISO-8601 duration: `P[nY][nM][nW][nD][T[nH][nM][nS]]`, integer components, at least
 * one component, and `T` only when a time component follows. Designators are upper case.
 *
 * @param iso - the duration text.
 * @param path - the field name reported in the error (default `duration`).
 * @throws {@link ValidationError} with code `invalid_duration` (`P`, `PT`, `1M`, `P1H`, `PT1D`,
 *   `PT15`, `P1.5D`, `p1d`, `-P1D`, `""`, a non-string...).
 * @example
 * parseDuration('P1M');    // { years: 0, months: 1, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 }
 * parseDuration('PT15M');  // { ..., minutes: 15, ... }
 * parseDuration('P1.5D');  // throws ValidationError (duration: invalid_duration)
 */
export function parseDuration(iso: unknown, path = 'duration'): Duration {
  return { ...parseDurationCached(iso, path) };
}

/**
 * Checks a {@link Duration} object given by a caller: every component a non-negative safe integer
 * (a missing component counts as 0). Returns a normalised copy. @internal
 */
export function checkDuration(value: unknown, path = 'duration'): Duration {
  if (typeof value !== 'object' || value === null) {
    invalid(path, 'expected an ISO-8601 duration string or a Duration object');
  }
  const record = value as Partial<Record<keyof Duration, unknown>>;
  const out: Duration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
  for (const field of DURATION_FIELDS) {
    const v = record[field];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      throw ValidationError.single(`${path}.${field}`, 'invalid_duration', 'expected a non-negative integer');
    }
    out[field] = v;
  }
  return out;
}

/**
 * The canonical ISO-8601 text of a duration: zero components are left out, and the zero duration
 * is `P0D`.
 *
 * @throws {@link ValidationError} `invalid_duration` when a component is not a non-negative integer.
 * @example
 * formatDuration({ years: 0, months: 1, weeks: 0, days: 1, hours: 0, minutes: 30, seconds: 0 }); // 'P1M1DT30M'
 * formatDuration(parseDuration('PT0S')); // 'P0D'
 */
export function formatDuration(d: Duration): string {
  const c = checkDuration(d);
  let date = '';
  if (c.years) date += `${c.years}Y`;
  if (c.months) date += `${c.months}M`;
  if (c.weeks) date += `${c.weeks}W`;
  if (c.days) date += `${c.days}D`;
  let time = '';
  if (c.hours) time += `${c.hours}H`;
  if (c.minutes) time += `${c.minutes}M`;
  if (c.seconds) time += `${c.seconds}S`;
  if (date === '' && time === '') return 'P0D';
  return time === '' ? `P${date}` : `P${date}T${time}`;
}

/**
 * True when every component is zero (`P0D`, `PT0S`, `P0Y0M`...).
 * @example
 * isZeroDuration(parseDuration('PT0S')); // true
 * isZeroDuration(parseDuration('P1D'));  // false
 */
export function isZeroDuration(d: Duration): boolean {
  return (
    d.years === 0 && d.months === 0 && d.weeks === 0 && d.days === 0 && d.hours === 0 && d.minutes === 0 && d.seconds === 0
  );
}

/** {@link parseInterval} with the shared cache. @internal */
export function parseIntervalCached(iso: unknown, path = 'interval'): Readonly<Duration> {
  const d = parseDurationCached(iso, path);
  if (isZeroDuration(d)) {
    throw ValidationError.single(path, 'invalid_interval', `"${String(iso)}" is zero: a recurrence interval must be longer than zero`);
  }
  return d;
}

/**
 * Parses a recurrence interval: an ISO-8601 duration (see {@link parseDuration}) that is not zero.
 *
 * @param path - the field name reported in the error (default `interval`).
 * @throws {@link ValidationError} `invalid_duration` for bad syntax, `invalid_interval` for a zero
 *   duration (`P0D`, `PT0S`).
 * @example
 * parseInterval('P1M'); // { ..., months: 1, ... }
 * parseInterval('P0D'); // throws ValidationError (interval: invalid_interval)
 */
export function parseInterval(iso: unknown, path = 'interval'): Duration {
  return { ...parseIntervalCached(iso, path) };
}
