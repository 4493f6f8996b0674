import { describe, expectTypeOf, it } from 'vitest';
import { type Customization, type SubscriptionStatus, type SubscriptionTimeline, cadencesAlign, subscriptionTimeline } from 'tollgate/core';
import type { StateError, StateReason } from 'tollgate';

describe('subscriptions in tollgate/core', () => {
  it('subscriptionTimeline returns phases and billing periods with Dates', () => {
    type Result = ReturnType<typeof subscriptionTimeline>;
    expectTypeOf<Result>().toEqualTypeOf<SubscriptionTimeline>();
    expectTypeOf<Result['billingPeriods'][number]['from']>().toEqualTypeOf<Date>();
    expectTypeOf<Result['billingPeriods'][number]['phase']>().toEqualTypeOf<string>();
    expectTypeOf(cadencesAlign).returns.toEqualTypeOf<boolean>();
  });

  it('customizations are a closed union by op', () => {
    expectTypeOf<Customization['op']>().toEqualTypeOf<'add_item' | 'remove_item' | 'override_price'>();
  });

  it('statuses and reasons are literal unions', () => {
    expectTypeOf<SubscriptionStatus>().toEqualTypeOf<'scheduled' | 'active' | 'canceled' | 'inactive'>();
    expectTypeOf<'invalid_transition'>().toMatchTypeOf<StateReason>();
    expectTypeOf<StateError<StateReason>['reason']>().toEqualTypeOf<StateReason>();
  });
});

describe('tg.subscriptions', () => {
  it('returns Subscriptions with typed status, plan and phases', () => {
    type Service = import('tollgate').Tollgate['subscriptions'];
    type Created = Awaited<ReturnType<Service['create']>>;
    expectTypeOf<Created>().toEqualTypeOf<import('tollgate').Subscription>();
    expectTypeOf<Created['status']>().toEqualTypeOf<SubscriptionStatus>();
    expectTypeOf<Created['plan']>().toEqualTypeOf<{ key: string; version: number } | null>();
    expectTypeOf<Created['phases'][number]['items'][number]['entitlementId']>().toEqualTypeOf<string | null>();
    expectTypeOf<Awaited<ReturnType<Service['change']>>>().toEqualTypeOf<{ current: Created; next: Created }>();
    expectTypeOf<Awaited<ReturnType<Service['timeline']>>>().toEqualTypeOf<SubscriptionTimeline>();
  });

  it('timings and plan choices are typed inputs', () => {
    type Input = import('tollgate').SubscriptionChangeInput;
    expectTypeOf<{ plan: 'pro'; timing: 'next_billing_cycle' }>().toMatchTypeOf<Input>();
    expectTypeOf<{ plan: { key: 'pro'; version: 2 }; timing: 'immediate'; carryOverGrants: false }>().toMatchTypeOf<Input>();
    expectTypeOf<{ plan: 'pro'; timing: 'immediate'; proration: 'sometimes' }>().not.toMatchTypeOf<Input>();
    expectTypeOf<{ plan: 'pro' }>().not.toMatchTypeOf<Input>(); // change needs a timing
  });

  it('subscription notifications carry the subscription, its revision and the NT1 key', () => {
    type Events = import('tollgate').TollgateEventMap;
    expectTypeOf<Events['subscription.canceled']['subscription']>().toEqualTypeOf<import('tollgate').Subscription>();
    expectTypeOf<Events['subscription.created']['revision']>().toEqualTypeOf<number>();
    expectTypeOf<Events['subscription.deleted']['key']>().toEqualTypeOf<string>();
  });
});
