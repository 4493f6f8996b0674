import { describe, expect, it } from 'vitest';
import { creditNoteDifference, type CreditableLine } from '../../../src/core/billing';
import { simulateInvoice, type RateCard, type TaxConfig } from '../../../src/core/invoice';
import { d, platform } from './fixtures';

/** The line the calculator bills for a flat card over [from, to) of full period [fullFrom, fullTo). */
const billed = (card: RateCard, from: string, to: string, full: [string, string], taxConfig?: TaxConfig): CreditableLine | null => {
  const invoice = simulateInvoice({ currency: 'USD', lines: [{ rateCard: card, period: { from, to }, fullPeriod: { from: full[0], to: full[1] } }], ...(taxConfig ? { taxConfig } : {}) });
  return invoice.lines[0] ?? null;
};
const jan: [string, string] = ['2024-01-01', '2024-02-01'];
const amounts = (l: { amount: string; discountsTotal: string; taxesTotal: string; total: string } | null) =>
  l === null ? null : [l.amount, l.discountsTotal, l.taxesTotal, l.total];

describe('creditNoteDifference (PR3)', () => {
  it.each([
    // [scenario, card, original [from, to), new end, full, tax, expected [amount, discounts, taxes, total]]
    ['S27 cancel Jan 11: 30.00 − 9.68', platform('30'), ['2024-01-01', '2024-02-01'], '2024-01-11', jan, undefined, ['20.32', '0.00', '0.00', '20.32']],
    ['S28 cancel Jan 20 12:00: 30.00 − 18.87', platform('30'), ['2024-01-01', '2024-02-01'], '2024-01-20T12:00:00Z', jan, undefined, ['11.13', '0.00', '0.00', '11.13']],
    ['S30 with 20 % exclusive tax', platform('30'), ['2024-01-01', '2024-02-01'], '2024-01-11', jan, { rate: '0.2', behavior: 'exclusive' }, ['20.32', '0.00', '4.06', '24.38']],
    ['S23 upgrade on Jan 16: 10.00 − 4.84', platform('10'), ['2024-01-01', '2024-02-01'], '2024-01-16', jan, undefined, ['5.16', '0.00', '0.00', '5.16']],
    ['S32 override on Jan 2: 6.00 − 0.19', platform('6'), ['2024-01-01', '2024-02-01'], '2024-01-02', jan, undefined, ['5.81', '0.00', '0.00', '5.81']],
    ['S33 remove on Jan 21: 2.58 − 0.81', platform('5'), ['2024-01-16', '2024-02-01'], '2024-01-21', jan, undefined, ['1.77', '0.00', '0.00', '1.77']],
    ['S19 annual support: 1200.00 − 298.36', { ...platform('1200'), billingCadence: 'P1Y' } as RateCard, ['2024-01-01', '2025-01-01'], '2024-04-01', ['2024-01-01', '2025-01-01'], undefined, ['901.64', '0.00', '0.00', '901.64']],
    ['a percentage discount is credited too', { ...platform('30'), discounts: { percentage: 10 } } as RateCard, ['2024-01-01', '2024-02-01'], '2024-01-11', jan, undefined, ['20.32', '2.03', '0.00', '18.29']],
  ] as const)('%s', (_, card, [from, to], newEnd, full, tax, expected) => {
    const original = billed(card, from, to, full as [string, string], tax);
    const recomputed = billed(card, from, newEnd, full as [string, string], tax);
    if (original === null) throw new Error('no original line');
    const note = creditNoteDifference(original, recomputed);
    expect(amounts(note)).toEqual(expected);
    expect(note?.period).toEqual({ from: d(newEnd), to: d(to) });
    // invoice + credit note = a fresh computation of the shortened line
    if (note !== null && recomputed !== null) {
      for (const f of ['amount', 'taxesTotal', 'total'] as const) expect((Number(original[f]) - Number(note[f])).toFixed(2)).toBe(recomputed[f]);
    }
  });

  it('a line recomputed to nothing is credited whole from the new end (clamped to its start)', () => {
    const original = billed(platform('30'), '2024-01-16', '2024-02-01', jan);
    if (original === null) throw new Error('no original line');
    expect(creditNoteDifference(original, null, { newEnd: '2024-01-16' })).toEqual({
      period: { from: d('2024-01-16'), to: d('2024-02-01') }, amount: '15.48', discountsTotal: '0.00', taxesTotal: '0.00', total: '15.48',
    });
    expect(creditNoteDifference(original, null, { newEnd: '2024-01-10' })?.period.from).toEqual(d('2024-01-16'));
    expect(creditNoteDifference(original, null)?.period.from).toEqual(d('2024-01-16'));
  });

  it('nothing to credit: the period did not shrink, or the amounts did not go down (SB9 full_period, PR4)', () => {
    const original = billed(platform('30'), '2024-01-01', '2024-02-01', jan);
    if (original === null) throw new Error('no original line');
    expect(creditNoteDifference(original, original)).toBeNull();
    // full_period cancel: the cut line keeps its amount
    expect(creditNoteDifference(original, { ...original, period: { from: d('2024-01-01'), to: d('2024-01-11') } })).toBeNull();
    expect(creditNoteDifference(original, null, { newEnd: '2024-02-01' })).toBeNull();
  });

  it('keeps the currency’s decimal places (JPY 0, BHD 3)', () => {
    const line = (amount: string, to: string): CreditableLine => ({ period: { from: d('2024-01-01'), to: d(to) }, amount, discountsTotal: '0', taxesTotal: '0', total: amount });
    expect(creditNoteDifference(line('3000', '2024-02-01'), line('968', '2024-01-11'))?.amount).toBe('2032');
    expect(creditNoteDifference(line('30.000', '2024-02-01'), line('9.677', '2024-01-11'))?.total).toBe('20.323');
  });
});
