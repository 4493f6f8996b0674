import { describe, expect, it } from 'vitest';
import { compileRateCard, simulateInvoice, type RateCard, type SimulateInvoiceInput } from '../../../src/core/invoice';
import { CurrencyRegistry } from '../../../src/core/money';
import { issuesOf } from '../pricing/helpers';

const jan = { from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z' };
const flat: RateCard = { key: 'platform', type: 'flat_fee', price: { type: 'flat', amount: 49 }, billingCadence: 'P1M' };
const usage: RateCard = { key: 'api', type: 'usage_based', feature: 'api', billingCadence: 'P1M', price: { type: 'unit', amount: 1 } };
const matrix: RateCard = {
  key: 'm',
  type: 'usage_based',
  feature: 'm',
  billingCadence: 'P1M',
  price: { type: 'matrix', dimensions: ['region'], entries: [{ match: { region: 'eu' }, amount: 1 }] },
};
const problems = (input: unknown) => issuesOf(() => simulateInvoice(input as SimulateInvoiceInput)).sort();

describe('simulateInvoice validation', () => {
  it('lists every problem at once, with its path, and computes nothing', () => {
    expect(
      problems({
        currency: 'XYZ',
        lines: [
          { rateCard: { ...usage, price: { type: 'tiered', mode: 'graduated', tiers: [{ upTo: 10 }, { upTo: 10 }, {}] } }, quantity: -1, period: jan },
          { rateCard: { ...flat, discounts: { usage: 5, percentage: 120 } }, period: { from: '2024-02-01', to: '2024-01-01' } },
          { rateCard: matrix, matrixUsage: [{ dimensions: { region: 'us' }, quantity: 1 }], period: jan },
          { rateCard: { ...usage, taxConfig: { rate: '-0.2', behavior: 'added' } }, period: { from: 'yesterday', to: jan.to } },
        ],
        coupons: [{ key: 'BOTH', percentage: 10, amount: 5 }, { key: '', percentage: 101 }],
        credits: [{ amount: '1e3' }],
        taxConfig: { rate: 0.2 },
        proRating: { enabled: true, mode: 'hour' },
        rounding: 'down',
      }),
    ).toEqual(
      [
        'currency unknown_currency',
        'lines[0].rateCard.price.tiers[1].upTo duplicate_up_to',
        'lines[0].quantity negative',
        'lines[1].rateCard.discounts.percentage too_big',
        'lines[1].rateCard.discounts.usage usage_discount_on_flat_fee',
        'lines[1].period.from invalid_period',
        'lines[2].matrixUsage[0].dimensions unmatched_dimensions',
        'lines[3].rateCard.taxConfig.rate negative',
        'lines[3].rateCard.taxConfig.behavior invalid_value',
        'lines[3].period.from invalid_instant',
        'coupons[0] coupon_value',
        'coupons[1].key too_small',
        'coupons[1].percentage too_big',
        'credits[0].amount invalid_decimal',
        'taxConfig.behavior invalid_value',
        'proRating.mode invalid_value',
        'rounding invalid_value',
      ].sort(),
    );
  });

  it('requires at least one line and a currency', () => {
    expect(problems({ currency: 'USD', lines: [] })).toEqual(['lines too_small']);
    expect(problems({ lines: [{ rateCard: flat, period: jan }] })).toEqual(['currency invalid_type']);
    expect(problems(null)).toEqual([' invalid_type']);
  });

  it('checks periods: order, presence, and fullPeriod containing period', () => {
    expect(problems({ currency: 'USD', lines: [{ rateCard: flat }] })).toEqual(['lines[0].period invalid_type']);
    expect(problems({ currency: 'USD', lines: [{ rateCard: flat, period: { from: jan.from } }] })).toEqual(['lines[0].period.to required']);
    expect(
      problems({ currency: 'USD', lines: [{ rateCard: flat, period: { from: '2023-12-25T00:00:00Z', to: jan.to }, fullPeriod: jan }] }),
    ).toEqual(['lines[0].period period_outside_full_period']);
    expect(problems({ currency: 'USD', lines: [{ rateCard: flat, period: jan, fullPeriod: { from: jan.to, to: jan.from } }] })).toEqual([
      'lines[0].fullPeriod.from invalid_period',
    ]);
    expect(problems({ currency: 'USD', lines: [{ rateCard: flat, period: { from: '2024-01-01T10:00', to: jan.to } }] })).toEqual([
      'lines[0].period.from invalid_instant',
    ]);
  });

  it('checks rate cards as API.md shapes them', () => {
    expect(problems({ currency: 'USD', lines: [{ rateCard: { ...usage, feature: undefined }, period: jan }] })).toEqual(['lines[0].rateCard.feature invalid_type']);
    expect(problems({ currency: 'USD', lines: [{ rateCard: { ...flat, price: { type: 'unit', amount: 1 } }, period: jan }] })).toEqual([
      'lines[0].rateCard.price.type invalid_value',
    ]);
    expect(problems({ currency: 'USD', lines: [{ rateCard: { ...usage, price: { type: 'flat', amount: 1 } }, period: jan }] })).toEqual([
      'lines[0].rateCard.price.type invalid_union',
    ]);
    expect(problems({ currency: 'USD', lines: [{ rateCard: { ...usage, billingCadence: 'monthly' }, period: jan }] })).toEqual([
      'lines[0].rateCard.billingCadence invalid_duration',
    ]);
    expect(problems({ currency: 'USD', lines: [{ rateCard: { ...usage, billingCadence: 'P0D' }, period: jan }] })).toEqual([
      'lines[0].rateCard.billingCadence invalid_interval',
    ]);
    expect(problems({ currency: 'USD', lines: [{ rateCard: { ...usage, type: 'seat_based' }, period: jan }] })).toEqual([
      'lines[0].rateCard.type invalid_union',
    ]);
    expect(
      problems({ currency: 'USD', lines: [{ rateCard: { ...usage, entitlementTemplate: { type: 'metered', usagePeriod: { interval: 'P1M', anchor: 'soon' } } }, period: jan }] }),
    ).toEqual(['lines[0].rateCard.entitlementTemplate.usagePeriod.anchor invalid_instant']);
  });

  it('checks usage against the price', () => {
    expect(problems({ currency: 'USD', lines: [{ rateCard: matrix, quantity: 5, period: jan }] })).toEqual(['lines[0].quantity matrix_quantity']);
    expect(problems({ currency: 'USD', lines: [{ rateCard: usage, matrixUsage: [], period: jan }] })).toEqual(['lines[0].matrixUsage unexpected_matrix_usage']);
    expect(problems({ currency: 'USD', lines: [{ rateCard: flat, matrixUsage: [], period: jan }] })).toEqual(['lines[0].matrixUsage unexpected_matrix_usage']);
    // Reported even when another part of the input is invalid.
    expect(
      problems({ currency: 'USD', credits: [{ amount: -1 }], lines: [{ rateCard: matrix, matrixUsage: [{ dimensions: { region: 'us' }, quantity: 1 }], period: jan }] }),
    ).toEqual(['credits[0].amount negative', 'lines[0].matrixUsage[0].dimensions unmatched_dimensions']);
  });

  it('knows custom currencies', () => {
    const currencies = new CurrencyRegistry({ CREDITS: { precision: 4 } });
    const result = simulateInvoice({ currency: 'CREDITS', currencies, lines: [{ rateCard: usage, quantity: '0.00005', period: jan }] });
    expect(result.totals.total).toBe('0.0001');
    expect(problems({ currency: 'CREDITS', lines: [{ rateCard: usage, period: jan }] })).toEqual(['currency unknown_currency']);
  });

  it('accepts compiled rate cards without validating them again', () => {
    const compiled = compileRateCard(usage);
    expect(simulateInvoice({ currency: 'USD', lines: [{ rateCard: compiled, quantity: 3, period: jan }] }).totals.total).toBe('3.00');
    expect(issuesOf(() => compileRateCard({ ...usage, key: '' }, 'phases[0].rateCards[1]'))).toEqual(['phases[0].rateCards[1].key too_small']);
  });
});
