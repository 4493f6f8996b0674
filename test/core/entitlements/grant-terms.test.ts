import { describe, expect, it } from 'vitest';
import { grantTermsOf, type GrantTermsInput } from '../../../src/core/entitlements';
import { issuesOf } from './helpers';

const NOW = new Date('2024-01-31T10:20:30.456Z');
const D = (s: string): Date => new Date(s);

describe('grantTermsOf: defaults', () => {
  it('effective now, priority 1, no expiry, min rollover 0, no max, no recurrence', () => {
    expect(grantTermsOf({ amount: 10 }, NOW)).toEqual({
      amount: '10',
      priority: 1,
      effectiveAt: NOW,
      expiresAt: null,
      minRolloverAmount: '0',
      maxRolloverAmount: null,
      recurrence: null,
    });
  });

  it('keeps every given term', () => {
    const input: GrantTermsInput = {
      amount: '50',
      priority: 3,
      effectiveAt: D('2024-02-01T00:00:00Z'),
      expiresAt: D('2024-05-01T00:00:00Z'),
      minRolloverAmount: '5',
      maxRolloverAmount: '25',
      recurrence: { interval: 'P1W', anchor: D('2024-01-01T00:00:00Z') },
    };
    expect(grantTermsOf(input, NOW)).toEqual({
      amount: '50',
      priority: 3,
      effectiveAt: D('2024-02-01T00:00:00Z'),
      expiresAt: D('2024-05-01T00:00:00Z'),
      minRolloverAmount: '5',
      maxRolloverAmount: '25',
      recurrence: { interval: 'P1W', anchor: D('2024-01-01T00:00:00Z') },
    });
  });
});

describe('grantTermsOf: expiration', () => {
  it.each([
    // [case, effectiveAt (undefined: now), expiration, expiresAt]
    ['1 HOUR from now', undefined, { duration: 'HOUR', count: 1 }, '2024-01-31T11:20:30.456Z'],
    ['30 DAY from now', undefined, { duration: 'DAY', count: 30 }, '2024-03-01T10:20:30.456Z'],
    ['1 MONTH from Jan 31 clamps to Feb 29 (leap year)', undefined, { duration: 'MONTH', count: 1 }, '2024-02-29T10:20:30.456Z'],
    ['2 WEEK from effectiveAt, not from now', '2024-03-01T00:00:00.000Z', { duration: 'WEEK', count: 2 }, '2024-03-15T00:00:00.000Z'],
    ['1 YEAR from Feb 29 clamps to Feb 28', '2024-02-29T12:00:00.000Z', { duration: 'YEAR', count: 1 }, '2025-02-28T12:00:00.000Z'],
  ] as const)('%s', (_case, effectiveAt, expiration, expiresAt) => {
    const t = grantTermsOf({ amount: 1, effectiveAt: effectiveAt === undefined ? undefined : D(effectiveAt), expiration }, NOW);
    expect(t.expiresAt).toEqual(D(expiresAt));
  });

  it('an explicit expiresAt wins over expiration', () => {
    expect(grantTermsOf({ amount: 1, expiresAt: D('2030-01-01T00:00:00Z'), expiration: { duration: 'DAY', count: 1 } }, NOW).expiresAt).toEqual(D('2030-01-01T00:00:00Z'));
  });

  it('reports a bad expiration with its paths', () => {
    expect(issuesOf(() => grantTermsOf({ amount: 1, expiration: { duration: 'FORTNIGHT' as never, count: 0 } }, NOW))).toEqual([
      'expiration.duration invalid_enum',
      'expiration.count invalid_integer',
    ]);
  });
});

describe('grantTermsOf: recurrence', () => {
  it.each([
    ['anchor defaults to now when effectiveAt is not given', undefined, undefined, NOW],
    ['anchor defaults to effectiveAt', D('2024-02-01T00:00:00Z'), undefined, D('2024-02-01T00:00:00Z')],
    ['a given anchor wins', D('2024-02-01T00:00:00Z'), D('2023-12-25T00:00:00Z'), D('2023-12-25T00:00:00Z')],
  ] as const)('%s', (_case, effectiveAt, anchor, expected) => {
    expect(grantTermsOf({ amount: 1, effectiveAt, recurrence: { interval: 'P1M', anchor } }, NOW).recurrence).toEqual({ interval: 'P1M', anchor: expected });
  });
});

describe('grantTermsOf: decimals', () => {
  it.each([
    ['amount', { amount: '100.0' }, (t: ReturnType<typeof grantTermsOf>) => t.amount, '100'],
    ['amount as a number', { amount: 0.30000000000000004 }, (t: ReturnType<typeof grantTermsOf>) => t.amount, '0.30000000000000004'],
    ['amount zero', { amount: '-0.00' }, (t: ReturnType<typeof grantTermsOf>) => t.amount, '0'],
    ['minRolloverAmount', { amount: 1, minRolloverAmount: '2.50' }, (t: ReturnType<typeof grantTermsOf>) => t.minRolloverAmount, '2.5'],
    ['maxRolloverAmount', { amount: 1, maxRolloverAmount: '010.010' }, (t: ReturnType<typeof grantTermsOf>) => t.maxRolloverAmount, '10.01'],
  ] as const)('%s is canonical', (_case, input, pick, expected) => {
    expect(pick(grantTermsOf(input, NOW))).toBe(expected);
  });

  it.each([
    ['amount', { amount: '1,5' }, ['amount invalid_decimal']],
    ['amount', { amount: '' }, ['amount invalid_decimal']],
    ['minRolloverAmount', { amount: 1, minRolloverAmount: '.5' }, ['minRolloverAmount invalid_decimal']],
    ['maxRolloverAmount', { amount: 1, maxRolloverAmount: Number.POSITIVE_INFINITY }, ['maxRolloverAmount invalid_decimal']],
    // The first bad decimal throws; the others are not listed (see the report).
    ['amount first of several', { amount: 'x', minRolloverAmount: 'y', maxRolloverAmount: 'z' }, ['amount invalid_decimal']],
  ] as const)('a bad %s throws with its path', (_case, input, expected) => {
    expect(issuesOf(() => grantTermsOf(input as GrantTermsInput, NOW))).toEqual(expected);
  });
});
