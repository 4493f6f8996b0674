/** What differs between the two SQL engines, kept in one place. */
export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /**
   * When `error` is a unique-constraint violation, the `table.column` it names (e.g.
   * `tg_customers.key`); otherwise undefined.
   */
  uniqueViolation(error: unknown): string | undefined;
}

const errorField = (error: unknown, field: string): unknown =>
  typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[field] : undefined;

/** SQLite reports `UNIQUE constraint failed: tg_customers.key`. */
export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  uniqueViolation(error) {
    const code = errorField(error, 'code');
    if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return undefined;
    const match = /constraint failed: ([\w.]+)/.exec(String(errorField(error, 'message')));
    return match?.[1] ?? 'unknown';
  },
};

/** Postgres reports SQLSTATE 23505 with the constraint's name; ours are named `table__column`. */
export const postgresDialect: SqlDialect = {
  name: 'postgres',
  uniqueViolation(error) {
    if (errorField(error, 'code') !== '23505') return undefined;
    const constraint = String(errorField(error, 'constraint') ?? '');
    return constraint.includes('__') ? constraint.replace('__', '.') : constraint || 'unknown';
  },
};
