import { describe, expect, it } from 'vitest';
import { UsagePeriodTimeline, manualResetIssues } from '../../../src/core/entitlements';
import { d } from './helpers';

const ms = (s: string): number => Date.parse(s);
const codes = (timeline: UsagePeriodTimeline, at: string, now: string): string[] => manualResetIssues(timeline, ms(at), ms(now)).map((i) => `${i.path} ${i.code}`);

// Monthly from Jan 1; a manual reset on Mar 10 12:00 that keeps the grid.
const timeline = new UsagePeriodTimeline({ anchor: d(1, 1), interval: 'P1M', resets: [{ at: d(3, 10, 12), retainAnchor: true }] });
// Monthly from Jan 1, usage measured from Jan 15 (created mid-period).
const lateStart = new UsagePeriodTimeline({ anchor: d(1, 1), interval: 'P1M', measureUsageFrom: d(1, 15) });

describe('manualResetIssues', () => {
  it.each([
    // [case, timeline, at, now, expected]
    ['ok: inside the current period', timeline, d(2, 10), d(2, 20), []],
    ['ok: exactly now', timeline, d(2, 20), d(2, 20), []],
    ['ok: exactly at the period start (an automatic reset)', timeline, d(2, 1), d(2, 20), []],
    ['before_period_start: 1 ms before the period start', timeline, '2024-01-31T23:59:59.999Z', d(2, 20), ['at before_period_start']],
    ['in_future: 1 ms after now', timeline, '2024-02-20T00:00:00.001Z', d(2, 20), ['at in_future']],
    ['in_future wins over everything else', timeline, d(5, 1), d(2, 20), ['at in_future']],
    ['duplicate: a manual reset already at this instant', timeline, d(3, 10, 12), d(3, 20), ['at duplicate']],
    ['ok: 1 ms after an existing manual reset', timeline, '2024-03-10T12:00:00.001Z', d(3, 20), []],
    ['before_period_start: the period now starts at the manual reset', timeline, d(3, 5), d(3, 20), ['at before_period_start']],
    ['ok: after the automatic reset that followed a manual one', timeline, d(4, 1), d(4, 2), []],
    ['ok: at measureUsageFrom in the first period', lateStart, d(1, 15), d(1, 20), []],
    ['before_period_start: before measureUsageFrom', lateStart, d(1, 10), d(1, 20), ['at before_period_start']],
  ] as const)('%s', (_case, t, at, now, expected) => {
    expect(codes(t, at, now)).toEqual(expected);
  });

  it('gives exactly one issue with its message', () => {
    expect(manualResetIssues(timeline, ms(d(1, 20)), ms(d(2, 20)))).toEqual([
      { path: 'at', code: 'before_period_start', message: 'A reset cannot be before the current usage period start 2024-02-01T00:00:00.000Z' },
    ]);
    expect(manualResetIssues(timeline, ms(d(3, 1)), ms(d(2, 1)))).toEqual([{ path: 'at', code: 'in_future', message: 'A reset cannot be in the future' }]);
    expect(manualResetIssues(timeline, ms(d(3, 10, 12)), ms(d(3, 10, 12)))).toEqual([{ path: 'at', code: 'duplicate', message: 'The entitlement was already reset at this instant' }]);
  });
});
