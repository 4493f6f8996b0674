import type { ValidationIssue } from '../../errors';
import type { UsagePeriodTimeline } from './usage-period-timeline';

/**
 * The problems of a manual reset at `atMs` requested at `nowMs` (path `at`): not in the future
 * (`in_future`), not before the current usage period started (`before_period_start`), and not a
 * second manual reset at the same instant (`duplicate`). None when the reset may happen.
 * @example
 * manualResetIssues(timeline, Date.parse('2024-03-10T00:00:00Z'), Date.parse('2024-03-15T00:00:00Z')); // []
 */
export function manualResetIssues(timeline: UsagePeriodTimeline, atMs: number, nowMs: number): ValidationIssue[] {
  if (atMs > nowMs) return [{ path: 'at', code: 'in_future', message: 'A reset cannot be in the future' }];
  const periodStart = timeline.measurementStartAt(new Date(nowMs)).getTime();
  if (atMs < periodStart) {
    return [{ path: 'at', code: 'before_period_start', message: `A reset cannot be before the current usage period start ${new Date(periodStart).toISOString()}` }];
  }
  if (timeline.resetsBetween(new Date(atMs - 1), new Date(atMs)).some((r) => r.manual)) {
    return [{ path: 'at', code: 'duplicate', message: 'The entitlement was already reset at this instant' }];
  }
  return [];
}
