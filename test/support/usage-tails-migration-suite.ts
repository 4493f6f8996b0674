import { describe, expect, it } from 'vitest';
import type { Migration, Storage, UsageCheckpointRecord } from '../../src/storage';

/** What the suite needs of one SQL engine: storage with the given migrations, and raw SQL on the same database. */
export interface MigrationHarness {
  open(migrations?: readonly Migration[]): Storage;
  exec(sql: string, params: unknown[]): Promise<void>;
  teardown(): Promise<void>;
}

const OLD_INSERT = `INSERT INTO tg_usage_checkpoints (entitlement_id, version, fingerprint, segment_start, period_start, balances, overage, usage, grant_usage, tail, tail_bound, notify_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`;

const kept: UsageCheckpointRecord = {
  entitlementId: 'ent_1',
  version: 4,
  fingerprint: 'fp',
  segmentStartMs: Date.UTC(2024, 2, 1),
  periodStartMs: Date.UTC(2024, 2, 1),
  balances: { grt_a: '0.3' },
  overage: '0',
  usage: '12.5',
  grantUsage: '12.5',
  tail: '7.25',
  tailBoundMs: Date.UTC(2024, 2, 5),
  pendingFromMs: null,
  notifyAt: '80',
};

/** Migration 0005 moves every checkpoint's tail into `tg_usage_tails` without changing what reads back. */
export function usageTailsMigrationSuite(name: string, setup: () => Promise<MigrationHarness>): void {
  describe(`usage tails migration: ${name}`, () => {
    it('keeps checkpoints written before it, and ingestion adds to their tails after it', async () => {
      const h = await setup();
      try {
        const all = h.open().migrations;
        const before = h.open(all.filter((m) => m.id < '0005'));
        await before.migrate();
        await h.exec(OLD_INSERT, ['ent_1', 4, 'fp', kept.segmentStartMs, kept.periodStartMs, '{"grt_a":"0.3"}', '0', '12.5', '12.5', '7.25', kept.tailBoundMs, '80']);
        const after = h.open();
        expect((await after.migrate()).applied).toEqual(all.filter((m) => m.id >= '0005').map((m) => m.id));
        expect(await after.transaction((tx) => tx.usageCheckpoints.get('ent_1'))).toEqual(kept);
        const outcome = await after.transaction((tx) => tx.usageCheckpoints.addUsage([{ entitlementId: 'ent_1', fromMs: kept.segmentStartMs, delta: '72.75', boundMs: 0, pendingFromMs: null }]));
        expect(outcome).toEqual({ missed: [], reached: ['ent_1'] });
        expect((await after.transaction((tx) => tx.usageCheckpoints.get('ent_1')))?.tail).toBe('80');
      } finally {
        await h.teardown();
      }
    });
  });
}
