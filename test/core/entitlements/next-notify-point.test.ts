import { describe, expect, it } from 'vitest';
import { nextNotifyPoint, openSegment, prepareGrants, type Threshold } from '../../../src/core/entitlements';

const MAR = Date.UTC(2024, 2, 1);
const prepared = prepareGrants([
  { id: 'a', amount: 10, priority: 1, effectiveAt: '2024-01-01T00:00:00Z' },
  { id: 'b', amount: 50, priority: 2, effectiveAt: '2024-01-01T00:00:00Z' },
  { id: 'later', amount: 5, effectiveAt: '2024-06-01T00:00:00Z' },
]);
// Balances a 10, b 50 (a runs out at 10, b at 60); 20 used in the period, all from grants (total available 80).
const open = openSegment({ balances: { a: '10', b: '50' }, usage: '20', grantUsage: '20' }, prepared, MAR);

const usage100: Threshold = { type: 'usage', value: 100 }; // 100 − 20 = 80
const balance30: Threshold = { type: 'balance', value: 30 }; // 60 − 30 = 30
const pct50: Threshold = { type: 'usage_percentage', value: 50 }; // 50 % of 80 − 20 = 20

describe('nextNotifyPoint', () => {
  it.each([
    // [case, thresholds, fired keys, expected]
    ['first grant to run out', [], [], '10'],
    ['first grant fired: the next grant', [], ['grant:a'], '60'],
    ['every grant fired, no thresholds: null', [], ['grant:a', 'grant:b'], null],
    ['a threshold below the grants', [pct50], [], '10'],
    ['grants fired: the lowest threshold', [usage100, balance30, pct50], ['grant:a', 'grant:b'], '20'],
    ['lowest threshold fired: the next lowest', [usage100, balance30, pct50], ['grant:a', 'grant:b', 'threshold:usage_percentage:50'], '30'],
    ['all but the highest fired', [usage100, balance30, pct50], ['grant:a', 'threshold:usage_percentage:50', 'threshold:balance:30'], '60'],
    ['everything fired: null', [usage100, balance30, pct50], ['grant:a', 'grant:b', 'threshold:usage:100', 'threshold:balance:30', 'threshold:usage_percentage:50'], null],
    ['a reached threshold not yet fired: 0', [{ type: 'usage', value: 5 }], [], '0'],
    ['a fractional point', [{ type: 'usage', value: '20.25' }], ['grant:a'], '0.25'],
    ['a fired key matches the canonical threshold value', [{ type: 'usage', value: '25.0' }], ['grant:a', 'threshold:usage:25'], '60'],
    ['a fired key of another type does not count', [{ type: 'usage', value: 25 }], ['grant:a', 'threshold:balance:25'], '5'],
  ] as const)('%s', (_case, thresholds, fired, expected) => {
    expect(nextNotifyPoint(open, thresholds, new Set(fired))).toBe(expected);
  });

  it('skips an empty grant (it cannot run out again) and a grant not active at the segment start', () => {
    const o = openSegment({ balances: { a: '0', b: '50' } }, prepared, MAR);
    expect(nextNotifyPoint(o, [], new Set())).toBe('50');
    expect(nextNotifyPoint(o, [], new Set(['grant:b']))).toBeNull();
  });

  it('places the grants after the overage they repay', () => {
    const o = openSegment({ balances: { a: '10', b: '50' }, overage: '15' }, prepared, MAR);
    // a repays 10, b repays 5: a is empty, b runs out after 45.
    expect(nextNotifyPoint(o, [], new Set())).toBe('45');
  });
});
