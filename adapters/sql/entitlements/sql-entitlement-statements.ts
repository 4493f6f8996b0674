import type { TrackedEntitlement, UsageAddition, UsageAdditionOutcome } from '../../../src/storage';
import type { SqlExecutor } from '../sql-executor';

/**
 * The entitlements domain's statements that differ between the SQL engines by more than a
 * capability (a member of `SqlDialect`, `dialect.entitlements`): each engine's fastest form of an
 * ingest or check hot path. Everything else in the domain's repositories is shared SQL.
 */
export interface SqlEntitlementStatements {
  /**
   * `EntitlementRepository.findTracked` once the cheap exits are taken (`subjects` is not empty):
   * the metered entitlements on `meterKey` of the customers owning `subjects`, by id, locked for
   * usage bookkeeping where the engine has row locks.
   */
  findTracked(sql: SqlExecutor, meterKey: string, subjects: readonly string[]): Promise<TrackedEntitlement[]>;
  /** `UsageCheckpointRepository.addUsage` for a non-empty list of additions. */
  addUsage(sql: SqlExecutor, additions: readonly UsageAddition[]): Promise<UsageAdditionOutcome>;
  /**
   * `BalanceSnapshotRepository.deleteAfterMany`: a statement deleting, for each `{id, after}` of
   * the JSON array bound to `$1`, the entitlement's snapshots taken after `after`.
   */
  readonly deleteSnapshotsAfterMany: string;
}
