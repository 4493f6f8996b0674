export type { SqlExecutor, SqlRow } from './sql-executor';
export { type SqlDialect, sqliteDialect, postgresDialect } from './sql-dialect';
export { runSqlMigrations } from './sql-migrator';
export { sqlTransaction } from './sql-transaction';
export { SQLITE_MIGRATIONS, POSTGRES_MIGRATIONS } from './migrations';
