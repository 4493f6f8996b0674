/** A row as SQL drivers return it: column name → value. */
export type SqlRow = Record<string, unknown>;

/**
 * The tiny interface the shared SQL repositories are written against. Statements use `$1, $2...`
 * placeholders in both dialects; the SQLite executor rewrites them.
 */
export interface SqlExecutor {
  query<R extends SqlRow = SqlRow>(text: string, params?: readonly unknown[]): Promise<R[]>;
}
