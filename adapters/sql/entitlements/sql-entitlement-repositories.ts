import type { EntitlementRepositories, RepositoryFactories } from '../../../src/storage';
import type { SqlTransactionContext } from '../sql-transaction-context';
import { SqlBalanceSnapshotRepository } from './sql-balance-snapshot-repository';
import { SqlEntitlementRepository } from './sql-entitlement-repository';
import { SqlEntitlementResetRepository } from './sql-entitlement-reset-repository';
import { SqlGrantRepository } from './sql-grant-repository';
import { SqlUsageCheckpointRepository } from './sql-usage-checkpoint-repository';

/** The entitlements domain's repositories of a SQL transaction. */
export const sqlEntitlementRepositories: RepositoryFactories<EntitlementRepositories, SqlTransactionContext> = {
  entitlements: (c) => new SqlEntitlementRepository(c.sql, c.dialect, c.unfeatured),
  grants: (c) => new SqlGrantRepository(c.sql, c.dialect),
  entitlementResets: (c) => new SqlEntitlementResetRepository(c.sql),
  balanceSnapshots: (c) => new SqlBalanceSnapshotRepository(c.sql, c.dialect),
  usageCheckpoints: (c) => new SqlUsageCheckpointRepository(c.sql, c.dialect),
};
