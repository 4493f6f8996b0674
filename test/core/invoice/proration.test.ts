import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../../src/core/money';
import { periodLength, prorate, prorationRatio } from '../../../src/core/invoice/proration';

const ms = (iso: string) => new Date(iso).getTime();
const period = (from: string, to: string) => ({ from: ms(from), to: ms(to) });
const jan = period('2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z');
const usd = { precision: 2, rounding: 'half_up' } as const;

describe('proration', () => {
  it('measures exact milliseconds or whole UTC days touched', () => {
    const p = period('2024-01-11T12:00:00Z', '2024-02-01T00:00:00Z');
    expect(periodLength(p, 'exact')).toBe(20.5 * 86_400_000);
    expect(periodLength(p, 'day')).toBe(21);
    expect(periodLength(period('2024-01-11T12:00:00Z', '2024-01-11T13:00:00Z'), 'day')).toBe(1);
    expect(periodLength(period('2024-01-11T23:00:00Z', '2024-01-12T01:00:00Z'), 'day')).toBe(2);
    expect(periodLength(period('2024-01-11T00:00:00Z', '2024-01-11T00:00:00Z'), 'day')).toBe(0);
    expect(periodLength(jan, 'day')).toBe(31);
  });

  it('day mode counts the calendar days of a zone when given one (BILLING.md §5.1)', () => {
    // Jan 10 12:00Z is Jan 10 07:00 in New York, Feb 1 00:00Z is Jan 31 19:00: Jan 10 … Jan 31 = 22 days
    const p = period('2024-01-10T12:00:00Z', '2024-02-01T00:00:00Z');
    expect(periodLength(p, 'day')).toBe(22);
    expect(periodLength(p, 'day', 'America/New_York')).toBe(22);
    // 03:00Z is the previous evening in New York: one more day touched
    expect(periodLength(period('2024-01-10T03:00:00Z', '2024-01-10T12:00:00Z'), 'day')).toBe(1);
    expect(periodLength(period('2024-01-10T03:00:00Z', '2024-01-10T12:00:00Z'), 'day', 'America/New_York')).toBe(2);
    // a local month in New York is 31 days, not 32 UTC days touched
    const localJan = period('2024-01-01T05:00:00Z', '2024-02-01T05:00:00Z');
    expect(periodLength(localJan, 'day')).toBe(32);
    expect(periodLength(localJan, 'day', 'America/New_York')).toBe(31);
    expect(prorationRatio(period('2024-01-16T05:00:00Z', '2024-02-01T05:00:00Z'), localJan, 'day', 'America/New_York')).toEqual({ numerator: 16, denominator: 31 });
  });

  it('prorates only a shorter period within a full period', () => {
    expect(prorationRatio(period('2024-01-11T00:00:00Z', '2024-02-01T00:00:00Z'), jan, 'exact')).toEqual({
      numerator: 21 * 86_400_000,
      denominator: 31 * 86_400_000,
    });
    expect(prorationRatio(jan, jan, 'exact')).toBeUndefined();
    expect(prorationRatio(jan, undefined, 'exact')).toBeUndefined();
    const empty = period('2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');
    expect(prorationRatio(empty, empty, 'exact')).toBeUndefined();
  });

  it('rounds the prorated amount once', () => {
    expect(prorate(parseDecimal(30), { numerator: 21, denominator: 31 }, usd)).toBe(2032n);
    expect(prorate(parseDecimal(10), { numerator: 1, denominator: 8 }, usd)).toBe(125n);
    expect(prorate(parseDecimal(1), { numerator: 1, denominator: 8 }, usd)).toBe(13n); // 0.125
    expect(prorate(parseDecimal(1), { numerator: 1, denominator: 8 }, { precision: 2, rounding: 'half_even' })).toBe(12n);
    expect(prorate(parseDecimal('0.333'), { numerator: 1, denominator: 3 }, usd)).toBe(11n); // 0.111
  });
});
