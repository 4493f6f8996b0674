import type { BalanceSnapshotRepository } from './balance-snapshot-repository';
import type { EntitlementRepository } from './entitlement-repository';
import type { EntitlementResetRepository } from './entitlement-reset-repository';
import type { GrantRepository } from './grant-repository';
import type { UsageCheckpointRepository } from './usage-checkpoint-repository';

/**
 * The entitlements domain's repositories inside one transaction: entitlements, their grants and
 * manual resets, and the burn-down state a check resumes from (snapshots, usage checkpoints).
 */
export interface EntitlementRepositories {
  readonly entitlements: EntitlementRepository;
  readonly grants: GrantRepository;
  readonly entitlementResets: EntitlementResetRepository;
  readonly balanceSnapshots: BalanceSnapshotRepository;
  readonly usageCheckpoints: UsageCheckpointRepository;
}
