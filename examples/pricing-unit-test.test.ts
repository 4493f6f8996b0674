/**
 * Testing your own pricing with vitest and `simulateInvoice` — no storage, no clock.
 *
 * Copy this file next to your catalog and replace the rate cards with yours: every change to a
 * price then shows up as a failing expectation, exact to the cent, before a customer sees it.
 */
import { compileRateCard, priceUsage, type RateCard, simulateInvoice } from 'tollgate/core';
import { describe, expect, it } from 'vitest';

// ---- The catalog under test: "Pro" plan of an AI API ------------------------------------------

const platformFee: RateCard = {
  key: 'platform',
  name: 'Pro plan',
  type: 'flat_fee',
  price: { type: 'flat', amount: '49.00', paymentTerm: 'in_advance' },
  billingCadence: 'P1M',
};

/** Input tokens: the first million free, then graduated per token, at most 500.00 a month. */
const inputTokens: RateCard = {
  key: 'input_tokens',
  name: 'Input tokens',
  type: 'usage_based',
  feature: 'input_tokens',
  billingCadence: 'P1M',
  price: {
    type: 'tiered',
    mode: 'graduated',
    tiers: [
      { upTo: 10_000_000, unitAmount: '0.000002' },
      { upTo: 100_000_000, unitAmount: '0.0000015' },
      { unitAmount: '0.000001' },
    ],
    maximumAmount: '500.00',
  },
  discounts: { usage: 1_000_000 },
};

/** GPU minutes: priced per region and GPU model, with a 20.00 monthly minimum. */
const gpuMinutes: RateCard = {
  key: 'gpu_minutes',
  name: 'GPU minutes',
  type: 'usage_based',
  feature: 'gpu_minutes',
  billingCadence: 'P1M',
  price: {
    type: 'matrix',
    dimensions: ['region', 'gpu'],
    entries: [
      { match: { region: 'eu', gpu: 'a100' }, amount: '0.05' },
      { match: { region: 'eu', gpu: 'h100' }, amount: '0.09' },
      { match: { region: 'us', gpu: 'h100' }, amount: '0.08' },
    ],
    minimumAmount: '20.00',
  },
};

const january = { from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z' };
const eu20 = { rate: '0.2', behavior: 'exclusive' } as const;

// ---- The tests -----------------------------------------------------------------------------------

describe('Pro plan pricing', () => {
  it('a quiet month: the flat fee, free tokens, and the GPU minimum', () => {
    const invoice = simulateInvoice({
      currency: 'EUR',
      taxConfig: eu20,
      lines: [
        { rateCard: platformFee, period: january },
        { rateCard: inputTokens, quantity: 800_000, period: january },
        { rateCard: gpuMinutes, matrixUsage: [{ dimensions: { region: 'eu', gpu: 'a100' }, quantity: 100 }], period: january },
      ],
    });

    // 100 minutes × 0.05 = 5.00, below the 20.00 minimum: a 15.00 commitment.
    expect(invoice.lines.map((l) => [l.rateCardKey, l.amount])).toEqual([
      ['platform', '49.00'],
      ['input_tokens', '0.00'],
      ['gpu_minutes', '20.00'],
    ]);
    expect(invoice.lines[2]?.lines.map((l) => [l.category, l.amount])).toEqual([
      ['usage', '5.00'],
      ['commitment', '15.00'],
    ]);
    // (49 + 0 + 20) = 69.00, VAT 20 % = 13.80
    expect(invoice.totals).toMatchObject({ amount: '69.00', taxesTotal: '13.80', total: '82.80', amountDue: '82.80' });
  });

  it('a busy month: tiers, the token cap, a welcome coupon and prepaid credits', () => {
    const invoice = simulateInvoice({
      currency: 'EUR',
      taxConfig: eu20,
      lines: [
        { rateCard: platformFee, period: january },
        { rateCard: inputTokens, quantity: 61_000_000, period: january },
        {
          rateCard: gpuMinutes,
          matrixUsage: [
            { dimensions: { region: 'eu', gpu: 'h100' }, quantity: 1000 },
            { dimensions: { region: 'us', gpu: 'h100' }, quantity: 500 },
          ],
          period: january,
        },
      ],
      coupons: [{ key: 'WELCOME', amount: '10.00', duration: 'once' }],
      credits: [{ amount: '100.00' }],
    });

    // Tokens: 60M billable = 10M × 0.000002 (20.00) + 50M × 0.0000015 (75.00) = 95.00, under the cap.
    expect(invoice.lines[1]?.amount).toBe('95.00');
    // GPU: 1000 × 0.09 + 500 × 0.08 = 90.00 + 40.00 = 130.00.
    expect(invoice.lines[2]?.amount).toBe('130.00');
    // The 10.00 coupon is spread 49 : 95 : 130 by largest remainder: 1.79 + 3.47 + 4.74.
    expect(invoice.lines.map((l) => l.discountsTotal)).toEqual(['1.79', '3.47', '4.74']);
    expect(invoice.totals).toMatchObject({
      amount: '274.00',
      discountsTotal: '10.00',
      taxesExclusiveTotal: '52.80',
      total: '316.80',
      creditsTotal: '100.00',
      amountDue: '216.80',
    });
  });

  it('tokens never cost more than 500.00 a month, however they are split', () => {
    const price = inputTokens.price;
    const whole = priceUsage(price, { quantity: 2_000_000_000, usageDiscount: 1_000_000, currency: 'EUR' });
    expect(whole.amount).toBe('500.00');

    const firstHalf = priceUsage(price, { quantity: 900_000_000, usageDiscount: 1_000_000, currency: 'EUR', periodEnd: false });
    const secondHalf = priceUsage(price, {
      quantity: 1_100_000_000,
      preLinePeriodQuantity: 900_000_000,
      usageDiscount: 1_000_000,
      currency: 'EUR',
    });
    expect([firstHalf.amount, secondHalf.amount]).toEqual(['500.00', '0.00']);
  });

  it('a customer joining on January 11 pays 21/31 of the flat fee', () => {
    const invoice = simulateInvoice({
      currency: 'EUR',
      lines: [{ rateCard: compileRateCard(platformFee), period: { from: '2024-01-11T00:00:00Z', to: january.to }, fullPeriod: january }],
    });
    // 49 × 21 / 31 = 33.193… → 33.19
    expect(invoice.totals.total).toBe('33.19');
  });

  it('an unknown GPU is refused with the path of the problem', () => {
    expect(() =>
      simulateInvoice({
        currency: 'EUR',
        lines: [{ rateCard: gpuMinutes, matrixUsage: [{ dimensions: { region: 'us', gpu: 'a100' }, quantity: 1 }], period: january }],
      }),
    ).toThrow(/lines\[0\]\.matrixUsage\[0\]\.dimensions/);
  });
});
