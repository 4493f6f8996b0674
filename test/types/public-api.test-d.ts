import { describe, expectTypeOf, it } from 'vitest';
import {
  type Customer,
  type CustomerCreateInput,
  type Feature,
  type Plan,
  type Tollgate,
  type TollgateEventMap,
  ValidationError,
  type ValidationIssue,
  createTollgate,
} from 'tollgate';
import { type Invoice, type Period, type PriceUsageOptions, periodAt, simulateInvoice } from 'tollgate/core';
import { TestClock } from 'tollgate/testing';

describe('public types', () => {
  it('createTollgate returns a Tollgate whose services return typed resources', () => {
    const tg = createTollgate();
    expectTypeOf(tg).toEqualTypeOf<Tollgate>();
    expectTypeOf(tg.customers.create).returns.resolves.toEqualTypeOf<Customer>();
    expectTypeOf(tg.features.get).returns.resolves.toEqualTypeOf<Feature>();
    expectTypeOf(tg.plans.publish).returns.resolves.toEqualTypeOf<Plan>();
  });

  it('inputs accept numbers or decimal strings and Dates or ISO strings, never anything else', () => {
    expectTypeOf<CustomerCreateInput['key']>().toEqualTypeOf<string>();
    expectTypeOf<PriceUsageOptions['quantity']>().toEqualTypeOf<string | number | undefined>();
    expectTypeOf(periodAt).parameter(2).toEqualTypeOf<Date | string>();
    expectTypeOf(periodAt).returns.toEqualTypeOf<Period>();
  });

  it('outputs are decimal strings and Dates', () => {
    expectTypeOf<Invoice['totals']['amountDue']>().toEqualTypeOf<string>();
    expectTypeOf(simulateInvoice).returns.toEqualTypeOf<Invoice>();
    expectTypeOf<Period['from']>().toEqualTypeOf<Date>();
  });

  it('notifications are typed by name', () => {
    expectTypeOf<TollgateEventMap['customer.created']>().toEqualTypeOf<{ customer: Customer }>();
    const tg = createTollgate();
    expectTypeOf(tg.on<'customer.created'>).parameter(1).parameter(0).toEqualTypeOf<{ customer: Customer }>();
    expectTypeOf(tg.on).returns.toEqualTypeOf<() => void>();
  });

  it('errors expose their issues and the clock is injectable', () => {
    expectTypeOf<ValidationError['issues']>().toEqualTypeOf<readonly ValidationIssue[]>();
    expectTypeOf(new TestClock().advance).returns.toEqualTypeOf<TestClock>();
  });
});
