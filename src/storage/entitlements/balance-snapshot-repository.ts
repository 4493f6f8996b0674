import type { BalanceSnapshotRecord } from './entitlement-records';

/** Balance snapshots at usage-period starts, inside a transaction. One per (entitlement, instant). */
export interface BalanceSnapshotRepository {
  /** Stores snapshots, replacing any at the same (entitlement, instant). */
  save(snapshots: readonly BalanceSnapshotRecord[]): Promise<void>;
  /** The latest snapshot of the entitlement at or before `atMs`. */
  latest(entitlementId: string, atMs: number): Promise<BalanceSnapshotRecord | undefined>;
  /** Deletes the entitlement's snapshots taken after `afterMs` (all of them for `-Infinity`). */
  deleteAfter(entitlementId: string, afterMs: number): Promise<void>;
  /** {@link deleteAfter} for many entitlements at once. */
  deleteAfterMany(items: ReadonlyArray<{ entitlementId: string; afterMs: number }>): Promise<void>;
}
