/** One schema migration: a stable id and its body (plain SQL for SQL adapters). */
export interface Migration {
  /** Sortable, never reused, e.g. `0001_customers`. */
  readonly id: string;
  /** The migration body. Its checksum is recorded when applied; editing it later is refused. */
  readonly sql: string;
}

/** What `migrate()` did. */
export interface MigrationReport {
  /** Ids applied by this call, in order. */
  applied: string[];
  /** Ids that were already applied before this call. */
  alreadyApplied: string[];
}

/** One row of the table of applied migrations. */
export interface AppliedMigration {
  id: string;
  checksum: string;
}
