/**
 * BILLING.md §3 worked scenarios, the parts the pure core decides: which lines, their periods,
 * invoiceAt and amounts (storage, numbering, issue and the clock are the facade's).
 */
import { describe, expect, it } from 'vitest';
import { billSubscription, creditNoteDifference, subscriptionLines, type BillSubscriptionInput, type BillingInvoice } from '../../../src/core/billing';
import { subscriptionTimeline } from '../../../src/core/subscriptions';
import { audit, basic, brief, d, day, launch, pro, setup, storage, support, team, trial, withCards } from './fixtures';

const summary = (invoice: BillingInvoice) => ({
  at: day(invoice.invoiceAt),
  lines: invoice.lines.map((l) => `${l.rateCardKey} [${day(l.period.from)}, ${day(l.period.to)}) ${l.total}`),
  total: invoice.totals.total,
});
const bill = (plan: BillSubscriptionInput['plan'], subscription: BillSubscriptionInput['subscription'], at: BillSubscriptionInput['at'], usage: BillSubscriptionInput['usage'] = {}) =>
  billSubscription({ plan, subscription, usage, at, customerId: 'acme' }).map(summary);

describe('BILLING.md §3 scenarios (pure core)', () => {
  it('S1 first invoice: platform [Jan 1, Feb 1) 30.00, collected at invoiceAt (no usage line)', () => {
    const [invoice] = billSubscription({ plan: pro, subscription: { activeFrom: '2024-01-01' }, usage: {}, at: '2024-01-01' });
    expect(invoice && summary(invoice)).toEqual({ at: '2024-01-01', lines: ['platform [2024-01-01, 2024-02-01) 30.00'], total: '30.00' });
    expect(invoice?.collectionAt).toEqual(d('2024-01-01'));
  });

  it('S2 period end: api [Jan 1, Feb 1) 15.00 + platform [Feb 1, Mar 1) 30.00 = 45.00, collectionAt 01:00', () => {
    const [invoice] = billSubscription({ plan: pro, subscription: { activeFrom: '2024-01-01' }, usage: { api_calls: 1500 }, at: '2024-02-01' });
    expect(invoice && summary(invoice)).toEqual({ at: '2024-02-01', lines: ['platform [2024-02-01, 2024-03-01) 30.00', 'api [2024-01-01, 2024-02-01) 15.00'], total: '45.00' });
    expect(invoice?.collectionAt).toEqual(d('2024-02-01T01:00:00Z'));
  });

  it('S8 mid-period start: 15.48 with the Jan 1 anchor, a full 30.00 [Jan 16, Feb 16) without', () => {
    expect(bill(pro, { activeFrom: '2024-01-16', billingAnchor: '2024-01-01' }, '2024-01-16')).toEqual([
      { at: '2024-01-16', lines: ['platform [2024-01-16, 2024-02-01) 15.48'], total: '15.48' },
    ]);
    expect(bill(pro, { activeFrom: '2024-01-16' }, '2024-01-16')).toEqual([{ at: '2024-01-16', lines: ['platform [2024-01-16, 2024-02-16) 30.00'], total: '30.00' }]);
  });

  it('S9 anchor on the 31st: invoices Jan 31, Feb 29, Mar 31, Apr 30, May 31, each platform 30.00', () => {
    const out = bill(pro, { activeFrom: '2024-01-31' }, { from: '2024-01-31', to: '2024-06-01' });
    expect(out.map((i) => i.at)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31']);
    expect(out.map((i) => i.lines.find((l) => l.startsWith('platform')))).toEqual([
      'platform [2024-01-31, 2024-02-29) 30.00',
      'platform [2024-02-29, 2024-03-31) 30.00',
      'platform [2024-03-31, 2024-04-30) 30.00',
      'platform [2024-04-30, 2024-05-31) 30.00',
      'platform [2024-05-31, 2024-06-30) 30.00',
    ]);
  });

  it('S10 31st anchor, late start: [Feb 10, Feb 29) 19.66, then Feb 29 30.00', () => {
    expect(bill(pro, { activeFrom: '2024-02-10', billingAnchor: '2024-01-31' }, { from: '2024-02-10', to: '2024-03-01' })).toEqual([
      { at: '2024-02-10', lines: ['platform [2024-02-10, 2024-02-29) 19.66'], total: '19.66' },
      { at: '2024-02-29', lines: ['platform [2024-02-29, 2024-03-31) 30.00', 'api [2024-02-10, 2024-02-29) 0.00'], total: '30.00' },
    ]);
  });

  it('S11 anchor not moved: platform [Mar 3, Mar 15) of the 29-day [Feb 15, Mar 15) = 12.41', () => {
    expect(bill(pro, { activeFrom: '2024-03-03', billingAnchor: '2023-01-15' }, '2024-03-03')).toEqual([
      { at: '2024-03-03', lines: ['platform [2024-03-03, 2024-03-15) 12.41'], total: '12.41' },
    ]);
  });

  it('S13 phase switch on the grid: Jan 1 15.00; Feb 1 api(Jan) + 15.00; Mar 1 api(Feb) + 30.00', () => {
    const usage = (q: { from: Date }) => (day(q.from) === '2024-01-01' ? 1000 : 2000);
    expect(bill(launch, { activeFrom: '2024-01-01' }, { from: '2024-01-01', to: '2024-03-02' }, usage)).toEqual([
      { at: '2024-01-01', lines: ['platform [2024-01-01, 2024-02-01) 15.00'], total: '15.00' },
      { at: '2024-02-01', lines: ['platform [2024-02-01, 2024-03-01) 15.00', 'api [2024-01-01, 2024-02-01) 10.00'], total: '25.00' },
      { at: '2024-03-01', lines: ['api [2024-02-01, 2024-03-01) 20.00', 'platform [2024-03-01, 2024-04-01) 30.00'], total: '50.00' },
    ]);
  });

  it('S14 phase switch off the grid: 10.65, 15.00, 4.35, 21.29, 30.00; usage [Mar 1, Mar 10) invoiced Mar 10', () => {
    const out = bill(launch, { activeFrom: '2024-01-10', billingAnchor: '2024-01-01' }, { from: '2024-01-01', to: '2024-04-02' }, { api_calls: 100 });
    expect(out.map((i) => [i.at, i.lines.find((l) => l.startsWith('platform'))])).toEqual([
      ['2024-01-10', 'platform [2024-01-10, 2024-02-01) 10.65'],
      ['2024-02-01', 'platform [2024-02-01, 2024-03-01) 15.00'],
      ['2024-03-01', 'platform [2024-03-01, 2024-03-10) 4.35'],
      ['2024-03-10', 'platform [2024-03-10, 2024-04-01) 21.29'],
      ['2024-04-01', 'platform [2024-04-01, 2024-05-01) 30.00'],
    ]);
    expect(out.find((i) => i.at === '2024-03-10')?.lines).toContain('api [2024-03-01, 2024-03-10) 1.00');
  });

  it('S16 trial: no invoice Jan 1; Jan 15 platform 16.45; Feb 1 20.00 + 30.00; trial calls never billed', () => {
    // 800 calls in the trial, 2000 after: the source answers by period, the trial has no priced line to ask for
    const usage = (q: { from: Date }) => (q.from < d('2024-01-15') ? 800 : 2000);
    expect(bill(trial, { activeFrom: '2024-01-01' }, '2024-01-01', usage)).toEqual([]);
    expect(bill(trial, { activeFrom: '2024-01-01' }, { from: '2024-01-01', to: '2024-02-02' }, usage)).toEqual([
      { at: '2024-01-15', lines: ['platform [2024-01-15, 2024-02-01) 16.45'], total: '16.45' },
      { at: '2024-02-01', lines: ['platform [2024-02-01, 2024-03-01) 30.00', 'api [2024-01-15, 2024-02-01) 20.00'], total: '50.00' },
    ]);
  });

  it('S17 trial anchored at its end: Jan 15 platform [Jan 15, Feb 15) 30.00, then the 15th', () => {
    const out = bill(trial, { activeFrom: '2024-01-01', billingAnchor: { phaseStart: 'default' } }, { from: '2024-01-01', to: '2024-03-16' });
    expect(out.map((i) => [i.at, i.lines.find((l) => l.startsWith('platform'))])).toEqual([
      ['2024-01-15', 'platform [2024-01-15, 2024-02-15) 30.00'],
      ['2024-02-15', 'platform [2024-02-15, 2024-03-15) 30.00'],
      ['2024-03-15', 'platform [2024-03-15, 2024-04-15) 30.00'],
    ]);
  });

  it('S18 one-time fee: Jan 1 130.00, none Feb 1; on trial’s default phase Jan 15; a cancel keeps it whole', () => {
    const plan = withCards(pro, setup());
    expect(bill(plan, { activeFrom: '2024-01-01' }, { from: '2024-01-01', to: '2024-02-02' }).map((i) => [i.at, i.total])).toEqual([
      ['2024-01-01', '130.00'],
      ['2024-02-01', '30.00'],
    ]);
    const trialPlan = { ...trial, phases: [trial.phases[0]!, { ...trial.phases[1]!, rateCards: [...trial.phases[1]!.rateCards, setup()] }] };
    expect(bill(trialPlan, { activeFrom: '2024-01-01' }, '2024-01-15')).toEqual([
      { at: '2024-01-15', lines: ['platform [2024-01-15, 2024-02-01) 16.45', 'setup [2024-01-15, 2024-02-01) 100.00'], total: '116.45' },
    ]);
    // cancelled Jan 20: the platform line shrinks, the setup fee does not (PR4)
    expect(bill(plan, { activeFrom: '2024-01-01', activeTo: '2024-01-20' }, '2024-01-01')[0]?.lines).toEqual([
      'platform [2024-01-01, 2024-01-20) 18.39',
      'setup [2024-01-01, 2024-01-20) 100.00', // its period is the (clipped) billing period, its amount whole
    ]);
  });

  it('S19 annual item: Jan 1 1230.00, no support line Feb 1 … Dec 1, 1200 again Jan 1 2025; cancel Apr 1 → 298.36, CN 901.64', () => {
    const plan = withCards(pro, support);
    const year = bill(plan, { activeFrom: '2024-01-01' }, { from: '2024-01-01', to: '2025-01-02' });
    expect(year.map((i) => i.total)).toEqual(['1230.00', ...Array(11).fill('30.00'), '1230.00']);
    expect(year.slice(1, 12).every((i) => !i.lines.some((l) => l.startsWith('support')))).toBe(true);
    const original = billSubscription({ plan, subscription: { activeFrom: '2024-01-01' }, usage: {}, at: '2024-01-01' })[0]?.lines.find((l) => l.rateCardKey === 'support');
    const shortened = billSubscription({ plan, subscription: { activeFrom: '2024-01-01', activeTo: '2024-04-01' }, usage: {}, at: '2024-01-01' })[0]?.lines.find((l) => l.rateCardKey === 'support');
    expect(shortened?.total).toBe('298.36');
    if (original === undefined || shortened === undefined) throw new Error('missing support line');
    expect(creditNoteDifference(original, shortened)).toMatchObject({ period: { from: d('2024-04-01'), to: d('2025-01-01') }, amount: '901.64', total: '901.64' });
  });

  it('S20 daily in-arrears item: the Feb 1 invoice carries 31 lines of 1.00 (…/p0 … /p30)', () => {
    const [invoice] = billSubscription({ plan: withCards(pro, storage), subscription: { activeFrom: '2024-01-01' }, usage: { api_calls: 1500 }, at: '2024-02-01', subscriptionId: 'sub' });
    const daily = invoice?.lines.filter((l) => l.rateCardKey === 'storage') ?? [];
    expect(daily.map((l) => l.key)).toEqual(Array.from({ length: 31 }, (_, i) => `sub/default/storage/v0/p${i}`));
    expect(daily.every((l) => l.total === '1.00')).toBe(true);
    expect(invoice?.totals.total).toBe('76.00'); // 31.00 + api 15.00 + platform 30.00
  });

  it('S21 quarterly in arrears, cut Feb 1: [Jan 1, Feb 1) 9 × 31/91 = 3.07, invoiceAt Feb 1', () => {
    const [invoice] = billSubscription({ plan: withCards(pro, audit), subscription: { activeFrom: '2024-01-01', activeTo: '2024-02-01' }, usage: {}, at: '2024-02-01' });
    expect(invoice?.lines.find((l) => l.rateCardKey === 'audit')).toMatchObject({ period: { from: d('2024-01-01'), to: d('2024-02-01') }, total: '3.07', invoiceAt: d('2024-02-01') });
  });

  it('S27/S30 cancel now: CN = 30.00 − 9.68 = 20.32; with 20 % tax 24.38 (amount 20.32, tax 4.06)', () => {
    const line = (activeTo: string | undefined, tax: boolean) =>
      billSubscription({
        plan: pro,
        subscription: { activeFrom: '2024-01-01', ...(activeTo ? { activeTo } : {}) },
        usage: {},
        at: '2024-01-01',
        ...(tax ? { taxConfig: { rate: '0.2', behavior: 'exclusive' as const } } : {}),
      })[0]?.lines[0] ?? null;
    const plain = line(undefined, false);
    if (plain === null) throw new Error('no line');
    expect(creditNoteDifference(plain, line('2024-01-11', false))).toMatchObject({ amount: '20.32', total: '20.32' });
    const taxed = line(undefined, true);
    if (taxed === null) throw new Error('no line');
    expect(taxed.total).toBe('36.00');
    expect(creditNoteDifference(taxed, line('2024-01-11', true))).toMatchObject({ amount: '20.32', taxesTotal: '4.06', total: '24.38' });
  });

  it('S12 time zone: New York boundaries Apr 1 04:00Z and May 1 04:00Z, a full 30.00', () => {
    const timeline = subscriptionTimeline({ plan: pro, activeFrom: '2024-03-01T05:00:00Z', timeZone: 'America/New_York', to: '2024-05-02' });
    const platform = subscriptionLines(timeline, { from: '2024-03-01', to: '2024-05-02' }).filter((l) => l.rateCardKey === 'platform');
    expect(platform.map(brief)).toEqual([
      'subscription/default/platform/v0/p0 [2024-03-01T05:00:00.000Z, 2024-04-01T04:00:00.000Z) @2024-03-01T05:00:00.000Z',
      'subscription/default/platform/v0/p1 [2024-04-01T04:00:00.000Z, 2024-05-01T04:00:00.000Z) @2024-04-01T04:00:00.000Z',
      'subscription/default/platform/v0/p2 [2024-05-01T04:00:00.000Z, 2024-06-01T04:00:00.000Z) @2024-05-01T04:00:00.000Z',
    ]);
    const [invoice] = billSubscription({ plan: pro, subscription: { activeFrom: '2024-03-01T05:00:00Z', timeZone: 'America/New_York' }, usage: {}, at: '2024-03-01T05:00:00Z' });
    expect(invoice?.totals.total).toBe('30.00');
  });

  it('S23 upgrade now: Jan 16 draft = basic api [Jan 1, Jan 16) 10.00 + pro platform [Jan 16, Feb 1) 15.48 = 25.48', () => {
    // change = cancel(basic, Jan 16) + create(pro, Jan 16) with basic's anchor (SB11): two subscriptions, one invoiceAt
    const old = billSubscription({ plan: basic, subscription: { activeFrom: '2024-01-01', activeTo: '2024-01-16' }, usage: { api_calls: 500 }, at: '2024-01-16', subscriptionId: 'basic' });
    const next = billSubscription({ plan: pro, subscription: { activeFrom: '2024-01-16', billingAnchor: '2024-01-01' }, usage: {}, at: '2024-01-16', subscriptionId: 'pro' });
    const lines = [...old, ...next].flatMap((i) => i.lines.map((l) => `${l.key} ${l.total}`));
    expect(lines).toEqual(['basic/default/api/v0/p0 10.00', 'pro/default/platform/v0/p0 15.48']);
    expect([...old, ...next].map((i) => i.id)).toEqual(['/USD/2024-01-16T00:00:00.000Z', '/USD/2024-01-16T00:00:00.000Z']); // one IV1 group
    // and the credit note on basic's Jan 1 platform line: 10.00 − 4.84 = 5.16
    const issued = billSubscription({ plan: basic, subscription: { activeFrom: '2024-01-01' }, usage: {}, at: '2024-01-01' })[0]?.lines[0];
    const shrunk = billSubscription({ plan: basic, subscription: { activeFrom: '2024-01-01', activeTo: '2024-01-16' }, usage: {}, at: '2024-01-01' })[0]?.lines[0] ?? null;
    if (issued === undefined) throw new Error('no line');
    expect(creditNoteDifference(issued, shrunk)?.total).toBe('5.16');
  });

  it('S24 downgrade at next cycle: Feb 1 = pro api 15.00 + basic platform 10.00 = 25.00, no proration', () => {
    const current = billSubscription({ plan: pro, subscription: { activeFrom: '2024-01-01', activeTo: '2024-02-01' }, usage: { api_calls: 1500 }, at: '2024-02-01' });
    const next = billSubscription({ plan: basic, subscription: { activeFrom: '2024-02-01', billingAnchor: '2024-01-01' }, usage: {}, at: '2024-02-01' });
    expect([...current, ...next].map(summary)).toEqual([
      { at: '2024-02-01', lines: ['api [2024-01-01, 2024-02-01) 15.00'], total: '15.00' },
      { at: '2024-02-01', lines: ['platform [2024-02-01, 2024-03-01) 10.00'], total: '10.00' },
    ]);
  });

  it('S31 add an item mid-period: [Jan 16, Feb 1) 5 × 16/31 = 2.58 on Jan 16, then 5.00 on Feb 1', () => {
    const priority = { key: 'priority', type: 'flat_fee' as const, price: { type: 'flat' as const, amount: 5 }, billingCadence: 'P1M' };
    const subscription = { activeFrom: '2024-01-01', edits: [{ at: '2024-01-16', customizations: [{ op: 'add_item' as const, phase: 'default', rateCard: priority }] }] };
    const out = bill(pro, subscription, { from: '2024-01-16', to: '2024-02-02' }).map((i) => [i.at, i.lines.filter((l) => l.startsWith('priority'))]);
    expect(out).toEqual([
      ['2024-01-16', ['priority [2024-01-16, 2024-02-01) 2.58']],
      ['2024-02-01', ['priority [2024-02-01, 2024-03-01) 5.00']],
    ]);
  });

  it('S40 tiers restart on a new version: v0 [Jan 1, Jan 16) 20.00, v1 [Jan 16, Feb 1) 16.00', () => {
    const cheaper = { type: 'tiered' as const, mode: 'graduated' as const, tiers: [{ upTo: 1000, unitAmount: 0 }, { upTo: 5000, unitAmount: '0.008' }, { unitAmount: '0.005' }] };
    const subscription = { activeFrom: '2024-01-01', edits: [{ at: '2024-01-16', customizations: [{ op: 'override_price' as const, phase: 'default', item: 'api', price: cheaper }] }] };
    const [invoice] = billSubscription({ plan: team, subscription, usage: () => 3000, at: '2024-02-01' });
    expect(invoice?.lines.filter((l) => l.rateCardKey === 'api').map((l) => `${l.key} [${day(l.period.from)}, ${day(l.period.to)}) ${l.total}`)).toEqual([
      'subscription/default/api/v0/p0 [2024-01-01, 2024-01-16) 20.00',
      'subscription/default/api/v1/p0 [2024-01-16, 2024-02-01) 16.00',
    ]);
  });

  it('S42 prorated minimum: created Jan 22 (anchor Jan 1), minimum 31 × 10/31 = 10.00; 400 calls → 4.00 + 6.00', () => {
    const plan = { ...pro, phases: [{ key: 'default', rateCards: [{ key: 'api', type: 'usage_based' as const, feature: 'api_calls', billingCadence: 'P1M', price: { type: 'unit' as const, amount: '0.01', minimumAmount: 31 } }] }] };
    const [invoice] = billSubscription({ plan, subscription: { activeFrom: '2024-01-22', billingAnchor: '2024-01-01' }, usage: { api_calls: 400 }, at: '2024-02-01' });
    expect(invoice?.lines[0]).toMatchObject({ period: { from: d('2024-01-22'), to: d('2024-02-01') }, amount: '10.00', total: '10.00' });
  });

  it('S29 full-period cancel: the Jan 1 platform line stays 30.00 over [Jan 1, Jan 11), so no credit note; Jan 11 api 4.00', () => {
    const subscription = { activeFrom: '2024-01-01', activeTo: '2024-01-11', proration: 'full_period' as const };
    const [first] = billSubscription({ plan: pro, subscription, usage: { api_calls: 400 }, at: '2024-01-01' });
    const recomputed = first?.lines[0] ?? null;
    expect(recomputed).toMatchObject({ period: { from: d('2024-01-01'), to: d('2024-01-11') }, fullPeriod: { from: d('2024-01-01'), to: d('2024-02-01') }, total: '30.00' });
    const issued = billSubscription({ plan: pro, subscription: { activeFrom: '2024-01-01' }, usage: {}, at: '2024-01-01' })[0]?.lines[0];
    if (issued === undefined) throw new Error('no line');
    expect(creditNoteDifference(issued, recomputed)).toBeNull();
    expect(bill(pro, subscription, '2024-01-11', { api_calls: 400 })).toEqual([{ at: '2024-01-11', lines: ['api [2024-01-01, 2024-01-11) 4.00'], total: '4.00' }]);
  });
});
