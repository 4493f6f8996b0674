import { describe, expect, it } from 'vitest';
import { itemInvoiceAt, manualItem, nextInvoiceAt, subscriptionLines, type ManualItemInput } from '../../../src/core/billing';
import { CurrencyRegistry } from '../../../src/core/money';
import { subscriptionTimeline } from '../../../src/core/subscriptions';
import { ValidationError } from '../../../src/errors';
import { d, day, pro } from './fixtures';

const jan10 = { customerCurrency: 'USD', createdAt: '2024-01-10' };

/** pro created Jan 1: its lines unbilled at Jan 10 (everything due from Jan 10 on). */
const proLines = subscriptionLines(subscriptionTimeline({ plan: pro, activeFrom: '2024-01-01', to: '2024-04-01' }), { from: '2024-01-10', to: '2024-04-01', subscriptionId: 'sub_1' });

describe('manualItem (MI1, §5.10)', () => {
  it.each([
    // [case, input, context, expected `currency amount qty unit @invoiceAt`]
    ['S45: 3 × 25 = 75, the customer’s currency, due at creation', { name: 'Onboarding', quantity: 3, unitAmount: 25 }, jan10, 'USD 75 qty 3 unit 25 @2024-01-10'],
    ['amount wins over quantity × unitAmount', { name: 'x', quantity: 3, unitAmount: 25, amount: '70' }, jan10, 'USD 70 qty 3 unit 25 @2024-01-10'],
    ['quantity defaults to 1', { name: 'x', unitAmount: '12.5' }, jan10, 'USD 12.5 qty 1 unit 12.5 @2024-01-10'],
    ['rounded once to the currency (half up)', { name: 'x', quantity: 3, unitAmount: '0.335' }, jan10, 'USD 1.01 qty 3 unit 0.335 @2024-01-10'],
    ['rounding half_even', { name: 'x', quantity: 1, unitAmount: '0.125' }, { ...jan10, rounding: 'half_even' }, 'USD 0.12 qty 1 unit 0.125 @2024-01-10'],
    ['a given amount is rounded too', { name: 'x', amount: '10.005' }, jan10, 'USD 10.01 qty 1 unit - @2024-01-10'],
    ['a zero-decimal currency', { name: 'x', quantity: 2, unitAmount: '99.5' }, { ...jan10, customerCurrency: 'JPY' }, 'JPY 199 qty 2 unit 99.5 @2024-01-10'],
    ['S46: an item’s own currency wins over the customer’s', { name: 'x', currency: 'GBP', amount: 5 }, jan10, 'GBP 5 qty 1 unit - @2024-01-10'],
    ['a customer without currency, the item’s given', { name: 'x', currency: 'EUR', amount: 5 }, { createdAt: '2024-01-10', customerCurrency: null }, 'EUR 5 qty 1 unit - @2024-01-10'],
    ['an explicit invoiceAt', { name: 'x', amount: 5, invoiceAt: '2024-03-01' }, jan10, 'USD 5 qty 1 unit - @2024-03-01'],
    ['next_invoice is kept for the run', { name: 'x', amount: 5, invoiceAt: 'next_invoice' }, jan10, 'USD 5 qty 1 unit - @next_invoice'],
  ] as const)('%s', (_, input, context, expected) => {
    const item = manualItem(input as ManualItemInput, context);
    const at = item.invoiceAt === 'next_invoice' ? 'next_invoice' : day(item.invoiceAt);
    expect(`${item.currency} ${item.amount} qty ${item.quantity} unit ${item.unitAmount ?? '-'} @${at}`).toBe(expected);
    expect(item.createdAt).toEqual(d('2024-01-10'));
  });

  it('custom currencies come from the registry', () => {
    const currencies = new CurrencyRegistry({ CRD: { precision: 4 } });
    expect(manualItem({ name: 'x', quantity: 3, unitAmount: '0.33335' }, { createdAt: '2024-01-10', customerCurrency: 'CRD', currencies }).amount).toBe('1.0001');
  });

  it('a period is kept', () => {
    expect(manualItem({ name: 'x', amount: 1, period: { from: '2024-01-01', to: '2024-02-01' } }, jan10).period).toEqual({ from: d('2024-01-01'), to: d('2024-02-01') });
  });

  it.each([
    // [case, input, context, expected issues `path code`]
    ['no currency anywhere → currency_required', { name: 'x', amount: 5 }, { createdAt: '2024-01-10' }, ['currency currency_required']],
    ['a customer currency null → currency_required', { name: 'x', amount: 5 }, { createdAt: '2024-01-10', customerCurrency: null }, ['currency currency_required']],
    ['an unknown currency', { name: 'x', amount: 5, currency: 'XXZ' }, jan10, ['currency unknown_currency']],
    ['neither amount nor unitAmount', { name: 'x', quantity: 2 }, jan10, ['amount amount_required']],
    ['negative quantity and amount, all at once', { name: 'x', quantity: -1, amount: -5 }, jan10, ['quantity negative', 'amount negative']],
    ['a reversed period', { name: 'x', amount: 1, period: { from: '2024-02-01', to: '2024-01-01' } }, jan10, ['period invalid_range']],
  ] as const)('bad input → ValidationError: %s', (_, input, context, expected) => {
    let error: unknown;
    try {
      manualItem(input as ManualItemInput, context);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => `${i.path} ${i.code}`)).toEqual(expected);
  });
});

describe('nextInvoiceAt and itemInvoiceAt (MI1 next_invoice)', () => {
  it('S45: an item created Jan 10 joins pro’s Feb 1 invoice', () => {
    expect(nextInvoiceAt({ currency: 'USD', createdAt: '2024-01-10' }, proLines)).toEqual(d('2024-02-01'));
  });

  it.each([
    // [case, item currency, createdAt, lines, expected]
    ['the earliest invoiceAt at or after creation', 'USD', '2024-02-01', proLines, '2024-02-01'],
    ['lines before the creation do not count', 'USD', '2024-02-01T00:00:01Z', proLines, '2024-03-01'],
    ['another currency’s lines do not count (MI2)', 'EUR', '2024-01-10', proLines, null],
    ['manual lines do not make a next invoice', 'USD', '2024-01-10', [{ currency: 'USD', invoiceAt: d('2024-01-20') }], null],
    ['no subscription line: it waits', 'USD', '2024-01-10', [], null],
  ] as const)('%s', (_, currency, createdAt, lines, expected) => {
    const at = nextInvoiceAt({ currency, createdAt }, lines);
    expect(at === null ? null : day(at)).toBe(expected);
  });

  it('itemInvoiceAt: a fixed instant as is, next_invoice resolved', () => {
    const own = manualItem({ name: 'Onboarding', quantity: 3, unitAmount: 25 }, jan10);
    const next = manualItem({ name: 'Onboarding', quantity: 3, unitAmount: 25, invoiceAt: 'next_invoice' }, jan10);
    expect(itemInvoiceAt(own, proLines)).toEqual(d('2024-01-10'));
    expect(itemInvoiceAt(next, proLines)).toEqual(d('2024-02-01'));
    expect(itemInvoiceAt(next, [])).toBeNull();
  });
});
