import type { StorageTransaction } from '../../src/storage';
import type { SqlDialect } from './sql-dialect';
import type { SqlExecutor } from './sql-executor';
import { SqlCustomerRepository } from './sql-customer-repository';

/** The repositories of one SQL transaction, all on the same executor (one connection). */
export function sqlTransaction(sql: SqlExecutor, dialect: SqlDialect): StorageTransaction {
  return { customers: new SqlCustomerRepository(sql, dialect) };
}
