import { describe, expect, it } from 'vitest';
import { toValidationIssues } from '../../../src/schema/validate';
import { intervalSchema } from '../../../src/schema/common';
import { rateCardSchema } from '../../../src/schema/rate-card';

const issues = (card: unknown) => {
  const result = rateCardSchema.safeParse(card);
  return result.success ? [] : toValidationIssues(result.error.issues, 'phases[0].rateCards[2]').map((i) => `${i.path} ${i.code}`);
};
const usage = { key: 'api', type: 'usage_based', feature: 'api_calls', billingCadence: 'P1M', price: { type: 'unit', amount: '0.001' } };
const flat = { key: 'platform', type: 'flat_fee', price: { type: 'flat', amount: 49, paymentTerm: 'in_advance' }, billingCadence: 'P1M' };

describe('rate card schema', () => {
  it('accepts every shape of API.md', () => {
    expect(issues(usage)).toEqual([]);
    expect(issues(flat)).toEqual([]);
    expect(issues({ key: 'sso', type: 'flat_fee', price: null, billingCadence: null, feature: 'sso', entitlementTemplate: { type: 'boolean' } })).toEqual([]);
    expect(
      issues({
        ...usage,
        name: 'API calls',
        discounts: { percentage: '12.5', usage: 1000 },
        taxConfig: { rate: '0.2', behavior: 'inclusive' },
        entitlementTemplate: {
          type: 'metered',
          usagePeriod: { interval: 'P1M', anchor: '2024-01-01T00:00:00Z' },
          isSoftLimit: false,
          issueAfterReset: { amount: 1000, priority: 1 },
          preserveOverageAtReset: true,
        },
      }),
    ).toEqual([]);
    expect(issues({ ...flat, entitlementTemplate: { type: 'static', config: { seats: 5, sso: true } } })).toEqual([]);
  });

  it('reports the price problems under the rate card path', () => {
    expect(issues({ ...usage, price: { type: 'tiered', mode: 'graduated', tiers: [{ upTo: 5 }, { upTo: 5 }, {}] } })).toEqual([
      'phases[0].rateCards[2].price.tiers[1].upTo duplicate_up_to',
    ]);
  });

  it('requires a usage price, a feature and a cadence on a usage-based rate card', () => {
    expect(issues({ key: 'api', type: 'usage_based', price: { type: 'flat', amount: 1 } }).sort()).toEqual(
      [
        'phases[0].rateCards[2].price.type invalid_union',
        'phases[0].rateCards[2].billingCadence invalid_type',
        'phases[0].rateCards[2].feature invalid_type',
      ].sort(),
    );
  });

  it('checks discounts, tax and template', () => {
    expect(
      issues({
        ...usage,
        discounts: { percentage: 101, usage: -1 },
        taxConfig: { rate: 'twenty', behavior: 'exclusive' },
        entitlementTemplate: { type: 'metered', issueAfterReset: { amount: 10, priority: 0 } },
      }).sort(),
    ).toEqual(
      [
        'phases[0].rateCards[2].discounts.percentage too_big',
        'phases[0].rateCards[2].discounts.usage negative',
        'phases[0].rateCards[2].taxConfig.rate invalid_decimal',
        'phases[0].rateCards[2].entitlementTemplate.issueAfterReset.priority too_small',
      ].sort(),
    );
    expect(issues({ ...flat, discounts: { usage: 10 } })).toEqual(['phases[0].rateCards[2].discounts.usage usage_discount_on_flat_fee']);
    expect(issues({ ...flat, key: 'has space', extra: true })).toEqual(['phases[0].rateCards[2].key invalid_format', 'phases[0].rateCards[2].extra unrecognized_key']);
  });

  it.each([['P1M'], ['P1Y'], ['PT1H'], ['P1W'], ['P1DT12H'], ['P3M']])('%s is a cadence', (d) => expect(intervalSchema.safeParse(d).success).toBe(true));
  it.each([['P'], ['PT'], ['1M'], ['P1H'], ['PT1D'], ['PT15'], ['P1.5D'], [''], ['P0D']])('%j is not a cadence', (d) =>
    expect(intervalSchema.safeParse(d).success).toBe(false),
  );
});
