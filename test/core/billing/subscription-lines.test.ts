import { describe, expect, it } from 'vitest';
import { subscriptionLines } from '../../../src/core/billing';
import { billingPeriodAt, subscriptionTimeline, type SubscriptionTimelineInput } from '../../../src/core/subscriptions';
import { ValidationError } from '../../../src/errors';
import { audit, brief, d, day, launch, pro, setup, storage, support, trial, withCards } from './fixtures';

const lines = (input: SubscriptionTimelineInput, from: string, to: string, subscriptionId = 's') =>
  subscriptionLines(subscriptionTimeline({ ...input, to: input.activeTo ?? to }), { from, to, subscriptionId });

describe('subscriptionLines (BL1–BL4, BL8)', () => {
  it.each([
    // [case, timeline input, range from, range to, lines as `key [service) @invoiceAt`]
    ['BL3 flat in advance at its start, usage at the period end', { plan: pro, activeFrom: '2024-01-01' }, '2024-01-01', '2024-02-02', [
      's/default/platform/v0/p0 [2024-01-01, 2024-02-01) @2024-01-01',
      's/default/platform/v0/p1 [2024-02-01, 2024-03-01) @2024-02-01',
      's/default/api/v0/p0 [2024-01-01, 2024-02-01) @2024-02-01',
    ]],
    ['the range selects by invoiceAt, not by service period', { plan: pro, activeFrom: '2024-01-01' }, '2024-02-01', '2024-02-02', [
      's/default/platform/v0/p1 [2024-02-01, 2024-03-01) @2024-02-01',
      's/default/api/v0/p0 [2024-01-01, 2024-02-01) @2024-02-01',
    ]],
    ['an empty range has no line', { plan: pro, activeFrom: '2024-01-01' }, '2024-01-02', '2024-01-31', []],
    ['BL2 mid-period start: service cut, periodIndex from the version start', { plan: pro, activeFrom: '2024-01-16', billingAnchor: '2024-01-01' }, '2024-01-01', '2024-02-02', [
      's/default/platform/v0/p0 [2024-01-16, 2024-02-01) @2024-01-16',
      's/default/platform/v0/p1 [2024-02-01, 2024-03-01) @2024-02-01',
      's/default/api/v0/p0 [2024-01-16, 2024-02-01) @2024-02-01',
    ]],
    ['BL1 a null price has no line; phases cut the periods (S16)', { plan: trial, activeFrom: '2024-01-01' }, '2024-01-01', '2024-02-02', [
      's/default/platform/v0/p0 [2024-01-15, 2024-02-01) @2024-01-15',
      's/default/platform/v0/p1 [2024-02-01, 2024-03-01) @2024-02-01',
      's/default/api/v0/p0 [2024-01-15, 2024-02-01) @2024-02-01',
    ]],
    ['BL3 usage cut by a phase is due at its cut billing period end (S14)', { plan: launch, activeFrom: '2024-01-10', billingAnchor: '2024-01-01' }, '2024-03-01', '2024-03-11', [
      's/intro/platform/v0/p2 [2024-03-01, 2024-03-10) @2024-03-01',
      's/intro/api/v0/p1 [2024-02-01, 2024-03-01) @2024-03-01',
      's/intro/api/v0/p2 [2024-03-01, 2024-03-10) @2024-03-10',
      's/default/platform/v0/p0 [2024-03-10, 2024-04-01) @2024-03-10',
    ]],
    ['BL2 an annual item on a monthly plan: one line a year (S19)', { plan: withCards(pro, support), activeFrom: '2024-01-01' }, '2024-01-01', '2025-01-02', [
      's/default/support/v0/p0 [2024-01-01, 2025-01-01) @2024-01-01',
      's/default/support/v0/p1 [2025-01-01, 2026-01-01) @2025-01-01',
    ]],
    ['BL3 a quarterly in-arrears item cut by a cancel is due at the cut end (S21)', { plan: withCards(pro, audit), activeFrom: '2024-01-01', activeTo: '2024-02-01' }, '2024-01-01', '2024-06-01', [
      's/default/audit/v0/p0 [2024-01-01, 2024-02-01) @2024-02-01',
    ]],
    ['BL4 one-time in advance: at the version start, once per version (S18)', { plan: withCards(trial, setup()), activeFrom: '2024-01-01' }, '2024-01-01', '2024-03-02', [
      's/trial/setup/v0 [2024-01-01, 2024-01-15) @2024-01-01',
      's/default/setup/v0 [2024-01-15, 2024-02-01) @2024-01-15',
    ]],
    ['BL4 one-time in arrears: at the end of the billing period holding the start', { plan: withCards(pro, setup('in_arrears')), activeFrom: '2024-01-16', billingAnchor: '2024-01-01' }, '2024-01-01', '2024-03-02', [
      's/default/setup/v0 [2024-01-16, 2024-02-01) @2024-02-01',
    ]],
  ] as const)('%s', (_, input, from, to, expected) => {
    // the items the expectation names (every line of theirs), or every line
    const items = new Set(expected.map((e) => e.split('/')[2]));
    const out = lines(input as SubscriptionTimelineInput, from, to).filter((l) => items.size === 0 || items.has(l.rateCardKey));
    expect(out.map(brief)).toEqual(expected);
  });

  it('BL2/BL3 a daily in-arrears item: 31 lines p0 … p30, all due Feb 1 (S20)', () => {
    const out = lines({ plan: withCards(pro, storage), activeFrom: '2024-01-01' }, '2024-02-01', '2024-02-02').filter((l) => l.rateCardKey === 'storage');
    expect(out).toHaveLength(31);
    expect(out.map((l) => l.key)).toEqual(Array.from({ length: 31 }, (_, i) => `s/default/storage/v0/p${i}`));
    expect(new Set(out.map((l) => day(l.invoiceAt)))).toEqual(new Set(['2024-02-01']));
    expect(out[30]).toMatchObject({ servicePeriod: { from: d('2024-01-31'), to: d('2024-02-01') }, fullPeriod: { from: d('2024-01-31'), to: d('2024-02-01') } });
  });

  it('a P1M usage card on a P1Y plan is invoiced at the plan year end: twelve lines (BL3, §5.8)', () => {
    const plan = { ...pro, billingCadence: 'P1Y' };
    const out = lines({ plan, activeFrom: '2024-01-01' }, '2024-01-01', '2025-01-02').filter((l) => l.rateCardKey === 'api');
    expect(out).toHaveLength(12);
    expect(new Set(out.map((l) => day(l.invoiceAt)))).toEqual(new Set(['2025-01-01']));
    expect(out.every((l) => day(l.billingPeriod.from) === '2024-01-01' && day(l.billingPeriod.to) === '2025-01-01')).toBe(true);
  });

  it('BL8 item versions from edits get their own keys; the new version counts periods from its start', () => {
    const out = lines(
      {
        plan: pro,
        activeFrom: '2024-01-01',
        edits: [{ at: '2024-01-16', customizations: [{ op: 'override_price', phase: 'default', item: 'platform', price: { type: 'flat', amount: 40 } }] }],
      },
      '2024-01-01',
      '2024-03-02',
    ).filter((l) => l.rateCardKey === 'platform');
    expect(out.map(brief)).toEqual([
      's/default/platform/v0/p0 [2024-01-01, 2024-01-16) @2024-01-01',
      's/default/platform/v1/p0 [2024-01-16, 2024-02-01) @2024-01-16',
      's/default/platform/v1/p1 [2024-02-01, 2024-03-01) @2024-02-01',
      's/default/platform/v1/p2 [2024-03-01, 2024-04-01) @2024-03-01',
    ]);
  });

  it('a line carries its rate card, source, full and billing periods (PendingLine, extended)', () => {
    const [platformLine] = lines({ plan: pro, activeFrom: '2024-01-16', billingAnchor: '2024-01-01' }, '2024-01-16', '2024-01-17', 'sub_1');
    expect(platformLine).toEqual({
      key: 'sub_1/default/platform/v0/p0',
      subscriptionId: 'sub_1',
      name: 'platform',
      rateCardKey: 'platform',
      currency: 'USD',
      servicePeriod: { from: d('2024-01-16'), to: d('2024-02-01') },
      fullPeriod: { from: d('2024-01-01'), to: d('2024-02-01') },
      billingPeriod: { from: d('2024-01-16'), to: d('2024-02-01') },
      invoiceAt: d('2024-01-16'),
      rateCard: pro.phases[0]?.rateCards[0],
      subscription: { id: 'sub_1', phase: 'default', item: 'platform', version: 0, periodIndex: 0 },
    });
  });

  it('the billing period of a line is the timeline’s (SB5) and the subscription id defaults', () => {
    const timeline = subscriptionTimeline({ plan: launch, activeFrom: '2024-01-10', billingAnchor: '2024-01-01', to: '2024-06-01' });
    const out = subscriptionLines(timeline, { from: '2024-01-01', to: '2024-06-01' });
    for (const l of out) {
      const listed = billingPeriodAt(timeline.billingPeriods, l.servicePeriod.from);
      expect({ from: listed?.from, to: listed?.to }).toEqual(l.billingPeriod);
      expect(l.key.startsWith('subscription/')).toBe(true);
    }
  });

  it('a subscription in a zone bills on its local grid (S12)', () => {
    const out = lines({ plan: pro, activeFrom: '2024-03-01T05:00:00Z', timeZone: 'America/New_York' }, '2024-03-01T05:00:00Z', '2024-04-02');
    expect(out.map(brief)).toEqual([
      's/default/platform/v0/p0 [2024-03-01T05:00:00.000Z, 2024-04-01T04:00:00.000Z) @2024-03-01T05:00:00.000Z',
      's/default/platform/v0/p1 [2024-04-01T04:00:00.000Z, 2024-05-01T04:00:00.000Z) @2024-04-01T04:00:00.000Z',
      's/default/api/v0/p0 [2024-03-01T05:00:00.000Z, 2024-04-01T04:00:00.000Z) @2024-04-01T04:00:00.000Z',
    ]);
  });

  it('a long-running subscription lists only what the range needs', () => {
    const out = lines({ plan: withCards(pro, storage), activeFrom: '2024-01-01' }, '2034-02-01', '2034-02-02');
    expect(out.filter((l) => l.rateCardKey === 'storage')).toHaveLength(31);
    expect(out.find((l) => l.rateCardKey === 'platform')?.key).toBe('s/default/platform/v0/p121');
  });

  it('SB9 full_period: flat lines cut by activeTo bill in full; usage and uncut lines do not change', () => {
    const timeline = subscriptionTimeline({ plan: withCards(pro, support), activeFrom: '2024-01-01', activeTo: '2024-01-11', to: '2024-01-11' });
    const marked = (proration?: 'prorate' | 'full_period') =>
      subscriptionLines(timeline, { from: '2024-01-01', to: '2024-02-01', proration }).map((l) => `${l.rateCardKey} ${l.billInFull === true}`);
    expect(marked('full_period')).toEqual(['platform true', 'support true', 'api false']);
    expect(marked()).toEqual(['platform false', 'support false', 'api false']);
    // a cancel on a boundary cuts nothing
    const onBoundary = subscriptionTimeline({ plan: pro, activeFrom: '2024-01-01', activeTo: '2024-02-01', to: '2024-02-01' });
    expect(subscriptionLines(onBoundary, { from: '2024-01-01', to: '2024-02-02', proration: 'full_period' }).some((l) => l.billInFull)).toBe(false);
  });

  it('a reversed range → invalid_range', () => {
    const timeline = subscriptionTimeline({ plan: pro, activeFrom: '2024-01-01', to: '2024-03-01' });
    expect(() => subscriptionLines(timeline, { from: '2024-02-01', to: '2024-01-01' })).toThrow(ValidationError);
  });
});
