import { migrationChecksum } from './checksum';
import { storageStateError } from './errors';
import type { AppliedMigration, Migration } from './migration';

/**
 * Decides what `migrate()` must apply, given what the database has recorded. Refuses when an
 * applied migration was edited or is unknown to this version of the library.
 */
export function planMigrations(
  migrations: readonly Migration[],
  applied: readonly AppliedMigration[],
): { pending: Migration[]; alreadyApplied: string[] } {
  const known = new Map(migrations.map((m) => [m.id, m]));
  for (const row of applied) {
    const migration = known.get(row.id);
    if (!migration) {
      throw storageStateError(
        `The database has migration ${row.id}, which this version of Tollgate does not know: it was migrated by a newer version`,
        'migration_unknown',
      );
    }
    if (migrationChecksum(migration.sql) !== row.checksum) {
      throw storageStateError(
        `Migration ${row.id} was edited after it was applied (checksum mismatch); write a new migration instead`,
        'migration_checksum_mismatch',
      );
    }
  }
  const done = new Set(applied.map((row) => row.id));
  return {
    pending: migrations.filter((m) => !done.has(m.id)),
    alreadyApplied: migrations.filter((m) => done.has(m.id)).map((m) => m.id),
  };
}
