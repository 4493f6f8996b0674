import { describe, expect, it } from 'vitest';
import { UsagePeriodTimeline, type UsagePeriodTimelineInput } from '../../../src/core/entitlements';
import { d, issuesOf } from './helpers';

const show = (p: { from: Date; to: Date }): [string, string] => [p.from.toISOString(), p.to.toISOString()];
const ats = (rs: Array<{ at: Date }>): string[] => rs.map((r) => r.at.toISOString());

describe('UsagePeriodTimeline: period grid', () => {
  const monthly = new UsagePeriodTimeline({ anchor: d(1, 1), interval: 'P1M' });

  it('gives the current period and puts a boundary in the later period', () => {
    expect(show(monthly.periodAt(d(2, 15)))).toEqual([d(2, 1), d(3, 1)]);
    expect(show(monthly.periodAt(d(3, 1)))).toEqual([d(3, 1), d(4, 1)]);
  });

  it('follows the anchor grid for an entitlement created mid-period', () => {
    const t = new UsagePeriodTimeline({ anchor: d(1, 1), interval: 'P1M', measureUsageFrom: d(1, 15, 10) });
    expect(show(t.periodAt(d(1, 15, 10)))).toEqual([d(1, 1), d(2, 1)]);
    expect(t.lastResetAt(d(1, 20))).toBeNull();
    expect(t.measurementStartAt(d(1, 20)).toISOString()).toBe(d(1, 15, 10));
    expect(ats(t.resetsBetween(d(1, 1), d(3, 1)))).toEqual([d(2, 1), d(3, 1)]);
  });

  it('lists every boundary in (from, to], month ends clamped (Jan 31 anchor)', () => {
    const t = new UsagePeriodTimeline({ anchor: '2024-01-31T00:00:00Z', interval: 'P1M' });
    expect(ats(t.resetsBetween('2024-01-31T00:00:00Z', '2024-04-30T00:00:00Z'))).toEqual([
      '2024-02-29T00:00:00.000Z',
      '2024-03-31T00:00:00.000Z',
      '2024-04-30T00:00:00.000Z',
    ]);
    expect(ats(t.resetsBetween('2024-02-29T00:00:00Z', '2024-03-30T23:59:59.999Z'))).toEqual([]);
  });

  it('gives no reset at or before measureUsageFrom', () => {
    const t = new UsagePeriodTimeline({ anchor: d(1, 1), interval: 'P1M', measureUsageFrom: d(2, 1) });
    expect(ats(t.resetsBetween(d(1, 1), d(3, 1)))).toEqual([d(3, 1)]);
    expect(t.lastResetAt(d(2, 20))).toBeNull();
    expect(t.nextResetAfter(d(1, 10)).at.toISOString()).toBe(d(3, 1));
  });

  it('carries the preserveOverageAtReset flag on automatic resets', () => {
    const t = new UsagePeriodTimeline({ anchor: d(1, 1), interval: 'P1M', preserveOverageAtReset: true });
    expect(t.resetsBetween(d(1, 1), d(2, 1))).toEqual([{ at: new Date(d(2, 1)), preserveOverage: true, manual: false }]);
  });
});

describe('UsagePeriodTimeline: manual resets', () => {
  const input: UsagePeriodTimelineInput = {
    anchor: d(1, 1),
    interval: 'P1M',
    resets: [
      { at: d(2, 10, 12), retainAnchor: true },
      { at: d(3, 15), preserveOverage: true },
    ],
  };
  const t = new UsagePeriodTimeline(input);

  it('keeps the grid with retainAnchor and re-anchors it (to the ms) without', () => {
    expect(show(t.periodAt(d(2, 20)))).toEqual([d(2, 1), d(3, 1)]);
    expect(show(t.periodAt(d(3, 10)))).toEqual([d(3, 1), d(3, 15)]);
    expect(show(t.periodAt(d(3, 15)))).toEqual([d(3, 15), d(4, 15)]);
    expect(show(t.periodAt(d(5, 1)))).toEqual([d(4, 15), d(5, 15)]);
  });

  it('lists automatic and manual resets in order', () => {
    expect(t.resetsBetween(d(1, 1), d(5, 15))).toEqual([
      { at: new Date(d(2, 1)), preserveOverage: false, manual: false },
      { at: new Date(d(2, 10, 12)), preserveOverage: false, manual: true },
      { at: new Date(d(3, 1)), preserveOverage: false, manual: false },
      { at: new Date(d(3, 15)), preserveOverage: true, manual: true },
      { at: new Date(d(4, 15)), preserveOverage: false, manual: false },
      { at: new Date(d(5, 15)), preserveOverage: false, manual: false },
    ]);
  });

  it('answers the last and next reset and where the counted usage starts', () => {
    expect(t.lastResetAt(d(2, 20))).toEqual({ at: new Date(d(2, 10, 12)), preserveOverage: false, manual: true });
    expect(t.lastResetAt(d(3, 1))?.at.toISOString()).toBe(d(3, 1));
    expect(t.measurementStartAt(d(3, 20)).toISOString()).toBe(d(3, 15));
    expect(t.nextResetAfter(d(2, 1)).at.toISOString()).toBe(d(2, 10, 12));
    expect(t.nextResetAfter(d(3, 1))).toEqual({ at: new Date(d(3, 15)), preserveOverage: true, manual: true });
    expect(t.nextResetAfter(d(3, 15)).at.toISOString()).toBe(d(4, 15));
  });

  it('reports a manual reset on a boundary once, with its own flag', () => {
    const t2 = new UsagePeriodTimeline({ anchor: d(1, 1), interval: 'P1M', resets: [{ at: d(2, 1), retainAnchor: true, preserveOverage: true }] });
    expect(t2.resetsBetween(d(1, 1), d(3, 1))).toEqual([
      { at: new Date(d(2, 1)), preserveOverage: true, manual: true },
      { at: new Date(d(3, 1)), preserveOverage: false, manual: false },
    ]);
  });

  it('rejects bad input, listing every problem', () => {
    expect(
      issuesOf(
        () =>
          new UsagePeriodTimeline({
            anchor: 'x',
            interval: 'P0M',
            timeZone: 'Mars/Olympus',
            resets: [{ at: d(2, 1) }, { at: d(2, 1) }, { at: d(3, 1), retainAnchor: 'yes' as unknown as boolean }],
          }),
      ),
    ).toEqual([
      'anchor invalid_instant',
      'interval invalid_interval',
      'timeZone invalid_time_zone',
      'resets[1].at duplicate',
      'resets[2].retainAnchor invalid_type',
    ]);
    expect(issuesOf(() => t.resetsBetween(d(3, 1), d(2, 1)))).toEqual(['to invalid_range']);
  });
});
