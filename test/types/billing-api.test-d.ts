import { describe, expectTypeOf, it } from 'vitest';
import { type BillingInvoice, type PendingLine, type SubscriptionLine, type UsageSource, billSubscription, subscriptionLines } from 'tollgate/core';
import type { BillingStateReason, StateReason } from 'tollgate';

describe('billing in tollgate/core', () => {
  it('subscriptionLines returns pending lines with Dates, extended with their source', () => {
    type Line = ReturnType<typeof subscriptionLines>[number];
    expectTypeOf<Line>().toEqualTypeOf<SubscriptionLine>();
    expectTypeOf<Line>().toMatchTypeOf<PendingLine>();
    expectTypeOf<Line['invoiceAt']>().toEqualTypeOf<Date>();
    expectTypeOf<Line['subscription']['periodIndex']>().toEqualTypeOf<number | undefined>();
  });

  it('billSubscription returns draft invoices without numbers', () => {
    type Result = ReturnType<typeof billSubscription>;
    expectTypeOf<Result>().toEqualTypeOf<BillingInvoice[]>();
    expectTypeOf<Result[number]['number']>().toEqualTypeOf<string | null>();
    expectTypeOf<Result[number]['lines'][number]['key']>().toEqualTypeOf<string | null>();
    expectTypeOf<{ api_calls: number }>().toMatchTypeOf<UsageSource>();
  });

  it('billing reasons are literal and part of StateReason', () => {
    expectTypeOf<BillingStateReason>().toEqualTypeOf<'not_draft' | 'invalid_transition' | 'has_credit_notes' | 'not_creditable' | 'nothing_to_invoice'>();
    expectTypeOf<BillingStateReason>().toMatchTypeOf<StateReason>();
  });
});
