import { ValidationError, type ValidationIssue } from '../../errors';
import type { Instant } from '../time';
import { MS_PER_DAY, MS_PER_HOUR, addDurationMs, isValidEpochMs, parseDurationCached, toEpochMs } from '../time/internal';
import { addIssue, collectIssues, throwIfAny } from './collect-issues';

/** The units of a grant's relative expiration. */
export const GRANT_EXPIRATION_UNITS = ['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'] as const;

/** A unit of a grant's relative expiration. */
export type GrantExpirationUnit = (typeof GRANT_EXPIRATION_UNITS)[number];

/** A grant's lifetime relative to its `effectiveAt`: `count` × `duration`. */
export interface GrantExpiration {
  /** HOUR, DAY and WEEK are exact (3,600,000 / 86,400,000 / 604,800,000 ms); MONTH and YEAR are calendar units (UTC). */
  duration: GrantExpirationUnit;
  /** A positive integer. */
  count: number;
}

const EXACT_MS: Partial<Record<GrantExpirationUnit, number>> = { HOUR: MS_PER_HOUR, DAY: MS_PER_DAY, WEEK: 7 * MS_PER_DAY };

/**
 * Resolves `expiration: { duration, count }` into the grant's `expiresAt`. HOUR, DAY and WEEK add
 * exact time; MONTH and YEAR add calendar months or years to `effectiveAt` (UTC), keeping its time
 * of day to the millisecond and clamping to the month end (Jan 31 + 1 MONTH = Feb 28/29).
 *
 * @param effectiveAt - the grant's `effectiveAt` (path `effectiveAt`).
 * @param expiration - the relative expiration (paths `expiration.duration`, `expiration.count`).
 * @throws ValidationError `invalid_instant`, `invalid_enum` (unknown unit), `invalid_integer`
 *   (count not a positive integer) or `out_of_range` (the result is not a valid Date).
 * @example
 * resolveExpiresAt('2024-01-31T10:20:30.456Z', { duration: 'MONTH', count: 1 }); // 2024-02-29T10:20:30.456Z
 * resolveExpiresAt('2024-03-09T12:00:00Z', { duration: 'DAY', count: 1 });       // 2024-03-10T12:00:00.000Z
 */
export function resolveExpiresAt(effectiveAt: Instant, expiration: GrantExpiration, path = 'expiration'): Date {
  const issues: ValidationIssue[] = [];
  const start = collectIssues(issues, () => toEpochMs(effectiveAt, 'effectiveAt'));
  const spec = readExpiration(expiration, path, issues);
  throwIfAny(issues);
  if (start === undefined || spec === undefined) throw new Error('unreachable: issues were thrown');
  const result = addExpiration(start, spec.duration, spec.count);
  if (!isValidEpochMs(result)) {
    throw ValidationError.single(`${path}.count`, 'out_of_range', 'the expiry is outside the range of a Date');
  }
  return new Date(result);
}

function readExpiration(value: unknown, path: string, issues: ValidationIssue[]): GrantExpiration | undefined {
  if (typeof value !== 'object' || value === null) {
    addIssue(issues, path, 'invalid_type', 'expected { duration, count }');
    return undefined;
  }
  const e = value as Partial<Record<keyof GrantExpiration, unknown>>;
  const unitOk = (GRANT_EXPIRATION_UNITS as readonly unknown[]).includes(e.duration);
  if (!unitOk) addIssue(issues, `${path}.duration`, 'invalid_enum', `expected one of ${GRANT_EXPIRATION_UNITS.join(', ')}`);
  const countOk = typeof e.count === 'number' && Number.isSafeInteger(e.count) && e.count >= 1;
  if (!countOk) addIssue(issues, `${path}.count`, 'invalid_integer', 'expected a positive integer');
  return unitOk && countOk ? (value as GrantExpiration) : undefined;
}

function addExpiration(start: number, unit: GrantExpirationUnit, count: number): number {
  const exact = EXACT_MS[unit];
  if (exact !== undefined) return start + exact * count;
  return addDurationMs(start, parseDurationCached(unit === 'MONTH' ? 'P1M' : 'P1Y'), count, 'UTC');
}
