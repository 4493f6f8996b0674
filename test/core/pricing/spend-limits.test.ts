import { describe, expect, it } from 'vitest';
import { priceUsage } from '../../../src/core/pricing';

const unit = (limits: Record<string, number | string>) => ({ type: 'unit', amount: 1, ...limits }) as const;
const bill = (limits: Record<string, number | string>, quantity: number, pre = 0, periodEnd?: boolean) =>
  priceUsage(unit(limits), { quantity, preLinePeriodQuantity: pre, currency: 'USD', ...(periodEnd === undefined ? {} : { periodEnd }) });

describe('minimum spend', () => {
  it('adds the shortfall as a commitment line', () => {
    expect(bill({ minimumAmount: 100 }, 25).lines.at(-1)).toEqual({ name: 'Minimum spend', quantity: '1', amount: '75.00', category: 'commitment' });
    expect(bill({ minimumAmount: 100 }, 25).amount).toBe('100.00');
  });

  it('adds nothing when usage reaches it', () => {
    expect(bill({ minimumAmount: 100 }, 100).lines).toHaveLength(1);
  });

  it('is settled on the whole period, at its end only', () => {
    expect(bill({ minimumAmount: 100 }, 25, 0, false).amount).toBe('25.00');
    expect(bill({ minimumAmount: 100 }, 25, 25, true).amount).toBe('75.00');
    expect(bill({ minimumAmount: 100 }, 0, 150, true).amount).toBe('0.00');
  });

  it('is rounded to the minor units before use', () => {
    expect(bill({ minimumAmount: '10.005' }, 0).amount).toBe('10.01');
  });

  it('applies after the usage discount', () => {
    const result = priceUsage(unit({ minimumAmount: 50 }), { quantity: 60, usageDiscount: 40, currency: 'USD' });
    expect(result.amount).toBe('50.00');
    expect(result.lines.map((l) => l.amount)).toEqual(['20.00', '30.00']);
  });
});

describe('maximum spend', () => {
  it('caps the usage charges with a discount line', () => {
    expect(bill({ maximumAmount: 100 }, 250).lines.at(-1)).toEqual({ name: 'Maximum spend', quantity: '1', amount: '-150.00', category: 'discount' });
  });

  it('a part pays min(max, P(pre) + part) − min(max, P(pre))', () => {
    expect(bill({ maximumAmount: 100 }, 25, 90).amount).toBe('10.00');
    expect(bill({ maximumAmount: 100 }, 10, 120).amount).toBe('0.00');
    expect(bill({ maximumAmount: 100 }, 10, 50).amount).toBe('10.00');
  });

  it('caps the flat amounts of a graduated price too', () => {
    const price = { type: 'tiered', mode: 'graduated', tiers: [{ upTo: 10, flatAmount: 50, unitAmount: 1 }, { unitAmount: 1 }], maximumAmount: 30 } as const;
    expect(priceUsage(price, { quantity: 0, currency: 'USD' }).amount).toBe('30.00');
  });

  it('a maximum of 0 makes usage free', () => {
    expect(bill({ maximumAmount: 0 }, 250).amount).toBe('0.00');
  });

  it('with a minimum: the period pays between them', () => {
    expect(bill({ minimumAmount: 20, maximumAmount: 100 }, 10).amount).toBe('20.00');
    expect(bill({ minimumAmount: 20, maximumAmount: 100 }, 50).amount).toBe('50.00');
    expect(bill({ minimumAmount: 20, maximumAmount: 100 }, 500).amount).toBe('100.00');
  });
});
