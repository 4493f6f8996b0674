import { type StorageTransaction, lazyRepositories } from '../../src/storage';
import { sqlCatalogRepositories } from './catalog/sql-catalog-repositories';
import { sqlCustomerRepositories } from './customers/sql-customer-repositories';
import { sqlEntitlementRepositories } from './entitlements/sql-entitlement-repositories';
import { sqlMeteringRepositories } from './metering/sql-metering-repositories';
import { sqlNotificationRepositories } from './notifications/sql-notification-repositories';
import { sqlSubscriptionRepositories } from './subscriptions/sql-subscription-repositories';
import type { SqlDialect } from './sql-dialect';
import type { SqlExecutor } from './sql-executor';
import type { SqlTransactionContext } from './sql-transaction-context';

/**
 * A SQL transaction's repositories, each made on first access. The one place a new repository is
 * composed: its domain's `sql<Domain>Repositories` lists it.
 */
const openTransaction = lazyRepositories<StorageTransaction, SqlTransactionContext>({
  ...sqlCustomerRepositories,
  ...sqlMeteringRepositories,
  ...sqlCatalogRepositories,
  ...sqlEntitlementRepositories,
  ...sqlNotificationRepositories,
  ...sqlSubscriptionRepositories,
});

/** The repositories of one SQL transaction, all on the same executor (one connection). */
export function sqlTransaction(sql: SqlExecutor, dialect: SqlDialect): StorageTransaction {
  return openTransaction({ sql, dialect, unfeatured: new Set() });
}
