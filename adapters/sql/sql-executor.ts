/** A row as SQL drivers return it: column name → value. */
export type SqlRow = Record<string, unknown>;

/**
 * The tiny interface the shared SQL repositories are written against. Statements use `$1, $2...`
 * placeholders in both dialects; the SQLite executor rewrites them.
 */
export interface SqlExecutor {
  query<R extends SqlRow = SqlRow>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /**
   * Optional fast path of in-process engines (SQLite): runs one statement (no result rows) once per
   * row of parameters, synchronously, and returns for each row the rowid it inserted, or null when
   * it changed nothing (e.g. `ON CONFLICT DO NOTHING`).
   */
  runEach?(text: string, rows: readonly (readonly unknown[])[]): Array<number | null>;
  /**
   * Optional fast path of networked engines (Postgres through pg): runs parameterless statements in
   * one round trip, in order, each as its own statement (with its own snapshot under READ
   * COMMITTED), and returns the rows of the last one.
   */
  queryScript?<R extends SqlRow = SqlRow>(statements: readonly string[]): Promise<R[]>;
  /**
   * Optional fast path of networked engines (Postgres through pg): runs a statement that only reads
   * (no write, no lock) and, when it is the transaction's first, outside it, so the transaction
   * opens with its next statement and one that only did this read sends neither BEGIN nor COMMIT.
   * Under READ COMMITTED every statement reads its own snapshot, so the read sees what it would
   * have seen inside. The statement is prepared once per connection under `name` (its plan is
   * reused), so `text` must be the same whenever `name` is.
   */
  readFirst?<R extends SqlRow = SqlRow>(name: string, text: string, params: readonly unknown[]): Promise<R[]>;
  /**
   * Optional (Postgres through pg): {@link SqlExecutor.query} as a named prepared statement, planned
   * once per connection. For hot statements of a fixed shape whose plan does not depend on their
   * parameters' values; `text` must be the same whenever `name` is.
   */
  queryPrepared?<R extends SqlRow = SqlRow>(name: string, text: string, params: readonly unknown[]): Promise<R[]>;
}

const preparedNames = new Map<string, string>();

/** A name for a prepared statement, the same for the same text within this process. */
export function preparedName(text: string): string {
  let name = preparedNames.get(text);
  if (name === undefined) preparedNames.set(text, (name = `tollgate_${preparedNames.size + 1}`));
  return name;
}
