import { describe, expect, it } from 'vitest';
import { sampleCustomer, sampleEntitlement } from '../../src/storage/conformance';
import type { MigrationHarness } from './usage-tails-migration-suite';

/** An entitlement row as migration 0004 wrote it (no `subscription_id`). */
const OLD_INSERT = `INSERT INTO tg_entitlements (id, customer_id, feature_id, feature_key, type, usage_period_interval, usage_period_anchor, is_soft_limit,
  issue_after_reset, preserve_overage_at_reset, measure_usage_from, active_from, active_to, config, thresholds, metadata, version, created_at, deleted_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`;

const created = new Date('2024-02-29T23:59:59.999Z');

/** The entitlement written before the migration, as it must read back after it. */
const kept = sampleEntitlement('ent_1', 'cus_1', 'feat_1', {
  usagePeriod: { interval: 'P1M', anchor: new Date('2024-01-31T00:00:00.001Z') },
  issueAfterReset: { amount: '10', priority: 1 },
  measureUsageFrom: null,
  activeFrom: null,
  thresholds: [],
  metadata: { k: 'v' },
  version: 3,
  createdAt: created,
});

const oldRow = [
  'ent_1', 'cus_1', 'feat_1', 'tokens', 'metered', 'P1M', Date.UTC(2024, 0, 31, 0, 0, 0, 1), 1,
  '{"amount":"10","priority":1}', 1, null, null, null, null, '[]', '{"k":"v"}', 3, created.getTime(), null,
];

/**
 * Migration 0006 adds subscriptions, gives entitlements a `subscription_id` (null for those written
 * before) and drops the index that kept one entitlement not deleted per customer and feature.
 */
export function subscriptionsMigrationSuite(name: string, setup: () => Promise<MigrationHarness>): void {
  describe(`subscriptions migration: ${name}`, () => {
    it('keeps entitlements written before it (subscriptionId null), and lets two per feature be stored after it', async () => {
      const h = await setup();
      try {
        const all = h.open().migrations;
        const before = h.open(all.filter((m) => m.id < '0006'));
        await before.migrate();
        await h.exec(OLD_INSERT, oldRow);
        const after = h.open();
        expect((await after.migrate()).applied).toEqual(all.filter((m) => m.id >= '0006').map((m) => m.id));
        expect(await after.transaction((tx) => tx.entitlements.findById('ent_1'))).toEqual({ ...kept, subscriptionId: null });
        const successor = sampleEntitlement('ent_2', 'cus_1', 'feat_1', { subscriptionId: 'sub_1' });
        await after.transaction(async (tx) => {
          await tx.customers.insert(sampleCustomer('cus_1', 'acme'));
          await tx.entitlements.insert(successor);
        });
        const listed = await after.transaction((tx) => tx.entitlements.listByCustomer('cus_1', 'feat_1'));
        expect(listed).toEqual([{ ...kept, subscriptionId: null }, successor]);
        expect(await after.transaction((tx) => tx.subscriptions.listByCustomer('cus_1'))).toEqual([]);
      } finally {
        await h.teardown();
      }
    });
  });
}
