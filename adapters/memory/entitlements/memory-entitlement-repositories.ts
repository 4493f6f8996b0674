import type { EntitlementRepositories, RepositoryFactories } from '../../../src/storage';
import type { MemoryTransactionContext } from '../memory-database';
import { MemoryBalanceSnapshotRepository } from './memory-balance-snapshot-repository';
import { MemoryEntitlementRepository } from './memory-entitlement-repository';
import { MemoryEntitlementResetRepository } from './memory-entitlement-reset-repository';
import { MemoryGrantRepository } from './memory-grant-repository';
import { MemoryUsageCheckpointRepository } from './memory-usage-checkpoint-repository';

/** The entitlements domain's repositories of a memory transaction. */
export const memoryEntitlementRepositories: RepositoryFactories<EntitlementRepositories, MemoryTransactionContext> = {
  entitlements: (c) => new MemoryEntitlementRepository(c.db, c.journal),
  grants: (c) => new MemoryGrantRepository(c.db, c.journal),
  entitlementResets: (c) => new MemoryEntitlementResetRepository(c.db, c.journal),
  balanceSnapshots: (c) => new MemoryBalanceSnapshotRepository(c.db, c.journal),
  usageCheckpoints: (c) => new MemoryUsageCheckpointRepository(c.db, c.journal),
};
