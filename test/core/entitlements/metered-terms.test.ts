import { describe, expect, it } from 'vitest';
import { meteredTermsOf, type MeteredTermsInput } from '../../../src/core/entitlements';
import { issuesOf } from './helpers';

const NOW = new Date('2024-03-15T10:30:00.000Z');
const D = (s: string): Date => new Date(s);

describe('meteredTermsOf: defaults', () => {
  it('anchors the period at now, hard limit, no issue, overage forgiven, usage from now, no thresholds', () => {
    expect(meteredTermsOf({ usagePeriod: { interval: 'P1M' } }, NOW)).toEqual({
      usagePeriod: { interval: 'P1M', anchor: NOW },
      isSoftLimit: false,
      issueAfterReset: null,
      preserveOverageAtReset: false,
      measureUsageFrom: NOW,
      thresholds: [],
    });
  });

  it('keeps every given term', () => {
    const input: MeteredTermsInput = {
      usagePeriod: { interval: 'P1D', anchor: D('2024-01-01T00:00:00Z') },
      isSoftLimit: true,
      issueAfterReset: { amount: 5, priority: 7 },
      preserveOverageAtReset: true,
      measureUsageFrom: D('2024-02-02T02:02:02.002Z'),
      thresholds: [{ type: 'balance', value: 3 }],
    };
    expect(meteredTermsOf(input, NOW)).toEqual({
      usagePeriod: { interval: 'P1D', anchor: D('2024-01-01T00:00:00Z') },
      isSoftLimit: true,
      issueAfterReset: { amount: '5', priority: 7 },
      preserveOverageAtReset: true,
      measureUsageFrom: D('2024-02-02T02:02:02.002Z'),
      thresholds: [{ type: 'balance', value: '3' }],
    });
  });

  it('defaults the issueAfterReset priority to 1', () => {
    expect(meteredTermsOf({ usagePeriod: { interval: 'P1M' }, issueAfterReset: { amount: '10' } }, NOW).issueAfterReset).toEqual({ amount: '10', priority: 1 });
  });
});

describe('meteredTermsOf: canonical decimals', () => {
  it.each([
    ['100.0', '100'],
    ['100.50', '100.5'],
    ['0.000', '0'],
    ['-0', '0'],
    ['007', '7'],
    [0.1, '0.1'],
    [1e21, '1000000000000000000000'],
    ['12345678901234567890.123456789', '12345678901234567890.123456789'],
  ] as const)('issueAfterReset.amount %j → %s', (amount, expected) => {
    expect(meteredTermsOf({ usagePeriod: { interval: 'P1M' }, issueAfterReset: { amount } }, NOW).issueAfterReset?.amount).toBe(expected);
  });

  it('writes threshold values canonically, in order', () => {
    const t = meteredTermsOf(
      {
        usagePeriod: { interval: 'P1M' },
        thresholds: [
          { type: 'usage_percentage', value: '80.00' },
          { type: 'usage', value: 1000 },
          { type: 'balance', value: '0.50' },
        ],
      },
      NOW,
    );
    expect(t.thresholds).toEqual([
      { type: 'usage_percentage', value: '80' },
      { type: 'usage', value: '1000' },
      { type: 'balance', value: '0.5' },
    ]);
  });
});

describe('meteredTermsOf: measureUsageFrom', () => {
  it.each([
    // [case, interval, anchor, now, expected]
    ['anchor now: now', 'P1M', undefined, '2024-03-15T10:30:00.000Z', '2024-03-15T10:30:00.000Z'],
    ['monthly anchor in the past: start of the current period', 'P1M', '2024-01-01T00:00:00Z', '2024-03-15T10:30:00.000Z', '2024-03-01T00:00:00.000Z'],
    ['monthly anchor on the 31st: clamped period start', 'P1M', '2024-01-31T00:00:00Z', '2024-03-15T10:30:00.000Z', '2024-02-29T00:00:00.000Z'],
    ['now exactly on a boundary: that boundary', 'P1M', '2024-01-01T00:00:00Z', '2024-03-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
    ['1 ms before a boundary: the previous period start', 'P1M', '2024-01-01T00:00:00Z', '2024-02-29T23:59:59.999Z', '2024-02-01T00:00:00.000Z'],
    ['daily anchor at 06:00', 'P1D', '2024-01-01T06:00:00Z', '2024-03-15T05:00:00.000Z', '2024-03-14T06:00:00.000Z'],
    ['weekly', 'P1W', '2024-01-01T00:00:00Z', '2024-01-17T00:00:00.000Z', '2024-01-15T00:00:00.000Z'],
    ['anchor in the future: the period before it that contains now', 'P1M', '2024-06-01T00:00:00Z', '2024-03-15T10:30:00.000Z', '2024-03-01T00:00:00.000Z'],
  ] as const)('%s', (_case, interval, anchor, now, expected) => {
    const t = meteredTermsOf({ usagePeriod: { interval, anchor: anchor === undefined ? undefined : D(anchor) } }, D(now));
    expect(t.measureUsageFrom).toEqual(D(expected));
    expect(t.usagePeriod.anchor).toEqual(anchor === undefined ? D(now) : D(anchor));
  });

  it('a given measureUsageFrom wins over the period start', () => {
    const from = D('2024-03-10T00:00:00Z');
    expect(meteredTermsOf({ usagePeriod: { interval: 'P1M', anchor: D('2024-01-01T00:00:00Z') }, measureUsageFrom: from }, NOW).measureUsageFrom).toEqual(from);
  });
});

describe('meteredTermsOf: errors', () => {
  it.each([
    ['bad issueAfterReset.amount', { usagePeriod: { interval: 'P1M' }, issueAfterReset: { amount: '1e3' } }, ['issueAfterReset.amount invalid_decimal']],
    ['NaN issueAfterReset.amount', { usagePeriod: { interval: 'P1M' }, issueAfterReset: { amount: Number.NaN } }, ['issueAfterReset.amount invalid_decimal']],
    ['negative threshold', { usagePeriod: { interval: 'P1M' }, thresholds: [{ type: 'usage', value: '-1' }] }, ['thresholds[0].value negative']],
    [
      'duplicate threshold once canonical',
      { usagePeriod: { interval: 'P1M' }, thresholds: [{ type: 'usage', value: '10' }, { type: 'usage', value: '10.0' }] },
      ['thresholds[1] duplicate'],
    ],
    ['unknown threshold type', { usagePeriod: { interval: 'P1M' }, thresholds: [{ type: 'nope' as never, value: 1 }] }, ['thresholds[0].type invalid_enum']],
    // The value is parsed (path `value`) before validateThresholds sees it, so a bad decimal in a
    // threshold loses its index: see the report. This pins the current path.
    ['bad threshold decimal (current path)', { usagePeriod: { interval: 'P1M' }, thresholds: [{ type: 'usage', value: 1 }, { type: 'usage', value: 'x' }] }, ['value invalid_decimal']],
  ] as const)('%s', (_case, input, expected) => {
    expect(issuesOf(() => meteredTermsOf(input as MeteredTermsInput, NOW))).toEqual(expected);
  });
});
