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
