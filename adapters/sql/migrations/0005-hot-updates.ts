import type { DialectMigration } from './dialect-migration';

/**
 * Postgres: usage checkpoints leave room on their pages (fillfactor 70), as the metering rollups
 * do, so the tail that every ingest batch adds to is updated in place (HOT: no new index entry, less
 * WAL) instead of moving the row to another page. SQLite rewrites rows in place already.
 */
export const hotUpdatesMigration: DialectMigration = {
  id: '0005_hot_updates',
  sqlite: `-- Nothing to do: SQLite has no fillfactor.
`,
  postgres: `
ALTER TABLE tg_usage_checkpoints SET (fillfactor = 70);
`,
};
