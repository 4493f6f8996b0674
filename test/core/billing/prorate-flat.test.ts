import { describe, expect, it } from 'vitest';
import { prorateFlat } from '../../../src/core/billing';
import { CurrencyRegistry } from '../../../src/core/money';
import { ValidationError } from '../../../src/errors';

const month = (from: string, to: string) => ({ from, to });

describe('prorateFlat (PR1)', () => {
  it.each([
    // [scenario, amount, service, full, expected]
    ['S8 mid-period start', 30, month('2024-01-16', '2024-02-01'), month('2024-01-01', '2024-02-01'), '15.48'],
    ['S10 31st anchor, late start: 19 of 29 days', 30, month('2024-02-10', '2024-02-29'), month('2024-01-31', '2024-02-29'), '19.66'],
    ['S11 anchor not moved: 12 of 29 days', 30, month('2024-03-03', '2024-03-15'), month('2024-02-15', '2024-03-15'), '12.41'],
    ['S14 Jan 10 intro', 15, month('2024-01-10', '2024-02-01'), month('2024-01-01', '2024-02-01'), '10.65'],
    ['S14 Mar 1 intro', 15, month('2024-03-01', '2024-03-10'), month('2024-03-01', '2024-04-01'), '4.35'],
    ['S14 Mar 10 default', 30, month('2024-03-10', '2024-04-01'), month('2024-03-01', '2024-04-01'), '21.29'],
    ['S16 after the trial', 30, month('2024-01-15', '2024-02-01'), month('2024-01-01', '2024-02-01'), '16.45'],
    ['S19 annual support cancelled Apr 1: 91 of 366 days', 1200, month('2024-01-01', '2024-04-01'), month('2024-01-01', '2025-01-01'), '298.36'],
    ['S21 quarterly, cut at Feb 1: 31 of 91 days', 9, month('2024-01-01', '2024-02-01'), month('2024-01-01', '2024-04-01'), '3.07'],
    ['S27 cancel Jan 11', 30, month('2024-01-01', '2024-01-11'), month('2024-01-01', '2024-02-01'), '9.68'],
    ['S28 cancel at noon: 19.5 of 31 days', 30, month('2024-01-01', '2024-01-20T12:00:00Z'), month('2024-01-01', '2024-02-01'), '18.87'],
    ['S31 added Jan 16', 5, month('2024-01-16', '2024-02-01'), month('2024-01-01', '2024-02-01'), '2.58'],
    ['S32 override on Jan 2: v0', 6, month('2024-01-01', '2024-01-02'), month('2024-01-01', '2024-02-01'), '0.19'],
    ['S33 removed Jan 21', 5, month('2024-01-16', '2024-01-21'), month('2024-01-01', '2024-02-01'), '0.81'],
    ['a full period is not prorated', 30, month('2024-02-01', '2024-03-01'), month('2024-02-01', '2024-03-01'), '30.00'],
    ['prorated to 0 → no line', '0.01', month('2024-01-01', '2024-01-01T01:00:00Z'), month('2024-01-01', '2024-02-01'), null],
    ['an empty service period → no line', 30, month('2024-01-10', '2024-01-10'), month('2024-01-01', '2024-02-01'), null],
  ] as const)('%s', (_, amount, servicePeriod, fullPeriod, expected) => {
    expect(prorateFlat({ amount, servicePeriod, fullPeriod, currency: 'USD' })).toBe(expected);
  });

  it('day mode counts the days each period touches, a started day whole, in the zone (§5.1)', () => {
    const fullPeriod = month('2024-01-01', '2024-02-01');
    // [Jan 10 12:00, Feb 1): exact 21.5/31, day 22/31
    const servicePeriod = month('2024-01-10T12:00:00Z', '2024-02-01');
    expect(prorateFlat({ amount: 31, servicePeriod, fullPeriod, currency: 'USD' })).toBe('21.50');
    expect(prorateFlat({ amount: 31, servicePeriod, fullPeriod, currency: 'USD', proRating: { enabled: true, mode: 'day' } })).toBe('22.00');
    // in New York the local month [Jan 1 05:00Z, Feb 1 05:00Z) is 31 days; from Jan 10 03:00Z (Jan 9 local) 23 of them
    const local = { fullPeriod: month('2024-01-01T05:00:00Z', '2024-02-01T05:00:00Z'), servicePeriod: month('2024-01-10T03:00:00Z', '2024-02-01T05:00:00Z') };
    expect(prorateFlat({ amount: 31, ...local, currency: 'USD', proRating: { enabled: true, mode: 'day' }, timeZone: 'America/New_York' })).toBe('23.00');
    expect(prorateFlat({ amount: 31, ...local, currency: 'USD', proRating: { enabled: true, mode: 'day' } })).toBe('22.28'); // UTC: 23 of 32 days touched
  });

  it('proration disabled, or no full period (one-time), bills the whole amount', () => {
    const args = { amount: '30', servicePeriod: month('2024-01-16', '2024-02-01'), currency: 'USD' };
    expect(prorateFlat({ ...args, fullPeriod: month('2024-01-01', '2024-02-01'), proRating: { enabled: false } })).toBe('30.00');
    expect(prorateFlat(args)).toBe('30.00');
  });

  it('rounds once with the currency precision and rounding mode', () => {
    const args = { servicePeriod: month('2024-01-16', '2024-02-01'), fullPeriod: month('2024-01-01', '2024-02-01') };
    expect(prorateFlat({ ...args, amount: 3000, currency: 'JPY' })).toBe('1548');
    expect(prorateFlat({ ...args, amount: 30, currency: 'BHD' })).toBe('15.484');
    const credits = new CurrencyRegistry({ CREDITS: { precision: 4 } });
    expect(prorateFlat({ ...args, amount: 30, currency: 'CREDITS', currencies: credits })).toBe('15.4839');
    // 1 × 1/8 = 0.125: half up 0.13, half even 0.12
    const eighth = { servicePeriod: month('2024-01-01', '2024-01-02'), fullPeriod: month('2024-01-01', '2024-01-09') };
    expect(prorateFlat({ ...eighth, amount: 1, currency: 'USD' })).toBe('0.13');
    expect(prorateFlat({ ...eighth, amount: 1, currency: 'USD', rounding: 'half_even' })).toBe('0.12');
  });

  it('bad input → ValidationError', () => {
    const args = { servicePeriod: month('2024-01-16', '2024-02-01'), fullPeriod: month('2024-01-01', '2024-02-01') };
    expect(() => prorateFlat({ ...args, amount: 30, currency: 'XYZ' })).toThrow(ValidationError);
    expect(() => prorateFlat({ ...args, amount: -1, currency: 'USD' })).toThrow(ValidationError);
    expect(() => prorateFlat({ ...args, amount: 1, currency: 'USD', timeZone: 'Mars/Olympus' })).toThrow(ValidationError);
  });
});
