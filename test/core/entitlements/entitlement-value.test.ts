import { describe, expect, it } from 'vitest';
import {
  booleanEntitlementValue,
  inactiveEntitlementValue,
  issueAfterResetGrant,
  meteredEntitlementValue,
  noEntitlementValue,
  staticEntitlementValue,
  subscriptionInactiveValue,
  type MeteredBalance,
} from '../../../src/core/entitlements';
import { d, issuesOf } from './helpers';

const period = { from: new Date(d(1, 1)), to: new Date(d(2, 1)) };
const balance = (b: string, overage = '0'): MeteredBalance => ({ balance: b, usage: '60', overage, totalAvailableGrantAmount: '100' });

describe('meteredEntitlementValue (D9)', () => {
  it('grants while the balance is above zero', () => {
    expect(meteredEntitlementValue({ burnDownResult: balance('40'), currentUsagePeriod: period })).toEqual({
      type: 'metered',
      hasAccess: true,
      balance: '40',
      usage: '60',
      overage: '0',
      totalAvailableGrantAmount: '100',
      currentUsagePeriod: period,
    });
  });

  it('denies a zero balance with limit_reached', () => {
    expect(meteredEntitlementValue({ burnDownResult: balance('0', '5'), currentUsagePeriod: period })).toMatchObject({
      hasAccess: false,
      reason: 'limit_reached',
      overage: '5',
    });
  });

  it('with a quantity, grants while balance ≥ quantity', () => {
    const check = (b: string, quantity: string | number) =>
      meteredEntitlementValue({ burnDownResult: balance(b), currentUsagePeriod: period, quantity }).hasAccess;
    expect(check('5', 5)).toBe(true);
    expect(check('5', '5.01')).toBe(false);
    expect(check('0.3', 0.3)).toBe(true);
    expect(check('0', 0)).toBe(false);
  });

  it('a soft limit always grants', () => {
    const v = meteredEntitlementValue({ burnDownResult: balance('0', '30'), isSoftLimit: true, quantity: 10, currentUsagePeriod: period });
    expect(v).toMatchObject({ hasAccess: true, balance: '0', overage: '30' });
    expect(v.reason).toBeUndefined();
  });

  it('rejects a negative or malformed quantity', () => {
    expect(issuesOf(() => meteredEntitlementValue({ burnDownResult: balance('1'), quantity: -1, currentUsagePeriod: period }))).toEqual([
      'quantity negative',
    ]);
    expect(issuesOf(() => meteredEntitlementValue({ burnDownResult: balance('1'), quantity: '1e2', currentUsagePeriod: period }))).toEqual([
      'quantity invalid_decimal',
    ]);
  });
});

describe('other values', () => {
  it('builds boolean, static and denial values', () => {
    expect(booleanEntitlementValue()).toEqual({ type: 'boolean', hasAccess: true });
    expect(staticEntitlementValue({ seats: 5 })).toEqual({ type: 'static', hasAccess: true, config: { seats: 5 } });
    expect(noEntitlementValue()).toEqual({ hasAccess: false, reason: 'no_entitlement' });
    expect(inactiveEntitlementValue('static')).toEqual({ type: 'static', hasAccess: false, reason: 'inactive' });
    expect(subscriptionInactiveValue('metered')).toEqual({ type: 'metered', hasAccess: false, reason: 'subscription_inactive' });
  });
});

describe('issueAfterResetGrant', () => {
  it('is a grant of N with min = max rollover = N at the usage-period start', () => {
    expect(issueAfterResetGrant({ id: 'default', amount: '10000', usagePeriodStart: d(1, 1) })).toEqual({
      id: 'default',
      amount: '10000',
      priority: 1,
      effectiveAt: d(1, 1),
      minRolloverAmount: '10000',
      maxRolloverAmount: '10000',
    });
    expect(issueAfterResetGrant({ id: 'x', amount: 5, priority: 3, usagePeriodStart: d(1, 1) }).priority).toBe(3);
  });
});
