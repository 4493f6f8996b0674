import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../errors';
import type { FeatureRecord, PlanRecord } from '../catalog/catalog-records';
import type { Storage } from '../port';

const at = (iso: string): Date => new Date(iso);

/** A feature record for conformance tests. */
export function sampleFeature(id: string, key: string, overrides: Partial<FeatureRecord> = {}): FeatureRecord {
  return {
    id,
    key,
    name: `Feature ${key}`,
    meterKey: 'tokens',
    meterGroupByFilters: { model: ['gpt-4o', 'gpt-4o-mini'], region: 'eu' },
    metadata: { unit: 'token' },
    createdAt: at('2024-01-01T00:00:00.001Z'),
    archivedAt: null,
    ...overrides,
  };
}

/** A plan version record for conformance tests, with exact decimals in its prices. */
export function samplePlan(id: string, key: string, version: number, overrides: Partial<PlanRecord> = {}): PlanRecord {
  return {
    id,
    key,
    version,
    name: `Plan ${key}`,
    description: null,
    currency: 'USD',
    billingCadence: 'P1M',
    proRating: { enabled: true, mode: 'exact' },
    phases: [
      {
        key: 'default',
        rateCards: [
          { key: 'base', type: 'flat_fee', price: { type: 'flat', amount: '49.99' }, billingCadence: 'P1M' },
          {
            key: 'tokens',
            type: 'usage_based',
            feature: 'tokens',
            billingCadence: 'P1M',
            price: { type: 'tiered', mode: 'graduated', tiers: [{ upTo: '1000000', unitAmount: '0.000001' }, { unitAmount: '0.0000005' }] },
          },
        ],
      },
    ],
    metadata: {},
    validationErrors: [],
    createdAt: at('2024-01-01T00:00:00Z'),
    updatedAt: at('2024-01-01T00:00:00Z'),
    publishedAt: null,
    effectiveFrom: null,
    effectiveTo: null,
    ...overrides,
  };
}

/** Features and plan versions: round trips, uniqueness, archive. Registered by `storageConformance`. */
export function catalogConformance(storage: () => Storage): void {
  describe('features', () => {
    beforeEach(async () => {
      await storage().migrate();
    });

    it('round-trips a feature exactly, by id and by key', async () => {
      const feature = sampleFeature('feat_1', 'tokens');
      await storage().transaction((tx) => tx.features.insert(feature));
      const found = await storage().transaction(async (tx) => [await tx.features.findById('feat_1'), await tx.features.findByKey('tokens')]);
      expect(found).toEqual([feature, feature]);
    });

    it('keeps active keys unique, and frees a key once its feature is archived', async () => {
      await storage().transaction((tx) => tx.features.insert(sampleFeature('feat_1', 'tokens')));
      const error = await storage().transaction((tx) => tx.features.insert(sampleFeature('feat_2', 'tokens'))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).target).toBe('feature.key');
      await storage().transaction((tx) => tx.features.archive('feat_1', at('2024-02-01T00:00:00Z')));
      await storage().transaction((tx) => tx.features.insert(sampleFeature('feat_3', 'tokens', { meterKey: null, meterGroupByFilters: {} })));
      const state = await storage().transaction(async (tx) => ({
        byKey: await tx.features.findByKey('tokens'),
        old: await tx.features.findById('feat_1'),
        active: await tx.features.list({ limit: 10, includeArchived: false }),
        all: await tx.features.list({ limit: 10, includeArchived: true }),
        metered: await tx.features.list({ limit: 10, includeArchived: true, meterKey: 'tokens' }),
      }));
      expect(state.byKey?.id).toBe('feat_3');
      expect(state.old?.archivedAt).toEqual(at('2024-02-01T00:00:00Z'));
      expect(state.active.map((f) => f.id)).toEqual(['feat_3']);
      expect(state.all.map((f) => f.id)).toEqual(['feat_1', 'feat_3']);
      expect(state.metered.map((f) => f.id)).toEqual(['feat_1']);
    });

    it('finds the feature archived last when no active one has the key', async () => {
      await storage().transaction(async (tx) => {
        await tx.features.insert(sampleFeature('feat_1', 'k'));
        await tx.features.archive('feat_1', at('2024-02-01T00:00:00Z'));
        await tx.features.insert(sampleFeature('feat_2', 'k'));
        await tx.features.archive('feat_2', at('2024-03-01T00:00:00Z'));
      });
      expect((await storage().transaction((tx) => tx.features.findByKey('k')))?.id).toBe('feat_2');
    });
  });

  describe('plans', () => {
    beforeEach(async () => {
      await storage().migrate();
    });

    it('round-trips a plan version with its phases, decimals and dates exactly', async () => {
      const plan = samplePlan('plan_1', 'pro', 1, {
        validationErrors: [{ path: 'phases[0].rateCards[1].feature', code: 'unknown_feature', message: 'No feature' }],
        metadata: { tier: 'pro' },
        description: 'The pro plan',
      });
      await storage().transaction((tx) => tx.plans.insert(plan));
      expect(await storage().transaction((tx) => tx.plans.findById('plan_1'))).toEqual(plan);
    });

    it('keeps (key, version) unique and lists versions in order', async () => {
      await storage().transaction(async (tx) => {
        await tx.plans.insert(samplePlan('plan_2', 'pro', 2));
        await tx.plans.insert(samplePlan('plan_1', 'pro', 1));
        await tx.plans.insert(samplePlan('plan_3', 'basic', 1));
      });
      const error = await storage().transaction((tx) => tx.plans.insert(samplePlan('plan_4', 'pro', 2))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).target).toBe('plan.version');
      const state = await storage().transaction(async (tx) => ({
        versions: await tx.plans.versions('pro'),
        page: await tx.plans.list({ limit: 2 }),
        after: await tx.plans.list({ limit: 10, afterId: 'plan_1', key: 'pro' }),
      }));
      expect(state.versions.map((v) => v.version)).toEqual([1, 2]);
      expect(state.page.map((v) => v.id)).toEqual(['plan_1', 'plan_2']);
      expect(state.after.map((v) => v.id)).toEqual(['plan_2']);
    });

    it('updates a version in place (publish dates) and rolls back with its transaction', async () => {
      await storage().transaction((tx) => tx.plans.insert(samplePlan('plan_1', 'pro', 1)));
      const published = samplePlan('plan_1', 'pro', 1, {
        publishedAt: at('2024-01-02T00:00:00Z'),
        effectiveFrom: at('2024-01-03T00:00:00Z'),
        effectiveTo: at('2025-01-03T00:00:00.5Z'),
      });
      await storage().transaction((tx) => tx.plans.update(published));
      expect(await storage().transaction((tx) => tx.plans.findById('plan_1'))).toEqual(published);
      await storage()
        .transaction(async (tx) => {
          await tx.plans.update({ ...published, name: 'changed' });
          await tx.plans.insert(samplePlan('plan_2', 'pro', 2));
          throw new Error('abort');
        })
        .catch(() => undefined);
      const after = await storage().transaction(async (tx) => ({ v1: await tx.plans.findById('plan_1'), versions: await tx.plans.versions('pro') }));
      expect(after.v1?.name).toBe('Plan pro');
      expect(after.versions).toHaveLength(1);
    });
  });
}
