import { describe, expect, it } from 'vitest';
import { adjustmentLineInput, lateUsageAdjustment, lateUsageInWindow, subscriptionLines, type AdjustableLine } from '../../../src/core/billing';
import type { RateCard } from '../../../src/core/catalog';
import { simulateInvoice } from '../../../src/core/invoice';
import { subscriptionTimeline, type TimelinePlan } from '../../../src/core/subscriptions';
import { day, pro, team } from './fixtures';

/** The January api line of `plan` created Jan 1. */
const janApi = (plan: TimelinePlan): AdjustableLine => {
  const lines = subscriptionLines(subscriptionTimeline({ plan, activeFrom: '2024-01-01', to: '2024-02-02' }), { from: '2024-02-01', to: '2024-02-02', subscriptionId: 'sub_1' });
  return lines.find((l) => l.rateCardKey === 'api')!;
};
const withApi = (price: unknown, extra: Partial<RateCard> = {}): TimelinePlan => ({
  ...pro,
  phases: [{ key: 'default', rateCards: [{ key: 'api', type: 'usage_based', feature: 'api_calls', billingCadence: 'P1M', price, ...extra } as RateCard] }],
});

/** The adjustment's total through the calculator, or null when there is no line. */
const total = (line: AdjustableLine, billed: number, metered: number, adjustments?: number): string | null => {
  const adjustment = lateUsageAdjustment({ line, billedQuantity: billed, meteredQuantity: metered, adjustments, currency: 'USD' });
  if (adjustment === null) return null;
  const invoice = simulateInvoice({ currency: 'USD', lines: [adjustmentLineInput(line, adjustment)] });
  return invoice.totals.total;
};

