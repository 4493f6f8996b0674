import type { DialectMigration } from './dialect-migration';

/** How one dialect writes the migration. */
interface TailsDialect {
  /** Epoch milliseconds. */
  millis: 'INTEGER' | 'BIGINT';
  /** An exact decimal column. */
  decimal: 'TEXT' | 'NUMERIC';
  /** What follows `CREATE TABLE (...)`. */
  tableOptions: string;
  /** A copied decimal TEXT column, as a value of {@link TailsDialect.decimal}. */
  copy(column: string): string;
}

const usageTails = (d: TailsDialect): string => `
CREATE TABLE tg_usage_tails (
  entitlement_id TEXT PRIMARY KEY,
  segment_start ${d.millis} NOT NULL,
  tail ${d.decimal} NOT NULL,
  tail_bound ${d.millis} NOT NULL,
  notify_at ${d.decimal}
)${d.tableOptions};
INSERT INTO tg_usage_tails (entitlement_id, segment_start, tail, tail_bound, notify_at)
  SELECT entitlement_id, segment_start, ${d.copy('tail')}, tail_bound, ${d.copy('notify_at')} FROM tg_usage_checkpoints;
ALTER TABLE tg_usage_checkpoints DROP COLUMN tail;
ALTER TABLE tg_usage_checkpoints DROP COLUMN tail_bound;
ALTER TABLE tg_usage_checkpoints DROP COLUMN notify_at;
`;

/**
 * Usage tails apart from their checkpoints: every ingest batch adds to the tail of each metered
 * entitlement it touches, so the row it rewrites is kept narrow (the entitlement, the segment start
 * the addition is checked against, the tail, its bound and the next notification point) instead of
 * carrying the checkpoint's balances. Postgres also leaves room on its pages (fillfactor 70), so
 * these updates stay on their page (HOT: no new index entry, less WAL), and keeps the tail and the
 * notification point as NUMERIC (added and compared without text conversions; written with
 * `trim_scale`, so they read back canonical). SQLite keeps decimal TEXT, added exactly by the
 * adapter's functions. A checkpoint is the pair of rows, written and deleted together.
 */
export const usageTailsMigration: DialectMigration = {
  id: '0005_usage_tails',
  sqlite: usageTails({ millis: 'INTEGER', decimal: 'TEXT', tableOptions: '', copy: (c) => c }),
  postgres: usageTails({ millis: 'BIGINT', decimal: 'NUMERIC', tableOptions: ' WITH (fillfactor = 70)', copy: (c) => `trim_scale(${c}::numeric)` }),
};
