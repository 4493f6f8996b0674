import type { StorageTransaction } from '../../src/storage';
import type { SqlDialect } from './sql-dialect';
import type { SqlExecutor } from './sql-executor';
import { SqlCustomerRepository } from './sql-customer-repository';
import { SqlEventRepository } from './sql-event-repository';
import { SqlMeterRepository } from './sql-meter-repository';
import { SqlRollupRepository } from './sql-rollup-repository';
import { SqlFeatureRepository } from './sql-feature-repository';
import { SqlPlanRepository } from './sql-plan-repository';
import { SqlEntitlementRepository } from './sql-entitlement-repository';
import { SqlGrantRepository } from './sql-grant-repository';
import { SqlEntitlementResetRepository } from './sql-entitlement-reset-repository';
import { SqlBalanceSnapshotRepository } from './sql-balance-snapshot-repository';
import { SqlUsageCheckpointRepository } from './sql-usage-checkpoint-repository';
import { SqlNotificationRepository } from './sql-notification-repository';

/** The repositories of one SQL transaction, all on the same executor (one connection). */
export function sqlTransaction(sql: SqlExecutor, dialect: SqlDialect): StorageTransaction {
  // Keys of meters read in this transaction that no feature meters (see SqlMeterRepository.listByEventTypes).
  const unfeatured = new Set<string>();
  return {
    customers: new SqlCustomerRepository(sql, dialect),
    meters: new SqlMeterRepository(sql, dialect, unfeatured),
    events: new SqlEventRepository(sql, dialect),
    rollups: new SqlRollupRepository(sql, dialect),
    features: new SqlFeatureRepository(sql, dialect, unfeatured),
    plans: new SqlPlanRepository(sql, dialect),
    entitlements: new SqlEntitlementRepository(sql, dialect, unfeatured),
    grants: new SqlGrantRepository(sql, dialect),
    entitlementResets: new SqlEntitlementResetRepository(sql),
    balanceSnapshots: new SqlBalanceSnapshotRepository(sql, dialect),
    usageCheckpoints: new SqlUsageCheckpointRepository(sql, dialect),
    notifications: new SqlNotificationRepository(sql, dialect),
  };
}