describe('lateUsageAdjustment (LT1, §5.9)', () => {
  it('S49: billed 1501, metered 1502 → "api usage adjustment [Jan 1, Feb 1)" quantity 1, pre 1501 → 0.01', () => {
    const line = janApi(pro);
    const adjustment = lateUsageAdjustment({ line, billedQuantity: 1501, meteredQuantity: 1502, currency: 'USD' });
    expect(adjustment).toMatchObject({ key: 'sub_1/default/api/v0/p0/adj0', adjustment: 0, name: 'api usage adjustment', quantity: '1', preLinePeriodQuantity: '1501', amount: '0.01', flat: false });
    expect([day(adjustment!.servicePeriod.from), day(adjustment!.servicePeriod.to)]).toEqual(['2024-01-01', '2024-02-01']);
    const invoice = simulateInvoice({ currency: 'USD', lines: [adjustmentLineInput(line, adjustment!)] });
    expect([invoice.lines[0]?.name, invoice.lines[0]?.quantity, invoice.totals.total]).toEqual(['api usage adjustment', '1', '0.01']);
  });

  it.each([
    // [case, plan, billed, metered, earlier adjustments, expected total or null]
    ['a second adjustment counts the first in billed: /adj1', pro, 1502, 1505, 1, '0.03'],
    ['metered = billed → no line', pro, 1502, 1502, 0, null],
    ['metered < billed (events deleted) → no line', pro, 1502, 1500, 0, null],
    ['graduated: tiers continue from billed (team 5000 → 5100 at 0.005)', team, 5000, 5100, 0, '0.50'],
    ['graduated: inside a free tier the difference prices 0 → no line', team, 500, 900, 0, null],
    ['maximum spend counts what was billed: capped → no line', withApi({ type: 'unit', amount: '0.01', maximumAmount: 10 }), 1000, 1200, 0, null],
    ['maximum spend: the rest up to the cap', withApi({ type: 'unit', amount: '0.01', maximumAmount: 10 }), 900, 1200, 0, '1.00'],
    ['the first tier’s flat amount is not paid again', withApi({ type: 'tiered', mode: 'graduated', tiers: [{ upTo: 1000, unitAmount: '0.01', flatAmount: 5 }, { unitAmount: '0.01' }] }), 10, 20, 0, '0.10'],
    ['free units are consumed by what was billed first', withApi({ type: 'unit', amount: '0.01' }, { discounts: { usage: 1000 } }), 900, 1200, 0, '2.00'],
    ['minimum spend: usage still under it → the line’s commitment covered it, no line', withApi({ type: 'unit', amount: '0.01', minimumAmount: 50 }), 1000, 1100, 0, null],
    ['minimum spend: usage crossing it → only what exceeds it (max(50, 52) − 50)', withApi({ type: 'unit', amount: '0.01', minimumAmount: 50 }), 4900, 5200, 0, '2.00'],
    ['minimum spend: already above it → the part', withApi({ type: 'unit', amount: '0.01', minimumAmount: 50 }), 6000, 6100, 0, '1.00'],
    ['volume: P(q′) − P(q) = 1200 × 0.01 − 900 × 0.02', withApi({ type: 'tiered', mode: 'volume', tiers: [{ upTo: 1000, unitAmount: '0.02' }, { unitAmount: '0.01' }] }), 900, 1200, 0, null],
    ['volume: a positive difference is billed as a flat amount', withApi({ type: 'tiered', mode: 'volume', tiers: [{ upTo: 1000, unitAmount: '0.02' }, { unitAmount: '0.01' }] }), 1100, 1300, 0, '2.00'],
  ] as const)('%s', (_, plan, billed, metered, adjustments, expected) => {
    const line = janApi(plan);
    // without tax or percentage discount, the calculator bills exactly what the rule priced
    expect(total(line, billed, metered, adjustments)).toBe(expected);
    expect(lateUsageAdjustment({ line, billedQuantity: billed, meteredQuantity: metered, adjustments, currency: 'USD' })?.amount ?? null).toBe(expected);
  });

  it('a percentage discount applies to the adjustment line (the rule’s amount is before it)', () => {
    const line = janApi(withApi({ type: 'unit', amount: '0.01' }, { discounts: { percentage: 50 } }));
    expect(lateUsageAdjustment({ line, billedQuantity: 100, meteredQuantity: 300, currency: 'USD' })?.amount).toBe('2.00');
    expect(total(line, 100, 300)).toBe('1.00');
  });

  it('the key numbers adjustments from 0; a flat line gets none', () => {
    expect(lateUsageAdjustment({ line: janApi(pro), billedQuantity: 1, meteredQuantity: 2, adjustments: 2, currency: 'USD' })?.key).toBe('sub_1/default/api/v0/p0/adj2');
    const platform = subscriptionLines(subscriptionTimeline({ plan: pro, activeFrom: '2024-01-01', to: '2024-01-02' }), { from: '2024-01-01', to: '2024-01-02' })[0]!;
    expect(lateUsageAdjustment({ line: platform, billedQuantity: 0, meteredQuantity: 5, currency: 'USD' })).toBeNull();
  });

  it('BL7: a cut line’s minimum is prorated like the line’s (S42: 31 × 10/31 = 10.00)', () => {
    const plan = withApi({ type: 'unit', amount: '0.01', minimumAmount: 31 });
    const timeline = subscriptionTimeline({ plan, activeFrom: '2024-01-22', billingAnchor: '2024-01-01', to: '2024-02-02' });
    const line = subscriptionLines(timeline, { from: '2024-02-01', to: '2024-02-02' })[0]!;
    // billed 400 → 4.00 + commitment 6.00; 900 metered → 9.00 < 10.00: nothing more; 1100 → 11.00: 1.00 more
    expect(lateUsageAdjustment({ line, billedQuantity: 400, meteredQuantity: 900, currency: 'USD' })).toBeNull();
    expect(lateUsageAdjustment({ line, billedQuantity: 400, meteredQuantity: 1100, currency: 'USD' })).toMatchObject({ amount: '1.00', flat: true, quantity: '700', preLinePeriodQuantity: '400' });
  });

  it('volume adjustments keep the card’s tax', () => {
    const line = janApi(withApi({ type: 'tiered', mode: 'volume', tiers: [{ unitAmount: '0.01' }] }, { taxConfig: { rate: '0.2', behavior: 'exclusive' } }));
    const adjustment = lateUsageAdjustment({ line, billedQuantity: 100, meteredQuantity: 200, currency: 'USD' })!;
    expect(simulateInvoice({ currency: 'USD', lines: [adjustmentLineInput(line, adjustment)] }).totals).toMatchObject({ amount: '1.00', taxesTotal: '0.20', total: '1.20' });
  });
});

describe('lateUsageInWindow (LT1 window)', () => {
  it.each([
    // [case, line end, receiving invoiceAt, window, in window]
    ['S49: January’s line on the Mar 1 invoice, P1M (Feb 1 ≥ Feb 1)', '2024-02-01', '2024-03-01', undefined, true],
    ['the Feb 1 invoice itself', '2024-02-01', '2024-02-01', undefined, true],
    ['a line ended before invoiceAt − window', '2024-01-31T23:59:59Z', '2024-03-01', undefined, false],
    ['a shorter window', '2024-02-01', '2024-03-01', 'P14D', false],
    ['a longer window', '2024-01-01', '2024-03-01', 'P2M', true],
    ['calendar months: Mar 31 − P1M = Feb 29', '2024-02-29', '2024-03-31', 'P1M', true],
  ] as const)('%s', (_, lineEnd, invoiceAt, window, expected) => {
    expect(lateUsageInWindow({ lineEnd, invoiceAt, window })).toBe(expected);
  });
});
