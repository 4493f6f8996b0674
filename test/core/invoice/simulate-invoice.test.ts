import { describe, expect, it } from 'vitest';
import { compileRateCard, simulateInvoice, type RateCard } from '../../../src/core/invoice';
import { parseDecimal } from '../../../src/core/money';
import { expectStateError } from '../pricing/helpers';

const jan = { from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z' };
const platform: RateCard = { key: 'platform', name: 'Platform fee', type: 'flat_fee', price: { type: 'flat', amount: 49 }, billingCadence: 'P1M' };
const api: RateCard = {
  key: 'api',
  type: 'usage_based',
  feature: 'api_calls',
  billingCadence: 'P1M',
  price: { type: 'tiered', mode: 'graduated', tiers: [{ upTo: 1000, flatAmount: 10 }, { unitAmount: '0.01' }], maximumAmount: 100 },
  discounts: { percentage: 10 },
};

describe('simulateInvoice', () => {
  const invoice = simulateInvoice({
    currency: 'USD',
    customerId: 'cus_1',
    lines: [
      { rateCard: platform, period: jan },
      { rateCard: api, quantity: 20000, period: { from: '2024-01-01T00:00:00Z', to: '2024-01-20T00:00:00Z' } },
    ],
    taxConfig: { rate: '0.2', behavior: 'exclusive' },
    coupons: [{ key: 'FIVE', amount: 5, duration: 'forever' }],
  });

  it('returns a deterministic draft in the API shape', () => {
    expect(invoice).toMatchObject({ id: 'simulated', customerId: 'cus_1', currency: 'USD', status: 'draft' });
    expect(invoice.period).toEqual({ from: new Date('2024-01-01T00:00:00Z'), to: new Date('2024-02-01T00:00:00Z') });
    expect(invoice.lines.map((l) => [l.id, l.type, l.name, l.rateCardKey, l.feature, l.quantity])).toEqual([
      ['line_0', 'flat_fee', 'Platform fee', 'platform', undefined, undefined],
      ['line_1', 'usage_based', 'api', 'api', 'api_calls', '20000'],
    ]);
    expect(invoice.lines[1]?.period).toEqual({ from: new Date('2024-01-01T00:00:00Z'), to: new Date('2024-01-20T00:00:00Z') });
    expect('issuedAt' in invoice).toBe(false);
  });

  it('orders the operations: price, cap, percentage discount, coupon, tax', () => {
    const line = invoice.lines[1];
    // 10 + 19000 × 0.01 = 200 → cap 100 → 10 % → 90 → coupon share → tax 20 %
    expect(line?.lines.map((l) => [l.name, l.amount, l.category])).toEqual([
      ['Tier 1 flat fee', '10.00', 'flat'],
      ['Tier 1 usage', '0.00', 'usage'],
      ['Tier 2 usage', '190.00', 'usage'],
      ['Maximum spend', '-100.00', 'discount'],
      ['Discount (10%)', '-10.00', 'discount'],
      ['Coupon FIVE', '-3.24', 'discount'],
    ]);
    expect(line).toMatchObject({ amount: '200.00', discountsTotal: '113.24', taxesTotal: '17.35', total: '104.11' });
    expect(line?.tax).toEqual({ rate: '0.2', behavior: 'exclusive', amount: '17.35' });
    expect(invoice.lines[0]).toMatchObject({ amount: '49.00', discountsTotal: '1.76', taxesTotal: '9.45', total: '56.69' });
  });

  it('line detail adds up: charges = amount, discount lines = −discountsTotal', () => {
    for (const line of invoice.lines) {
      const charges = line.lines.filter((l) => l.category !== 'discount').reduce((a, l) => a.plus(l.amount), parseDecimal(0));
      const discounts = line.lines.filter((l) => l.category === 'discount').reduce((a, l) => a.plus(l.amount), parseDecimal(0));
      expect(charges.toFixed(2)).toBe(line.amount);
      expect(discounts.negated().toFixed(2)).toBe(line.discountsTotal);
    }
  });

  it('totals are the sums of the lines', () => {
    expect(invoice.totals).toEqual({
      amount: '249.00',
      discountsTotal: '115.00',
      taxesInclusiveTotal: '0.00',
      taxesExclusiveTotal: '26.80',
      taxesTotal: '26.80',
      creditsTotal: '0.00',
      total: '160.80',
      amountDue: '160.80',
    });
  });

  it('a flat fee without a price gives no line; ids follow the input lines', () => {
    const result = simulateInvoice({
      currency: 'USD',
      lines: [
        { rateCard: { key: 'sso', type: 'flat_fee', price: null, billingCadence: null, feature: 'sso', entitlementTemplate: { type: 'boolean' } }, period: jan },
        { rateCard: platform, period: jan },
      ],
    });
    expect(result.lines.map((l) => l.id)).toEqual(['line_1']);
    expect(result.totals.total).toBe('49.00');
  });

  it('defaults a usage line quantity to 0 and ignores quantity on a flat fee', () => {
    const result = simulateInvoice({
      currency: 'USD',
      lines: [
        { rateCard: { ...api, discounts: {} } as RateCard, period: jan },
        { rateCard: platform, quantity: 3, period: jan },
      ],
    });
    expect(result.lines.map((l) => [l.quantity, l.amount])).toEqual([
      ['0', '10.00'],
      [undefined, '49.00'],
    ]);
  });

  it('gives the same invoice for compiled rate cards', () => {
    const input = {
      currency: 'USD',
      lines: [
        { rateCard: platform, period: jan },
        { rateCard: api, quantity: 1234, period: jan },
      ],
      taxConfig: { rate: '0.2', behavior: 'inclusive' },
    } as const;
    const compiled = { ...input, lines: input.lines.map((l) => ({ ...l, rateCard: compileRateCard(l.rateCard) })) };
    expect(simulateInvoice(compiled)).toEqual(simulateInvoice(input));
  });

  it('prices a matrix line from its usage per combination', () => {
    const result = simulateInvoice({
      currency: 'EUR',
      lines: [
        {
          rateCard: {
            key: 'inference',
            type: 'usage_based',
            feature: 'tokens',
            billingCadence: 'P1M',
            price: { type: 'matrix', dimensions: ['model'], entries: [{ match: { model: 'small' }, amount: '0.001' }, { match: { model: 'large' }, amount: '0.01' }] },
          },
          matrixUsage: [
            { dimensions: { model: 'large' }, quantity: 100 },
            { dimensions: { model: 'small' }, quantity: 1000 },
          ],
          period: jan,
        },
      ],
    });
    expect(result.lines[0]).toMatchObject({ quantity: '1100', amount: '2.00' });
  });

  it('refuses a volume price billed in parts', () => {
    const volume: RateCard = { key: 'v', type: 'usage_based', feature: 'v', billingCadence: 'P1M', price: { type: 'tiered', mode: 'volume', tiers: [{ unitAmount: 1 }] } };
    expectStateError(() => simulateInvoice({ currency: 'USD', lines: [{ rateCard: volume, quantity: 1, preLinePeriodQuantity: 1, period: jan }] }), 'progressive_volume');
  });

  it('takes Date periods as well as ISO strings', () => {
    const result = simulateInvoice({ currency: 'USD', lines: [{ rateCard: platform, period: { from: new Date('2024-01-01'), to: '2024-02-01' } }] });
    expect(result.period.to).toEqual(new Date('2024-02-01T00:00:00Z'));
  });
});
