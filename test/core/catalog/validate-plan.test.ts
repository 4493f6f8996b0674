import { describe, expect, it } from 'vitest';
import { type FeatureFacts, canonicalizeNumerics, validatePlan } from '../../../src/core/catalog';

const features = new Map<string, FeatureFacts>([
  ['calls', { meterKey: 'requests', archived: false }],
  ['sso', { meterKey: null, archived: false }],
  ['old', { meterKey: 'requests', archived: true }],
]);
const usage = (key: string, feature: string, price: object = { type: 'unit', amount: '0.01' }) => ({
  key,
  type: 'usage_based',
  feature,
  billingCadence: 'P1M',
  price,
});
const codes = (phases: Parameters<typeof validatePlan>[0]['phases']) =>
  validatePlan({ billingCadence: 'P1M', phases }, features).map((i) => `${i.path} ${i.code}`);

describe('validatePlan', () => {
  it('accepts a valid plan with trial and open-ended phases', () => {
    expect(
      codes([
        { key: 'trial', duration: 'P14D', rateCards: [{ key: 'sso', type: 'flat_fee', price: null, billingCadence: null, feature: 'sso', entitlementTemplate: { type: 'boolean' } }] },
        { key: 'main', rateCards: [usage('calls', 'calls'), { key: 'base', type: 'flat_fee', price: { type: 'flat', amount: '10' }, billingCadence: 'P1M' }] },
      ]),
    ).toEqual([]);
  });

  it('reports every problem at once with its path', () => {
    expect(
      codes([
        { key: 'a', rateCards: [usage('x', 'sso'), usage('x', 'missing'), usage('y', 'old')] },
        { key: 'a', duration: 'P1M', rateCards: [usage('z', 'calls', { type: 'package', amount: '1', quantityPerPackage: 0 })] },
      ]),
    ).toEqual([
      'phases[1].key duplicate_key',
      'phases[0].duration missing_duration',
      'phases[0].rateCards[1].key duplicate_key',
      'phases[0].rateCards[0].feature feature_not_metered',
      'phases[0].rateCards[1].feature unknown_feature',
      'phases[0].rateCards[2].feature feature_archived',
      'phases[1].duration last_phase_has_duration',
      expect.stringMatching(/^phases\[1\]\.rateCards\[0\]\.price\.quantityPerPackage /),
    ]);
  });

  it('checks phase durations and entitlement templates against the feature', () => {
    expect(
      codes([
        { key: 'a', duration: 'P1X', rateCards: [{ key: 'e', type: 'flat_fee', price: null, billingCadence: null, feature: 'sso', entitlementTemplate: { type: 'metered' } }] },
        { key: 'b', rateCards: [{ key: 't', type: 'flat_fee', price: null, billingCadence: null, entitlementTemplate: { type: 'boolean' } }] },
      ]),
    ).toEqual([
      'phases[0].duration invalid_duration',
      'phases[0].rateCards[0].entitlementTemplate.type feature_not_metered',
      'phases[1].rateCards[0].feature missing_feature',
    ]);
  });

  it('needs at least one phase', () => {
    expect(codes([])).toEqual(['phases too_small']);
  });
});

describe('canonicalizeNumerics', () => {
  it('turns numbers in Numeric fields into canonical decimal strings and leaves the rest', () => {
    expect(
      canonicalizeNumerics({
        price: { type: 'tiered', tiers: [{ upTo: 1e3, unitAmount: 0.1, flatAmount: '5.00' }, { unitAmount: 1.005 }] },
        entitlementTemplate: { issueAfterReset: { amount: 100, priority: 3 } },
        taxConfig: { rate: 0.2 },
        other: 7,
      }),
    ).toEqual({
      price: { type: 'tiered', tiers: [{ upTo: '1000', unitAmount: '0.1', flatAmount: '5.00' }, { unitAmount: '1.005' }] },
      entitlementTemplate: { issueAfterReset: { amount: '100', priority: 3 } },
      taxConfig: { rate: '0.2' },
      other: 7,
    });
  });
});
