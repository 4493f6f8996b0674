import { describe, expect, it } from 'vitest';
import { priceUsage } from '../../../src/core/pricing';
import { amounts, issuesOf } from './helpers';

const price = {
  type: 'tiered',
  mode: 'graduated',
  tiers: [
    { upTo: 10, unitAmount: '1', flatAmount: '5' },
    { upTo: 20, unitAmount: '0.5', flatAmount: '2' },
    { unitAmount: '0.25' },
  ],
} as const;
const bill = (quantity: number, pre = 0, extra: Record<string, unknown> = {}) =>
  priceUsage(price, { quantity, preLinePeriodQuantity: pre, currency: 'USD', ...extra });

describe('graduated tiered price', () => {
  it('prices each unit in its own tier, with one line per tier touched and per flat amount', () => {
    expect(bill(25).lines.map((l) => [l.name, l.quantity, l.amount, l.category])).toEqual([
      ['Tier 1 flat fee', '1', '5.00', 'flat'],
      ['Tier 1 usage', '10', '10.00', 'usage'],
      ['Tier 2 flat fee', '1', '2.00', 'flat'],
      ['Tier 2 usage', '10', '5.00', 'usage'],
      ['Tier 3 usage', '5', '1.25', 'usage'],
    ]);
    expect(bill(25).amount).toBe('23.25');
  });

  it('treats upTo as inclusive', () => {
    expect(bill(10).amount).toBe('15.00');
    expect(bill(11).amount).toBe('17.50');
    expect(bill(20).amount).toBe('22.00');
    expect(bill(20.5).amount).toBe('22.13'); // 22 + 0.5 × 0.25 = 22.125 → 22.13
  });

  it("charges the first tier's flat amount at zero usage", () => {
    expect(bill(0)).toEqual({ amount: '5.00', lines: [{ name: 'Tier 1 flat fee', quantity: '1', unitAmount: '5', amount: '5.00', category: 'flat' }] });
  });

  it('a later part bills the units inside each tier and the flat amounts of the tiers it enters', () => {
    expect(amounts(bill(5, 10))).toEqual(['2.00', '2.50']);
    expect(amounts(bill(5, 5))).toEqual(['5.00']);
    expect(amounts(bill(0, 10))).toEqual([]);
    expect(bill(15, 10).amount).toBe('8.25'); // flat 2 + 10 × 0.5 + 5 × 0.25
  });

  it('periodStart: false marks a later part after parts without usage (no second first-tier flat)', () => {
    expect(bill(0).amount).toBe('5.00');
    expect(bill(3, 0).amount).toBe('8.00'); // pre 0 reads as the period's start
    expect(bill(3, 0, { periodStart: false }).amount).toBe('3.00');
    expect(issuesOf(() => bill(3, 2, { periodStart: true }))).toEqual(['periodStart period_start_after_usage']);
  });

  it('a part at zero usage after the first charges nothing', () => {
    expect(bill(0, 3).amount).toBe('0.00');
  });

  it('every part together bills the whole period', () => {
    const parts = [3, 7, 1, 9, 5];
    let pre = 0;
    let cents = 0;
    for (const q of parts) {
      cents += Math.round(Number(bill(q, pre).amount) * 100);
      pre += q;
    }
    expect(cents).toBe(2325);
  });

  it('rounds each line once; the amount is the sum of rounded lines', () => {
    const half = { type: 'tiered', mode: 'graduated', tiers: [{ upTo: 1, unitAmount: '0.005' }, { unitAmount: '0.005' }] } as const;
    expect(priceUsage(half, { quantity: 2, currency: 'USD' }).amount).toBe('0.02');
  });

  it('a first tier up to 0 only holds a flat amount', () => {
    const p = { type: 'tiered', mode: 'graduated', tiers: [{ upTo: 0, flatAmount: 10 }, { unitAmount: 1 }] } as const;
    expect(priceUsage(p, { quantity: 0, currency: 'USD' }).amount).toBe('10.00');
    expect(priceUsage(p, { quantity: 3, currency: 'USD' }).amount).toBe('13.00');
  });

  it('consumes free units before the tiers, the earlier parts first', () => {
    expect(bill(12, 0, { usageDiscount: 5 }).amount).toBe('12.00');
    expect(bill(12, 0, { usageDiscount: 100 }).amount).toBe('5.00');
    expect(bill(10, 3, { usageDiscount: 5 }).amount).toBe('8.00');
    expect(bill(2, 3, { usageDiscount: 5 }).amount).toBe('0.00');
  });
});
