import { describe, expect, it } from 'vitest';
import { priceUsage } from '../../../src/core/pricing';
import { issuesOf } from './helpers';

const price = {
  type: 'matrix',
  dimensions: ['region', 'model'],
  entries: [
    { match: { region: 'eu', model: 'small' }, amount: '0.01' },
    { match: { region: 'eu', model: 'large' }, amount: '0.05' },
    { match: { region: 'us', model: 'small' }, amount: '0.008' },
  ],
} as const;
const usage = (eu: number, us: number, euPre = 0, usPre = 0) => [
  { dimensions: { region: 'eu', model: 'small' }, quantity: eu, preLinePeriodQuantity: euPre },
  { dimensions: { region: 'us', model: 'small' }, quantity: us, preLinePeriodQuantity: usPre },
];

describe('matrix price', () => {
  it('prices each combination at its entry, one line each, in the order of the entries', () => {
    const result = priceUsage(price, { matrixUsage: [...usage(1200, 500)].reverse(), currency: 'USD' });
    expect(result.amount).toBe('16.00');
    expect(result.lines.map((l) => [l.name, l.quantity, l.unitAmount, l.amount])).toEqual([
      ['Usage (region: eu, model: small)', '1200', '0.01', '12.00'],
      ['Usage (region: us, model: small)', '500', '0.008', '4.00'],
    ]);
  });

  it('no usage bills nothing', () => {
    expect(priceUsage(price, { currency: 'USD' })).toEqual({ amount: '0.00', lines: [] });
    expect(priceUsage(price, { matrixUsage: [], currency: 'USD' }).amount).toBe('0.00');
  });

  it('consumes free units in the order of the entries, across parts', () => {
    expect(priceUsage(price, { matrixUsage: usage(1200, 500), usageDiscount: 1000, currency: 'USD' }).amount).toBe('6.00');
    // The same period in two parts: 700 eu + 300 us, then 500 eu + 200 us.
    const first = priceUsage(price, { matrixUsage: usage(700, 300), usageDiscount: 1000, currency: 'USD' });
    const second = priceUsage(price, { matrixUsage: usage(500, 200, 700, 300), usageDiscount: 1000, currency: 'USD' });
    expect(first.amount).toBe('0.00');
    expect(second.amount).toBe('6.00');
  });

  it('applies spend limits to the whole price', () => {
    expect(priceUsage({ ...price, maximumAmount: 10 }, { matrixUsage: usage(1200, 500), currency: 'USD' }).amount).toBe('10.00');
    expect(priceUsage({ ...price, maximumAmount: 10 }, { matrixUsage: usage(200, 0, 1000, 500), currency: 'USD' }).amount).toBe('0.00');
  });

  it('reports usage that does not match an entry', () => {
    expect(
      issuesOf(() =>
        priceUsage(price, {
          matrixUsage: [
            { dimensions: { region: 'us', model: 'large' }, quantity: 1 },
            { dimensions: { region: 'eu' }, quantity: 1 },
            { dimensions: { region: 'eu', model: 'small', gpu: 'a100' }, quantity: 1 },
            { dimensions: { region: 'eu', model: 'small' }, quantity: 1 },
            { dimensions: { model: 'small', region: 'eu' }, quantity: 2 },
          ],
          currency: 'USD',
        }),
      ),
    ).toEqual([
      'matrixUsage[0].dimensions unmatched_dimensions',
      'matrixUsage[1].dimensions missing_dimension',
      'matrixUsage[2].dimensions.gpu unknown_dimension',
      'matrixUsage[4].dimensions duplicate_dimensions',
    ]);
  });

  it('takes its usage per combination only', () => {
    expect(issuesOf(() => priceUsage(price, { quantity: 3, preLinePeriodQuantity: 1, currency: 'USD' }))).toEqual([
      'quantity matrix_quantity',
      'preLinePeriodQuantity matrix_quantity',
    ]);
    expect(issuesOf(() => priceUsage({ type: 'unit', amount: 1 }, { matrixUsage: [], currency: 'USD' }))).toEqual([
      'matrixUsage unexpected_matrix_usage',
    ]);
    expect(
      issuesOf(() => priceUsage(price, { matrixUsage: [{ dimensions: { region: 'eu', model: 'small' }, quantity: -1 }], currency: 'USD' })),
    ).toEqual(['matrixUsage[0].quantity negative']);
  });
});
