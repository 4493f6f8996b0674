import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  UsagePeriodTimeline,
  burnDownFromSnapshot,
  burnOpenSegment,
  compileGroupFilter,
  depletionPoints,
  isThresholdReached,
  nextSegmentChange,
  openSegment,
  prepareGrants,
  segmentStartAt,
  thresholdKey,
  thresholdPoint,
  validateThresholds,
} from '../../../src/core/entitlements';
import { ValidationError } from '../../../src/errors';

const MAR = Date.UTC(2024, 2, 1);
const DAY = 86_400_000;

describe('openSegment / burnOpenSegment', () => {
  it('give the totals burnDownFromSnapshot gives for a run through one segment (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: fc.integer({ min: 0, max: 500 }), priority: fc.integer({ min: 1, max: 3 }), balance: fc.option(fc.integer({ min: 0, max: 500 })) }), { maxLength: 5 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 100 }),
        (specs, overage, usage, before) => {
          const grants = specs.map((g, i) => ({ id: `g${i}`, amount: g.amount, priority: g.priority, effectiveAt: new Date(MAR - DAY) }));
          const balances: Record<string, string> = {};
          specs.forEach((g, i) => {
            if (g.balance !== null) balances[`g${i}`] = String(Math.min(g.balance, g.amount));
          });
          const prepared = prepareGrants(grants);
          const state = { balances, overage: String(overage), usage: String(before), grantUsage: String(before) };
          const full = burnDownFromSnapshot({ at: new Date(MAR), periodStart: new Date(MAR), ...state }, { grants: prepared, usage: () => usage, to: new Date(MAR + DAY) });
          const fast = burnOpenSegment(openSegment(state, prepared, MAR), String(usage));
          expect(fast).toEqual({ balance: full.balance, usage: full.usage, overage: full.overage, totalAvailableGrantAmount: full.totalAvailableGrantAmount });
        },
      ),
    );
  });

  it('repays the overage at the start, leaves a refund to the full engine, and lists where grants run out', () => {
    const prepared = prepareGrants([
      { id: 'a', amount: 10, priority: 1, effectiveAt: '2024-01-01T00:00:00Z' },
      { id: 'b', amount: 50, priority: 2, effectiveAt: '2024-01-01T00:00:00Z' },
      { id: 'later', amount: 5, effectiveAt: '2024-06-01T00:00:00Z' },
    ]);
    const open = openSegment({ balances: { a: '10', b: '50' }, overage: '4' }, prepared, MAR);
    expect(open.balance.toFixed()).toBe('56');
    expect(depletionPoints(open).map((p) => [p.grantId, p.at.toFixed()])).toEqual([
      ['a', '6'],
      ['b', '56'],
    ]);
    expect(burnOpenSegment(open, '60')).toEqual({ balance: '0', usage: '60', overage: '4', totalAvailableGrantAmount: '60' });
    expect(burnOpenSegment(open, '-1')).toBeUndefined();
  });
});

describe('segment bounds', () => {
  const timeline = new UsagePeriodTimeline({ anchor: '2024-01-01T00:00:00Z', interval: 'P1M' });
  const prepared = prepareGrants([
    { id: 'g', amount: 10, effectiveAt: '2024-03-05T00:00:00Z', expiresAt: '2024-03-20T00:00:00Z' },
    { id: 'r', amount: 10, effectiveAt: '2024-03-01T00:00:00Z', recurrence: { interval: 'P1W' } },
  ]);

  it('start at the last grant change or reset and end at the next one', () => {
    expect(new Date(segmentStartAt(prepared, timeline, Date.UTC(2024, 2, 4))).toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(new Date(segmentStartAt(prepared, timeline, Date.UTC(2024, 2, 6))).toISOString()).toBe('2024-03-05T00:00:00.000Z');
    expect(new Date(segmentStartAt(prepared, timeline, Date.UTC(2024, 2, 9))).toISOString()).toBe('2024-03-08T00:00:00.000Z');
    expect(new Date(segmentStartAt(prepared, timeline, Date.UTC(2024, 2, 21))).toISOString()).toBe('2024-03-20T00:00:00.000Z');
    expect(new Date(nextSegmentChange(prepared, timeline, Date.UTC(2024, 2, 1))).toISOString()).toBe('2024-03-05T00:00:00.000Z');
    expect(new Date(nextSegmentChange(prepared, timeline, Date.UTC(2024, 2, 20))).toISOString()).toBe('2024-03-22T00:00:00.000Z');
    expect(new Date(nextSegmentChange(prepared, timeline, Date.UTC(2024, 2, 29))).toISOString()).toBe('2024-04-01T00:00:00.000Z');
  });
});

describe('thresholds and group filters', () => {
  const value = { balance: '15', usage: '85', overage: '0', totalAvailableGrantAmount: '100' };

  it('reach usage, balance and percentage thresholds at their points', () => {
    expect(isThresholdReached({ type: 'usage_percentage', value: 85 }, value)).toBe(true);
    expect(isThresholdReached({ type: 'usage_percentage', value: '85.1' }, value)).toBe(false);
    expect(isThresholdReached({ type: 'usage', value: 86 }, value)).toBe(false);
    expect(isThresholdReached({ type: 'balance', value: 15 }, value)).toBe(true);
    expect(isThresholdReached({ type: 'usage_percentage', value: 1 }, { ...value, totalAvailableGrantAmount: '0' })).toBe(true);
    expect(thresholdKey({ type: 'usage', value: '10.50' })).toBe('usage:10.5');
    const open = openSegment({ balances: { a: '80' }, usage: '20', grantUsage: '20' }, prepareGrants([{ id: 'a', amount: 100, effectiveAt: '2024-01-01T00:00:00Z' }]), MAR);
    expect(thresholdPoint(open, { type: 'usage_percentage', value: 80 }).toFixed()).toBe('60');
    expect(thresholdPoint(open, { type: 'balance', value: 10 }).toFixed()).toBe('70');
    expect(thresholdPoint(open, { type: 'usage', value: 5 }).toFixed()).toBe('0');
  });

  it('validates thresholds, naming every bad one', () => {
    const error = (() => {
      try {
        validateThresholds([{ type: 'usage', value: -1 }, { type: 'nope' as never, value: 1 }, { type: 'balance', value: 'x' }]);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['thresholds[0].value', 'thresholds[1].type', 'thresholds[2].value']);
  });

  it('match group keys by the filtered dimensions only', () => {
    const accepts = compileGroupFilter(['model', 'region'], { region: 'eu', model: ['a', 'b'] });
    expect(accepts('["a","eu"]')).toBe(true);
    expect(accepts('["c","eu"]')).toBe(false);
    expect(accepts('["a",null]')).toBe(false);
    expect(compileGroupFilter([], {})('[]')).toBe(true);
  });
});
