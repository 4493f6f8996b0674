import { describe, expect, it } from 'vitest';
import { StateError } from '../../../src/errors';
import { currencyMismatchIssues, resolvePlanVersion, type PlanVersionDates } from '../../../src/core/subscriptions';
import { d } from './fixtures';

function outcome(versions: PlanVersionDates[], choice: { version?: number }, now: string): string {
  try {
    const v = resolvePlanVersion(versions, choice, d(now));
    return v === undefined ? 'not_found' : `v${v.version}`;
  } catch (e) {
    if (e instanceof StateError) return `state:${e.reason}`;
    throw e;
  }
}

const draft = (version: number): PlanVersionDates => ({ version, effectiveFrom: null, effectiveTo: null });
const pub = (version: number, from: string, to: string | null = null): PlanVersionDates => ({
  version,
  effectiveFrom: d(from),
  effectiveTo: to === null ? null : d(to),
});

describe('resolvePlanVersion (SB1)', () => {
  // pro: v1 Jan 1 → Jan 10, v2 from Jan 10, v3 draft, v4 scheduled from Mar 1 (S34)
  const pro = [pub(1, '2024-01-01', '2024-01-10'), pub(2, '2024-01-10'), draft(3), pub(4, '2024-03-01')];
  it.each([
    [pro, {}, '2024-01-20', 'v2'],
    [pro, {}, '2024-01-05', 'v1'],
    [pro, {}, '2024-01-10', 'v2'], // effectiveTo is exclusive
    [pro, { version: 2 }, '2024-01-20', 'v2'],
    [pro, { version: 1 }, '2024-01-20', 'state:plan_not_subscribable'], // archived
    [pro, { version: 3 }, '2024-01-20', 'state:plan_not_subscribable'], // draft
    [pro, { version: 4 }, '2024-01-20', 'state:plan_not_subscribable'], // scheduled
    [pro, { version: 9 }, '2024-01-20', 'not_found'],
    [[], {}, '2024-01-20', 'not_found'],
    [[draft(1)], {}, '2024-01-20', 'state:plan_not_subscribable'], // draft only
    [[pub(1, '2024-01-01', '2024-01-10')], {}, '2024-01-20', 'state:plan_not_subscribable'], // archived only
    [[pub(1, '2024-02-01')], {}, '2024-01-20', 'state:plan_not_subscribable'], // scheduled only
    [[pub(1, '2024-01-01'), pub(2, '2024-01-05')], {}, '2024-01-20', 'v2'], // overlap: the highest
  ])('%#: %j at %s → %s', (versions, choice, now, expected) => {
    expect(outcome(versions, choice, now)).toBe(expected);
  });

  it('returns the stored version object itself (the snapshot the subscription keeps)', () => {
    const versions = [{ ...pub(1, '2024-01-01'), key: 'pro', body: { currency: 'USD' } }];
    expect(resolvePlanVersion(versions, {}, d('2024-01-20'))).toBe(versions[0]);
  });

  it('S34: after pro v2 is published on Jan 10, a new subscription on Jan 20 gets v2; v1 is no longer subscribable', () => {
    expect(outcome(pro, {}, '2024-01-20')).toBe('v2');
    expect(outcome(pro, { version: 1 }, '2024-01-20')).toBe('state:plan_not_subscribable');
  });
});

describe('currencyMismatchIssues (SB1)', () => {
  it.each([
    ['USD', null, []],
    ['USD', undefined, []],
    ['USD', 'USD', []],
    ['USD', 'EUR', ['plan:currency_mismatch']],
  ] as const)('%s for a customer in %s → %j', (plan, customer, expected) => {
    expect(currencyMismatchIssues(plan, customer).map((i) => `${i.path}:${i.code}`)).toEqual(expected);
  });

  it('takes the path of the plan choice', () => {
    expect(currencyMismatchIssues('USD', 'EUR', 'plan.custom.currency')[0]?.path).toBe('plan.custom.currency');
  });

  it('S46: a customer without currency holds USD and EUR plans; a customer in EUR subscribing to pro (USD) → currency_mismatch', () => {
    expect(currencyMismatchIssues('USD', null)).toEqual([]);
    expect(currencyMismatchIssues('EUR', null)).toEqual([]);
    expect(currencyMismatchIssues('USD', 'EUR').map((i) => i.code)).toEqual(['currency_mismatch']);
  });
});
