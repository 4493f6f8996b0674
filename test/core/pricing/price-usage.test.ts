import { describe, expect, it } from 'vitest';
import { priceUsage } from '../../../src/core/pricing';
import { CurrencyRegistry } from '../../../src/core/money';
import { issuesOf } from './helpers';

const unit = { type: 'unit', amount: 1 } as const;

describe('priceUsage', () => {
  it('returns the net amount as the sum of every line', () => {
    const price = { type: 'tiered', mode: 'graduated', tiers: [{ upTo: 10, unitAmount: 1, flatAmount: 5 }, { unitAmount: '0.5' }], minimumAmount: 40, maximumAmount: 40 } as const;
    const low = priceUsage(price, { quantity: 5, currency: 'USD' });
    expect(low.lines.map((l) => l.category)).toEqual(['flat', 'usage', 'commitment']);
    expect(low.amount).toBe('40.00');
    const high = priceUsage(price, { quantity: 100, currency: 'USD' });
    expect(high.lines.map((l) => [l.category, l.amount])).toEqual([
      ['flat', '5.00'],
      ['usage', '10.00'],
      ['usage', '45.00'],
      ['discount', '-20.00'],
    ]);
    expect(high.amount).toBe('40.00');
  });

  it('writes every decimal as a canonical string', () => {
    const result = priceUsage({ type: 'unit', amount: '0.0000010' }, { quantity: '1000000.000', currency: 'USD' });
    expect(result).toEqual({ amount: '1.00', lines: [{ name: 'Usage', quantity: '1000000', unitAmount: '0.000001', amount: '1.00', category: 'usage' }] });
  });

  describe('validation', () => {
    it('reports bad options with their paths', () => {
      expect(issuesOf(() => priceUsage(unit, { quantity: -1, preLinePeriodQuantity: '-2', usageDiscount: 'x', currency: 'USD' }))).toEqual([
        'quantity negative',
        'preLinePeriodQuantity negative',
        'usageDiscount invalid_decimal',
      ]);
      expect(issuesOf(() => priceUsage(unit, { quantity: 1, currency: 'USD', rounding: 'bankers' as never, extra: 1 } as never))).toEqual([
        'rounding invalid_value',
        'extra unrecognized_key',
      ]);
      expect(issuesOf(() => priceUsage(unit, { quantity: 1, currency: 'USD', periodEnd: 'yes' as never }))).toEqual(['periodEnd invalid_type']);
      expect(issuesOf(() => priceUsage(unit, { quantity: 1, currency: 'USD', currencies: {} as never }))).toEqual(['currencies custom']);
    });

    it('reports an unknown or malformed currency', () => {
      expect(issuesOf(() => priceUsage(unit, { quantity: 1, currency: 'XYZ' }))).toEqual(['currency unknown_currency']);
      expect(issuesOf(() => priceUsage(unit, { quantity: 1, currency: 'usd' }))).toEqual(['currency invalid_format']);
      expect(issuesOf(() => priceUsage(unit, { currency: undefined } as never))).toEqual(['currency invalid_type']);
      expect(issuesOf(() => priceUsage(unit, { quantity: 1, currency: 'CREDITS', currencies: new CurrencyRegistry() }))).toEqual([
        'currency unknown_currency',
      ]);
    });

    it('reports the problems of the price and of the options together', () => {
      expect(issuesOf(() => priceUsage({ type: 'unit', amount: '-1' }, { quantity: -1, currency: 'XYZ' }))).toEqual([
        'price.amount negative',
        'quantity negative',
        'currency unknown_currency',
      ]);
    });

    it('reports a price that is not an object', () => {
      expect(issuesOf(() => priceUsage(null as never, { quantity: 1, currency: 'USD' }))).toEqual(['price invalid_type']);
    });
  });
});
