import { describe, expect, it } from 'vitest';
import { priceUsage } from '../../../src/core/pricing';
import { CurrencyRegistry } from '../../../src/core/money';

const unit = { type: 'unit', amount: '0.10' } as const;

describe('unit price', () => {
  it('bills quantity × amount on one usage line', () => {
    expect(priceUsage(unit, { quantity: 25, currency: 'USD' })).toEqual({
      amount: '2.50',
      lines: [{ name: 'Usage', quantity: '25', unitAmount: '0.1', amount: '2.50', category: 'usage' }],
    });
  });

  it('gives no line at zero usage, and a missing quantity is zero', () => {
    expect(priceUsage(unit, { currency: 'USD' })).toEqual({ amount: '0.00', lines: [] });
  });

  it('keeps quantities exact and rounds the amount once', () => {
    const result = priceUsage({ type: 'unit', amount: '0.000125' }, { quantity: '1234567.891', currency: 'USD' });
    expect(result.lines[0]?.quantity).toBe('1234567.891');
    expect(result.amount).toBe('154.32'); // 154.320986375 → 154.32
  });

  it('rounds half away from zero by default and half to even on request', () => {
    const price = { type: 'unit', amount: '0.005' } as const;
    expect(priceUsage(price, { quantity: 1, currency: 'USD' }).amount).toBe('0.01');
    expect(priceUsage(price, { quantity: 1, currency: 'USD', rounding: 'half_even' }).amount).toBe('0.00');
    expect(priceUsage(price, { quantity: 3, currency: 'USD', rounding: 'half_even' }).amount).toBe('0.02'); // 0.015 → 0.02
  });

  it('uses the currency minor units, custom currencies included', () => {
    expect(priceUsage(unit, { quantity: 25, currency: 'JPY' }).amount).toBe('3'); // 2.5 → 3
    expect(priceUsage(unit, { quantity: 25, currency: 'BHD' }).amount).toBe('2.500');
    const currencies = new CurrencyRegistry({ TOKENS: { precision: 6 } });
    expect(priceUsage({ type: 'unit', amount: '0.0000001' }, { quantity: 15, currency: 'TOKENS', currencies }).amount).toBe('0.000002');
  });

  it('bills its own units for a later part', () => {
    expect(priceUsage(unit, { quantity: 10, preLinePeriodQuantity: 1000, currency: 'USD' }).amount).toBe('1.00');
  });

  it('a JSON number is read as its shortest decimal, never through binary arithmetic', () => {
    expect(priceUsage({ type: 'unit', amount: 0.1 }, { quantity: 0.3, currency: 'USD', rounding: 'half_even' }).lines[0]?.quantity).toBe('0.3');
    expect(priceUsage({ type: 'unit', amount: '0.1' }, { quantity: 3, currency: 'CLF' }).amount).toBe('0.3000');
  });
});
