import { describe, expect, it } from 'vitest';
import type { EntitlementTemplate, RateCard } from '../../../src/core/catalog';
import { subscriptionTimeline, timelineEntitlements, type SubscriptionEdit, type TimelinePlan } from '../../../src/core/subscriptions';
import { d, platform, span, spans } from './fixtures';

const proTemplate: EntitlementTemplate = { type: 'metered', issueAfterReset: { amount: '10000' } };
const metered = (amount: string, template: EntitlementTemplate | null = proTemplate): RateCard => ({
  key: 'api',
  type: 'usage_based',
  feature: 'api_calls',
  price: { type: 'unit', amount },
  billingCadence: 'P1M',
  ...(template === null ? {} : { entitlementTemplate: template }),
});
const plan = (...phases: Array<{ key: string; duration?: string; rateCards: RateCard[] }>): TimelinePlan => ({ currency: 'USD', billingCadence: 'P1M', phases });
const pro = plan({ key: 'default', rateCards: [platform('30'), metered('0.01')] });
const launch = plan({ key: 'intro', duration: 'P2M', rateCards: [platform('15'), metered('0.01')] }, { key: 'default', rateCards: [platform('30'), metered('0.01')] });
const entitlements = (p: TimelinePlan, edits: SubscriptionEdit[] = [], extra: { activeFrom?: string; billingAnchor?: string; activeTo?: string } = {}) =>
  timelineEntitlements(subscriptionTimeline({ plan: p, activeFrom: extra.activeFrom ?? '2024-01-01', activeTo: extra.activeTo ?? null, billingAnchor: extra.billingAnchor, edits, to: '2024-06-01' }));
const override = (at: string, phase: string, amount: string): SubscriptionEdit => ({
  at,
  customizations: [{ op: 'override_price', phase, item: 'api', price: { type: 'unit', amount } }],
});

