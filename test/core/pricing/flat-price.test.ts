import { describe, expect, it } from 'vitest';
import { priceUsage } from '../../../src/core/pricing';

describe('flat price', () => {
  it('is its amount, rounded, on one flat line, whatever the quantity', () => {
    const expected = { amount: '49.99', lines: [{ name: 'Flat fee', quantity: '1', unitAmount: '49.99', amount: '49.99', category: 'flat' }] };
    expect(priceUsage({ type: 'flat', amount: '49.99' }, { currency: 'USD' })).toEqual(expected);
    expect(priceUsage({ type: 'flat', amount: '49.99', paymentTerm: 'in_arrears' }, { quantity: 7, currency: 'USD' })).toEqual(expected);
    expect(priceUsage({ type: 'flat', amount: '0.125' }, { currency: 'USD' }).amount).toBe('0.13');
    expect(priceUsage({ type: 'flat', amount: 1000 }, { currency: 'JPY' }).amount).toBe('1000');
  });
});
