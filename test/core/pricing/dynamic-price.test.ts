import { describe, expect, it } from 'vitest';
import { priceUsage } from '../../../src/core/pricing';

describe('dynamic price', () => {
  it('bills the quantity (an amount of money) × the multiplier', () => {
    expect(priceUsage({ type: 'dynamic', multiplier: '1.2' }, { quantity: '10.05', currency: 'USD' })).toEqual({
      amount: '12.06',
      lines: [{ name: 'Usage', quantity: '10.05', unitAmount: '1.2', amount: '12.06', category: 'usage' }],
    });
  });

  it('defaults the multiplier to 1 and rounds the pass-through cost', () => {
    expect(priceUsage({ type: 'dynamic' }, { quantity: '0.004999', currency: 'USD' }).amount).toBe('0.00');
    expect(priceUsage({ type: 'dynamic' }, { quantity: '0.005', currency: 'USD' }).amount).toBe('0.01');
  });

  it('a multiplier of 0 bills nothing', () => {
    expect(priceUsage({ type: 'dynamic', multiplier: 0 }, { quantity: 100, currency: 'USD' }).amount).toBe('0.00');
  });

  it('bills a later part on its own quantity, with the maximum spend on the period', () => {
    const price = { type: 'dynamic', multiplier: 2, maximumAmount: 100 } as const;
    expect(priceUsage(price, { quantity: 30, preLinePeriodQuantity: 40, currency: 'USD' }).amount).toBe('20.00');
  });
});
