import type { SqlDialect } from './sql-dialect';
import type { SqlExecutor } from './sql-executor';

/** What a SQL transaction's repositories are made from. */
export interface SqlTransactionContext {
  /** The transaction's executor (one connection). */
  readonly sql: SqlExecutor;
  readonly dialect: SqlDialect;
  /**
   * Keys of meters read in this transaction that no feature meters (see
   * `SqlMeterRepository.listByEventTypes`), shared by the meter, feature and entitlement repositories.
   */
  readonly unfeatured: Set<string>;
}
