/** One migration written for both SQL dialects. */
export interface DialectMigration {
  readonly id: string;
  readonly sqlite: string;
  readonly postgres: string;
}

/** The column types that differ between the dialects. */
export interface DialectTypes {
  /** Epoch milliseconds: INTEGER in SQLite, BIGINT in Postgres. */
  readonly millis: 'INTEGER' | 'BIGINT';
}

/**
 * A migration whose SQL is the same in both dialects but for the column types: written once as a
 * template, it still yields plain SQL per dialect (what is applied and checksummed).
 */
export function portableMigration(id: string, sql: (t: DialectTypes) => string): DialectMigration {
  return { id, sqlite: sql({ millis: 'INTEGER' }), postgres: sql({ millis: 'BIGINT' }) };
}
