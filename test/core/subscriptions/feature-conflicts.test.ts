import { describe, expect, it } from 'vitest';
import type { EntitlementTemplate, RateCard } from '../../../src/core/catalog';
import { ConflictError } from '../../../src/errors';
import {
  assertNoFeatureConflicts,
  featureConflicts,
  subscriptionTimeline,
  timelineEntitlements,
  type FeatureSpan,
  type TimelinePlan,
} from '../../../src/core/subscriptions';
import { d, platform } from './fixtures';

const template: EntitlementTemplate = { type: 'metered', issueAfterReset: { amount: '10000' } };
const card = (key: string, feature: string): RateCard => ({
  key,
  type: 'usage_based',
  feature,
  price: { type: 'unit', amount: '0.01' },
  billingCadence: 'P1M',
  entitlementTemplate: template,
});
const pro: TimelinePlan = { currency: 'USD', billingCadence: 'P1M', phases: [{ key: 'default', rateCards: [platform('30'), card('api', 'api_calls')] }] };
const basic: TimelinePlan = { currency: 'USD', billingCadence: 'P1M', phases: [{ key: 'default', rateCards: [platform('10')] }] };
const launch: TimelinePlan = {
  currency: 'USD',
  billingCadence: 'P1M',
  phases: [
    { key: 'intro', duration: 'P1M', rateCards: [platform('15')] },
    { key: 'default', rateCards: [platform('30'), card('seats', 'seats'), card('api', 'api_calls')] },
  ],
};
const proposed = (plan: TimelinePlan, activeFrom: string, activeTo: string | null = null, startingPhase?: string) =>
  timelineEntitlements(subscriptionTimeline({ plan, activeFrom, activeTo, startingPhase, to: '2025-01-01' }));
const manual = (from: string, to: string | null = null, feature = 'api_calls'): FeatureSpan => ({ feature, from: d(from), to: to === null ? null : d(to), source: 'manual' });
const sub = (id: string, from: string, to: string | null = null, feature = 'api_calls'): FeatureSpan => ({
  feature,
  from: d(from),
  to: to === null ? null : d(to),
  source: 'subscription',
  subscriptionId: id,
});

describe('featureConflicts (SB14)', () => {
  it.each<[string, FeatureSpan[], TimelinePlan, string, string | null, string | undefined, string[], string?]>([
    ['none held', [], pro, '2024-01-01', null, undefined, []],
    ['open manual', [manual('2023-06-01')], pro, '2024-01-01', null, undefined, ['phases[0].rateCards[1].feature']],
    ['manual ended before', [manual('2023-06-01', '2024-01-01')], pro, '2024-01-01', null, undefined, []], // [from, to): touching is fine
    ['manual starting at the end', [manual('2024-02-01')], pro, '2024-01-01', '2024-02-01', undefined, []],
    ['manual starting later', [manual('2024-06-01', '2024-07-01')], pro, '2024-01-01', null, undefined, ['phases[0].rateCards[1].feature']],
    ['another feature', [manual('2023-06-01', null, 'seats')], pro, '2024-01-01', null, undefined, []],
    ['empty existing span', [manual('2024-03-01', '2024-03-01')], pro, '2024-01-01', null, undefined, []],
    ['another subscription', [sub('sub_a', '2023-01-01')], pro, '2024-01-01', null, undefined, ['phases[0].rateCards[1].feature']],
    ['the replaced subscription, excluded', [sub('sub_a', '2023-01-01')], pro, '2024-01-01', null, 'sub_a', []],
    ['excluded id does not hide a manual one', [sub('sub_a', '2023-01-01'), manual('2023-01-01')], pro, '2024-01-01', null, 'sub_a', ['phases[0].rateCards[1].feature']],
    ['plan without the feature', [manual('2023-06-01')], basic, '2024-01-01', null, undefined, []],
    ['second phase card path', [manual('2024-03-01', null, 'seats')], launch, '2024-01-01', null, undefined, ['phases[1].rateCards[1].feature']],
    ['only during the intro: no collision', [manual('2024-01-01', '2024-02-01')], launch, '2024-01-01', null, undefined, []],
    ['startingPhase keeps the plan index', [manual('2024-01-01')], launch, '2024-01-01', null, undefined, ['phases[1].rateCards[2].feature'], 'default'],
  ])('%s → %j', (_name, existing, plan, from, to, exclude, expected, startingPhase) => {
    expect(featureConflicts(existing, proposed(plan, from, to, startingPhase), plan, { excludeSubscriptionId: exclude }).map((c) => c.target)).toEqual(expected);
  });

  it('an item an edit added is named by the plan card with its feature, else the first card', () => {
    const edits = [
      { at: '2024-01-10', customizations: [{ op: 'remove_item' as const, phase: 'default', item: 'api' }] },
      { at: '2024-01-20', customizations: [{ op: 'add_item' as const, phase: 'default', rateCard: card('api2', 'api_calls') }, { op: 'add_item' as const, phase: 'default', rateCard: card('seats', 'seats') }] },
    ];
    const implied = timelineEntitlements(subscriptionTimeline({ plan: pro, activeFrom: '2024-01-01', edits, to: '2025-01-01' }));
    const held = [manual('2024-01-25'), manual('2024-01-25', null, 'seats')];
    expect(featureConflicts(held, implied, pro).map((c) => `${c.feature} ${c.target}`)).toEqual([
      'api_calls phases[0].rateCards[1].feature',
      'seats phases[0].rateCards[0].feature',
    ]);
  });

  it('lists every collision with both spans', () => {
    const existing = [manual('2023-01-01', '2024-01-15'), sub('sub_b', '2024-03-01')];
    const out = featureConflicts(existing, proposed(pro, '2024-01-01'), pro);
    expect(out.map((c) => [c.feature, c.from.toISOString(), c.to, c.existing])).toEqual([
      ['api_calls', '2024-01-01T00:00:00.000Z', null, existing[0]],
      ['api_calls', '2024-01-01T00:00:00.000Z', null, existing[1]],
    ]);
  });

  it('S51: acme holds a manual api_calls entitlement — creating pro → entitlement_conflict at phases[0].rateCards[1].feature; basic is accepted', () => {
    const held = [manual('2024-01-01')];
    let error: unknown;
    try {
      assertNoFeatureConflicts(held, proposed(pro, '2024-01-10'), pro);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ name: 'ConflictError', reason: 'entitlement_conflict', target: 'phases[0].rateCards[1].feature' });
    expect(() => assertNoFeatureConflicts(held, proposed(basic, '2024-01-10'), basic)).not.toThrow();
  });

  it("S23/S37: a change basic → pro at Jan 16 ignores the replaced subscription's own spans, still open-ended", () => {
    const held = [sub('sub_basic', '2024-01-01')];
    expect(() => assertNoFeatureConflicts(held, proposed(pro, '2024-01-16'), pro, { excludeSubscriptionId: 'sub_basic' })).not.toThrow();
    expect(() => assertNoFeatureConflicts(held, proposed(pro, '2024-01-16'), pro)).toThrow(ConflictError);
  });
});
