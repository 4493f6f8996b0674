import { describe, expect, it } from 'vitest';
import { priceUsage } from '../../../src/core/pricing';
import { expectStateError } from './helpers';

const price = {
  type: 'tiered',
  mode: 'volume',
  tiers: [{ upTo: 100, unitAmount: '1' }, { upTo: 1000, unitAmount: '0.8', flatAmount: '10' }, { unitAmount: '0.5', flatAmount: '20' }],
} as const;
const bill = (quantity: number | string, extra: Record<string, unknown> = {}) => priceUsage(price, { quantity, currency: 'USD', ...extra });

describe('volume tiered price', () => {
  it.each([
    [0, '0.00'],
    [1, '1.00'],
    [100, '100.00'],
    ['100.5', '90.40'],
    [101, '90.80'],
    [1000, '810.00'],
    [1001, '520.50'],
  ])('%s units → %s (the whole quantity in the tier that contains it)', (q, expected) => {
    expect(bill(q).amount).toBe(expected);
  });

  it('has a flat line and a usage line for the tier', () => {
    expect(bill(101).lines).toEqual([
      { name: 'Tier 2 flat fee', quantity: '1', unitAmount: '10', amount: '10.00', category: 'flat' },
      { name: 'Tier 2 usage', quantity: '101', unitAmount: '0.8', amount: '80.80', category: 'usage' },
    ]);
  });

  it('charges the first tier flat amount at zero usage', () => {
    const p = { type: 'tiered', mode: 'volume', tiers: [{ upTo: 10, flatAmount: 3 }, { unitAmount: 1 }] } as const;
    expect(priceUsage(p, { quantity: 0, currency: 'USD' }).amount).toBe('3.00');
  });

  it('chooses the tier after the usage discount', () => {
    expect(bill(110, { usageDiscount: 10 }).amount).toBe('100.00');
  });

  it('refuses to bill a part after earlier usage', () => {
    expectStateError(() => bill(10, { preLinePeriodQuantity: 5 }), 'progressive_volume');
    expectStateError(() => bill(10, { preLinePeriodQuantity: 5, usageDiscount: 100 }), 'progressive_volume');
    expectStateError(() => bill(10, { preLinePeriodQuantity: 0, periodStart: false }), 'progressive_volume');
    expect(bill(10, { preLinePeriodQuantity: 0 }).amount).toBe('10.00');
  });
});