describe('timelineEntitlements (EN1, EN2)', () => {
  it('S36: pro provisions one metered entitlement — P1M from the anchor, usage from the phase start, 10000 after each reset', () => {
    expect(entitlements(pro)).toEqual([
      {
        feature: 'api_calls',
        type: 'metered',
        template: proTemplate,
        activeFrom: d('2024-01-01'),
        activeTo: null,
        usagePeriod: { interval: 'P1M', anchor: d('2024-01-01'), timeZone: 'UTC' },
        measureUsageFrom: d('2024-01-01'),
        issueAfterReset: { amount: '10000', priority: 1 },
        isSoftLimit: false,
        preserveOverageAtReset: false,
        config: null,
        timeZone: 'UTC',
        sources: [{ phase: 'default', item: 'api', version: 0 }],
      },
    ]);
  });

  it.each<[string, TimelinePlan, SubscriptionEdit[], string[], number]>([
    ['a price-only override keeps one entitlement', pro, [override('2024-01-16', 'default', '0.008')], [span('2024-01-01', null)], 2],
    ['S13: both launch phases carry one template — one entitlement spans Mar 1', launch, [], [span('2024-01-01', null)], 2],
    ['an override in the intro, then the phase switch — still one', launch, [override('2024-02-10', 'intro', '0.02')], [span('2024-01-01', null)], 3],
    [
      'remove ends it',
      pro,
      [{ at: '2024-01-20', customizations: [{ op: 'remove_item', phase: 'default', item: 'api' }] }],
      [span('2024-01-01', '2024-01-20')],
      1,
    ],
    [
      'remove then re-add later: a gap, two entitlements',
      pro,
      [
        { at: '2024-01-20', customizations: [{ op: 'remove_item', phase: 'default', item: 'api' }] },
        { at: '2024-02-01', customizations: [{ op: 'add_item', phase: 'default', rateCard: metered('0.01') }] },
      ],
      [span('2024-01-01', '2024-01-20'), span('2024-02-01', null)],
      1,
    ],
  ])('%s', (_name, p, edits, expected, sourceCount) => {
    const list = entitlements(p, edits);
    expect(spans(list.map((e) => ({ from: e.activeFrom, to: e.activeTo })))).toEqual(expected);
    expect(list[0]?.sources).toHaveLength(sourceCount);
    expect(list.every((e) => e.measureUsageFrom?.getTime() === e.activeFrom.getTime() || e.activeFrom > d('2024-01-01'))).toBe(true);
  });

  it('a template change splits: the new entitlement starts at the phase switch', () => {
    const other: EntitlementTemplate = { type: 'metered', issueAfterReset: { amount: '20000' } };
    const p = plan({ key: 'intro', duration: 'P2M', rateCards: [metered('0.01')] }, { key: 'default', rateCards: [metered('0.01', other)] });
    const list = entitlements(p);
    expect(list.map((e) => [e.activeFrom, e.activeTo, e.issueAfterReset?.amount, e.measureUsageFrom])).toEqual([
      [d('2024-01-01'), d('2024-03-01'), '10000', d('2024-01-01')],
      [d('2024-03-01'), null, '20000', d('2024-03-01')],
    ]);
  });

  it('S16: trial (boolean-free flat card) then default — a template change, usage restarts Jan 15', () => {
    const trialCard: RateCard = { key: 'api', type: 'flat_fee', feature: 'api_calls', price: null, billingCadence: null, entitlementTemplate: { type: 'metered', issueAfterReset: { amount: 1000 } } };
    const p = plan({ key: 'trial', duration: 'P14D', rateCards: [trialCard] }, { key: 'default', rateCards: [platform('30'), metered('0.01')] });
    const list = entitlements(p);
    expect(list.map((e) => [e.activeFrom, e.activeTo, e.issueAfterReset?.amount, e.usagePeriod?.interval, e.measureUsageFrom])).toEqual([
      [d('2024-01-01'), d('2024-01-15'), '1000', 'P1M', d('2024-01-01')], // cadence null → the plan's
      [d('2024-01-15'), null, '10000', 'P1M', d('2024-01-15')],
    ]);
  });

  it('an equal template with another usage period does not merge', () => {
    const weekly: RateCard = { ...metered('0.01'), billingCadence: 'P1D' };
    const p = plan({ key: 'intro', duration: 'P2M', rateCards: [weekly] }, { key: 'default', rateCards: [metered('0.01')] });
    expect(entitlements(p).map((e) => e.usagePeriod?.interval)).toEqual(['P1D', 'P1M']);
  });

  it('usage period: the template interval wins over the cadences; the anchor is the billing anchor', () => {
    const p = plan({ key: 'default', rateCards: [metered('0.01', { type: 'metered', usagePeriod: { interval: 'P1D', anchor: '2020-01-01' } })] });
    const [e] = entitlements(p, [], { activeFrom: '2024-01-16', billingAnchor: '2024-01-01' });
    expect(e?.usagePeriod).toEqual({ interval: 'P1D', anchor: d('2024-01-01'), timeZone: 'UTC' });
    expect(e?.measureUsageFrom).toEqual(d('2024-01-16'));
    expect(e?.issueAfterReset).toBeNull();
  });

  it('an item added mid-phase measures usage from the phase start (EN2)', () => {
    const [e] = entitlements(plan({ key: 'default', rateCards: [platform('30')] }), [
      { at: '2024-01-16', customizations: [{ op: 'add_item', phase: 'default', rateCard: metered('0.01') }] },
    ]);
    expect([e?.activeFrom, e?.measureUsageFrom]).toEqual([d('2024-01-16'), d('2024-01-01')]);
  });

  it('a cancel ends it at activeTo', () => {
    expect(entitlements(launch, [], { activeTo: '2024-02-10' }).map((e) => e.activeTo)).toEqual([d('2024-02-10')]);
  });

  it('boolean and static templates: access only, no metered terms', () => {
    const p = plan({
      key: 'default',
      rateCards: [
        { key: 'sso', type: 'flat_fee', feature: 'sso', price: null, billingCadence: null, entitlementTemplate: { type: 'boolean' } },
        { key: 'seats', type: 'flat_fee', feature: 'seats', price: null, billingCadence: null, entitlementTemplate: { type: 'static', config: { max: 5 } } },
      ],
    });
    expect(entitlements(p).map((e) => [e.feature, e.type, e.config, e.usagePeriod, e.measureUsageFrom, e.issueAfterReset])).toEqual([
      ['sso', 'boolean', null, null, null, null],
      ['seats', 'static', { max: 5 }, null, null, null],
    ]);
  });

  it('no template or no feature → no entitlement', () => {
    const noFeature: RateCard = { key: 'x', type: 'flat_fee', price: null, billingCadence: null, entitlementTemplate: { type: 'boolean' } };
    expect(entitlements(plan({ key: 'default', rateCards: [platform('30'), metered('0.01', null), noFeature] }))).toEqual([]);
  });

  it('deep equality ignores key order and undefined keys; a changed number splits', () => {
    const a: EntitlementTemplate = { type: 'metered', isSoftLimit: true, issueAfterReset: { amount: '5', priority: 2 } };
    const b: EntitlementTemplate = { issueAfterReset: { priority: 2, amount: '5' }, isSoftLimit: true, preserveOverageAtReset: undefined, type: 'metered' };
    const c: EntitlementTemplate = { ...a, issueAfterReset: { amount: '5', priority: 3 } };
    const two = (x: EntitlementTemplate, y: EntitlementTemplate) =>
      entitlements(plan({ key: 'intro', duration: 'P1M', rateCards: [metered('0.01', x)] }, { key: 'default', rateCards: [metered('0.01', y)] })).length;
    expect(two(a, b)).toBe(1);
    expect(two(a, c)).toBe(2);
  });

  it('New York: the usage period keeps the zone of the timeline', () => {
    const t = subscriptionTimeline({ plan: pro, activeFrom: '2024-03-01T05:00:00Z', timeZone: 'America/New_York', to: '2024-04-01T04:00:00Z' });
    expect(timelineEntitlements(t)[0]).toMatchObject({ timeZone: 'America/New_York', usagePeriod: { interval: 'P1M', anchor: d('2024-03-01T05:00:00Z') } });
  });
});
