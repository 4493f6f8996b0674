import { ValidationError } from '../../errors';
import { addDuration } from '../time';

/** How far after now an entitlement may be evaluated: ten calendar years (ISO 8601 duration, UTC). */
export const EVALUATION_HORIZON = 'P10Y';

/**
 * Refuses to evaluate an entitlement at an instant more than {@link EVALUATION_HORIZON} after now:
 * a check, access, consume or history that far ahead would replay every refill and reset up to it
 * (a monthly grant at 9999-12-31 is about 100,000 segments: seconds of a blocked event loop, and on
 * SQL a held lock). Up to the horizon the work is bounded by the grant changes of ten years.
 * @throws ValidationError `beyond_horizon` naming `path` when `atMs` is after now + ten years.
 * @example
 * assertWithinHorizon(Date.parse('9999-12-31T00:00:00Z'), Date.parse('2024-03-10T00:00:00Z'), 'at'); // throws: at beyond_horizon
 */
export function assertWithinHorizon(atMs: number, nowMs: number, path: string): void {
  const limit = addDuration(new Date(nowMs), EVALUATION_HORIZON).getTime();
  if (atMs > limit) {
    throw ValidationError.single(path, 'beyond_horizon', `must be at most ten years after now (${new Date(limit).toISOString()}); entitlements are not evaluated further ahead`);
  }
}
