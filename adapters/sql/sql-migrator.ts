import { type Migration, type MigrationReport, migrationChecksum, planMigrations } from '../../src/storage';
import type { SqlExecutor } from './sql-executor';
import { splitStatements } from './split-statements';

export const MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS tg_migrations (
  id TEXT PRIMARY KEY,
  checksum TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;

/**
 * Applies pending migrations through `sql`, which must already be inside a transaction that holds
 * the database's migration lock (the adapters take it). Refuses edited migrations.
 */
export async function runSqlMigrations(
  sql: SqlExecutor,
  migrations: readonly Migration[],
  now: number,
): Promise<MigrationReport> {
  await sql.query(MIGRATIONS_TABLE_SQL);
  const applied = await sql.query<{ id: string; checksum: string }>('SELECT id, checksum FROM tg_migrations ORDER BY id');
  const plan = planMigrations(migrations, applied);
  for (const migration of plan.pending) {
    for (const statement of splitStatements(migration.sql)) await sql.query(statement);
    await sql.query('INSERT INTO tg_migrations (id, checksum, applied_at) VALUES ($1, $2, $3)', [
      migration.id,
      migrationChecksum(migration.sql),
      now,
    ]);
  }
  return { applied: plan.pending.map((m) => m.id), alreadyApplied: plan.alreadyApplied };
}
