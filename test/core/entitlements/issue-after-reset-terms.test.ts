import { describe, expect, it } from 'vitest';
import { issueAfterResetTermsAt } from '../../../src/core/entitlements';

const D = (s: string): Date => new Date(s);
const issue = { amount: '100', priority: 1 };

describe('issueAfterResetTermsAt', () => {
  it.each([
    // [case, interval, anchor, now, effectiveAt]
    ['created at the anchor', 'P1M', '2024-01-15T00:00:00.000Z', '2024-01-15T00:00:00.000Z', '2024-01-15T00:00:00.000Z'],
    ['created mid-period: the period start', 'P1M', '2024-01-01T00:00:00.000Z', '2024-03-15T10:30:00.000Z', '2024-03-01T00:00:00.000Z'],
    ['created on a boundary: that boundary', 'P1M', '2024-01-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
    ['1 ms before a boundary: the previous start', 'P1M', '2024-01-01T00:00:00.000Z', '2024-02-29T23:59:59.999Z', '2024-02-01T00:00:00.000Z'],
    ['month-end anchor clamps', 'P1M', '2024-01-31T00:00:00.000Z', '2024-03-15T00:00:00.000Z', '2024-02-29T00:00:00.000Z'],
    ['daily with a time of day', 'P1D', '2024-01-01T06:00:00.000Z', '2024-01-10T05:59:59.999Z', '2024-01-09T06:00:00.000Z'],
  ] as const)('%s', (_case, interval, anchor, now, effectiveAt) => {
    expect(issueAfterResetTermsAt({ issueAfterReset: issue, usagePeriod: { interval, anchor: D(anchor) } }, D(now))).toEqual({
      amount: '100',
      priority: 1,
      effectiveAt: D(effectiveAt),
      minRolloverAmount: '100',
      maxRolloverAmount: '100',
    });
  });

  it('carries amount and priority as given into min and max rollover', () => {
    expect(issueAfterResetTermsAt({ issueAfterReset: { amount: '0.25', priority: 9 }, usagePeriod: { interval: 'P1M', anchor: D('2024-01-01T00:00:00Z') } }, D('2024-01-02T00:00:00Z'))).toEqual({
      amount: '0.25',
      priority: 9,
      effectiveAt: D('2024-01-01T00:00:00.000Z'),
      minRolloverAmount: '0.25',
      maxRolloverAmount: '0.25',
    });
  });

  it.each([
    ['no issueAfterReset', { issueAfterReset: null, usagePeriod: { interval: 'P1M', anchor: D('2024-01-01T00:00:00Z') } }],
    ['no usage period', { issueAfterReset: issue, usagePeriod: null }],
    ['neither', { issueAfterReset: null, usagePeriod: null }],
  ] as const)('undefined with %s', (_case, e) => {
    expect(issueAfterResetTermsAt(e, D('2024-02-01T00:00:00Z'))).toBeUndefined();
  });
});
