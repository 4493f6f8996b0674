import { expect } from 'vitest';
import { ValidationError, isTollgateError } from '../../../src/errors';

/** Runs `fn`, expects a ValidationError whose single issue has `path` and `code`. */
export function expectValidation(fn: () => unknown, path: string, code: string): ValidationError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a ValidationError to be thrown').toBeInstanceOf(ValidationError);
  const error = caught as ValidationError;
  expect(isTollgateError(error)).toBe(true);
  expect(error.code).toBe('validation_error');
  expect(error.issues).toHaveLength(1);
  expect(error.issues[0]).toMatchObject({ path, code });
  expect(error.issues[0]?.message).toMatch(/\S/);
  return error;
}

/** Epoch milliseconds of an ISO string with an offset (test shorthand). */
export const ms = (iso: string): number => {
  const value = Date.parse(iso);
  if (Number.isNaN(value)) throw new Error(`bad test instant ${iso}`);
  return value;
};

/** ISO text of epoch milliseconds. */
export const iso = (value: number | Date): string => new Date(value).toISOString();

/** Hours between two instants. */
export const hoursBetween = (a: Date | number, b: Date | number): number =>
  (new Date(b).getTime() - new Date(a).getTime()) / 3_600_000;

/** True when the runtime's ICU knows the zone and has its 2024 DST rules. */
export function zoneHasDst2024(zone: string, probeJanuary: string, probeJuly: string): boolean {
  try {
    const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    const jan = f.formatToParts(new Date(probeJanuary)).find((p) => p.type === 'timeZoneName')?.value;
    const jul = f.formatToParts(new Date(probeJuly)).find((p) => p.type === 'timeZoneName')?.value;
    return jan !== undefined && jul !== undefined && jan !== jul;
  } catch {
    return false;
  }
}
