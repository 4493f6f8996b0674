import { describe, expect, it } from 'vitest';
import { billSubscription, type BillingInvoice } from '../../../src/core/billing';
import { ValidationError } from '../../../src/errors';
import { simulateInvoice } from '../../../src/core/invoice';
import { d, day, launch, pro, team } from './fixtures';

/** An invoice in one line per invoice line: `key period amount`, and its total. */
const summary = (invoice: BillingInvoice) => ({
  invoiceAt: day(invoice.invoiceAt),
  lines: invoice.lines.map((l) => `${l.rateCardKey} [${day(l.period.from)}, ${day(l.period.to)}) ${l.total}`),
  total: invoice.totals.total,
});

describe('billSubscription (CORE1)', () => {
  it('S52: pro created Jan 1, 1500 calls, at Feb 1 → one draft of 45.00, the lines of S2', () => {
    const invoices = billSubscription({ plan: pro, subscription: { activeFrom: '2024-01-01' }, usage: { api_calls: 1500 }, at: '2024-02-01' });
    expect(invoices.map(summary)).toEqual([
      { invoiceAt: '2024-02-01', lines: ['platform [2024-02-01, 2024-03-01) 30.00', 'api [2024-01-01, 2024-02-01) 15.00'], total: '45.00' },
    ]);
    const [invoice] = invoices;
    expect(invoice).toMatchObject({
      id: '/USD/2024-02-01T00:00:00.000Z',
      customerId: '',
      subscriptionId: 'subscription',
      currency: 'USD',
      status: 'draft',
      number: null,
      period: { from: d('2024-01-01'), to: d('2024-03-01') },
      invoiceAt: d('2024-02-01'),
      collectionAt: d('2024-02-01T01:00:00Z'), // IV4: a usage line waits PT1H
      draftUntil: d('2024-02-01T01:00:00Z'),
      quantitiesFrozenAt: null,
      overdue: false,
      creditNoteIds: [],
    });
    expect(invoice?.lines[1]).toMatchObject({
      id: 'subscription/default/api/v0/p0',
      key: 'subscription/default/api/v0/p0',
      managedBy: 'subscription',
      subscription: { id: 'subscription', phase: 'default', item: 'api', version: 0, periodIndex: 0 },
      fullPeriod: { from: d('2024-01-01'), to: d('2024-02-01') },
      billingPeriod: { from: d('2024-01-01'), to: d('2024-02-01') },
      invoiceAt: d('2024-02-01'),
      quantity: '1500',
      meteredQuantity: '1500',
      amount: '15.00',
    });
  });

  it('S52: launch from Jan 10 anchored Jan 1, [Mar 1, Mar 11) → Mar 1 (0.00 + 4.35) and Mar 10 (0.00 + 21.29)', () => {
    const invoices = billSubscription({
      plan: launch,
      subscription: { activeFrom: '2024-01-10', billingAnchor: '2024-01-01' },
      usage: { api_calls: 0 },
      at: { from: '2024-03-01', to: '2024-03-11' },
    });
    expect(invoices.map(summary)).toEqual([
      { invoiceAt: '2024-03-01', lines: ['platform [2024-03-01, 2024-03-10) 4.35', 'api [2024-02-01, 2024-03-01) 0.00'], total: '4.35' },
      { invoiceAt: '2024-03-10', lines: ['api [2024-03-01, 2024-03-10) 0.00', 'platform [2024-03-10, 2024-04-01) 21.29'], total: '21.29' },
    ]);
    expect(invoices[1]?.lines.map((l) => l.key)).toEqual(['subscription/intro/api/v0/p2', 'subscription/default/platform/v0/p0']);
  });

  it('IV4: an invoice without a usage line is collected at invoiceAt; draftPeriod and grace are options', () => {
    const [first] = billSubscription({ plan: pro, subscription: { activeFrom: '2024-01-01' }, usage: {}, at: '2024-01-01' });
    expect(first).toMatchObject({ collectionAt: d('2024-01-01'), draftUntil: d('2024-01-01'), totals: { total: '30.00' } });
    const [second] = billSubscription({ plan: pro, subscription: { activeFrom: '2024-01-01' }, usage: {}, at: '2024-02-01', collectionGrace: 'PT2H', draftPeriod: 'P1D' });
    expect(second).toMatchObject({ collectionAt: d('2024-02-01T02:00:00Z'), draftUntil: d('2024-02-02T02:00:00Z') });
  });

  it('usage from a function is asked per usage line with its service period', () => {
    const asked: string[] = [];
    const invoices = billSubscription({
      plan: team,
      subscription: { activeFrom: '2024-01-01' },
      usage: (q) => {
        asked.push(`${q.feature} ${q.rateCardKey} ${day(q.from)} ${day(q.to)}`);
        return 8000;
      },
      at: '2024-02-01',
    });
    expect(asked).toEqual(['api_calls api 2024-01-01 2024-02-01']);
    // S38 check: unsplit 8000 → 0 + 40.00 + 15.00 = 55.00, + platform 49.00
    expect(invoices.map(summary)[0]?.total).toBe('104.00');
  });

  it('IV9: a default tax, a customer and a subscription id; rounding and currencies pass through', () => {
    const [invoice] = billSubscription({
      plan: pro,
      subscription: { activeFrom: '2024-01-16', billingAnchor: '2024-01-01' },
      usage: { api_calls: 0 },
      at: '2024-01-16',
      taxConfig: { rate: '0.2', behavior: 'exclusive' },
      customerId: 'acme',
      subscriptionId: 'sub_1',
    });
    expect(invoice).toMatchObject({ id: 'acme/USD/2024-01-16T00:00:00.000Z', customerId: 'acme', subscriptionId: 'sub_1' });
    expect(invoice?.totals).toMatchObject({ amount: '15.48', taxesTotal: '3.10', total: '18.58' });
    expect(invoice?.lines[0]?.key).toBe('sub_1/default/platform/v0/p0');
  });

  it('day proration counts days in the subscription’s zone', () => {
    const plan = { ...pro, proRating: { enabled: true, mode: 'day' as const } };
    // New York, anchored at local midnight Jan 1, created Jan 16 at 03:00Z = Jan 15 22:00 local: 17 of 31 local days
    const [invoice] = billSubscription({
      plan,
      subscription: { activeFrom: '2024-01-16T03:00:00Z', billingAnchor: '2024-01-01T05:00:00Z', timeZone: 'America/New_York' },
      usage: {},
      at: '2024-01-16T03:00:00Z',
    });
    expect(invoice?.lines[0]?.total).toBe('16.45'); // 30 × 17/31
  });

  it('nothing due → []; a line prorated to 0 gives no invoice', () => {
    expect(billSubscription({ plan: pro, subscription: { activeFrom: '2024-01-01' }, usage: {}, at: '2024-01-15' })).toEqual([]);
    const tiny = { ...pro, phases: [{ key: 'default', rateCards: [{ key: 'tiny', type: 'flat_fee' as const, price: { type: 'flat' as const, amount: '0.01' }, billingCadence: 'P1M' }] }] };
    expect(billSubscription({ plan: tiny, subscription: { activeFrom: '2024-01-31T23:00:00Z', billingAnchor: '2024-01-01' }, usage: {}, at: '2024-01-31T23:00:00Z' })).toEqual([]);
  });

  it('bad input → ValidationError', () => {
    expect(() => billSubscription({ plan: pro, subscription: { activeFrom: 'soon' }, usage: {}, at: '2024-02-01' })).toThrow(ValidationError);
    expect(() => billSubscription({ plan: pro, subscription: { activeFrom: '2024-01-01' }, usage: { api_calls: -1 }, at: '2024-02-01' })).toThrow(ValidationError);
    expect(() => billSubscription({ plan: pro, subscription: { activeFrom: '2024-01-01' }, usage: {}, at: { from: '2024-03-01', to: '2024-02-01' } })).toThrow(ValidationError);
  });

  it('compiled rate cards (issue 12 speed) change nothing: the calculator on the raw cards gives the same lines and totals', () => {
    const [invoice] = billSubscription({ plan: team, subscription: { activeFrom: '2024-01-01' }, usage: { api_calls: 8000 }, at: '2024-02-01', taxConfig: { rate: '0.2', behavior: 'exclusive' } });
    const [platform, api] = team.phases[0]?.rateCards ?? [];
    const jan = { from: d('2024-01-01'), to: d('2024-02-01') };
    const feb = { from: d('2024-02-01'), to: d('2024-03-01') };
    const raw = simulateInvoice({
      currency: 'USD',
      lines: [{ rateCard: platform!, period: feb, fullPeriod: feb }, { rateCard: api!, period: jan, fullPeriod: jan, quantity: 8000 }],
      taxConfig: { rate: '0.2', behavior: 'exclusive' },
    });
    expect(invoice?.totals).toEqual(raw.totals);
    expect(invoice?.lines.map((l) => [l.lines, l.amount, l.taxesTotal, l.total, l.quantity])).toEqual(raw.lines.map((l) => [l.lines, l.amount, l.taxesTotal, l.total, l.quantity]));
    // a second call reuses the compiled cards and gives the same invoice
    expect(billSubscription({ plan: team, subscription: { activeFrom: '2024-01-01' }, usage: { api_calls: 8000 }, at: '2024-02-01', taxConfig: { rate: '0.2', behavior: 'exclusive' } })).toEqual([invoice]);
  });

  it.each([
    // [case, usage, options, expected issue path and code]
    ['negative usage', { api_calls: -1 }, {}, 'lines[1].quantity', 'negative'],
    ['usage not a decimal', { api_calls: '1e5' }, {}, 'lines[1].quantity', 'invalid_decimal'],
    ['an unknown rounding mode', { api_calls: 1 }, { rounding: 'up' }, 'rounding', undefined],
  ] as const)('bad usage or options report the calculator’s own issues: %s', (_, usage, options, path, code) => {
    let error: unknown;
    try {
      billSubscription({ plan: pro, subscription: { activeFrom: '2024-01-01' }, usage, at: '2024-02-01', ...(options as object) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const issue = (error as ValidationError).issues[0];
    expect(issue?.path).toBe(path);
    if (code !== undefined) expect(issue?.code).toBe(code);
  });
});
