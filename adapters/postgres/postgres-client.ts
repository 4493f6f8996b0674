import type { SqlRow } from '../sql';
import { encodeArrays } from './array-literal';

/** Anything with `query(text, params)` returning `{ rows }`: a pg Client, a PGlite instance... */
export interface PostgresQueryable {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** A pooled connection: a queryable that goes back to its pool with `release()`. */
export interface PostgresPoolClient extends PostgresQueryable {
  release(error?: Error | boolean): void;
}

/**
 * A pg `Pool` (or compatible): hands out one connection per transaction. Its connections also take
 * pg's `{ name, text, values }` query config (a named prepared statement), which a check's read uses.
 */
export interface PostgresPool extends PostgresQueryable {
  connect(): Promise<PostgresPoolClient>;
  readonly idleCount: number;
}

/** What {@link postgresStorage} accepts. */
export type PostgresClient = PostgresPool | PostgresQueryable;

/** A pg Pool has `idleCount` and a `connect()` that resolves to a client; a pg Client does not. */
export function isPool(client: PostgresClient): client is PostgresPool {
  return typeof (client as Partial<PostgresPool>).connect === 'function' && typeof (client as Partial<PostgresPool>).idleCount === 'number';
}

export async function rowsOf<R extends SqlRow>(conn: PostgresQueryable, text: string, params: readonly unknown[]): Promise<R[]> {
  const result = await conn.query(text, params.length ? encodeArrays(params) : undefined);
  return result.rows as R[];
}

/**
 * Rows of a named prepared statement (a pg client prepares it once per connection and reuses its
 * plan): for a hot statement whose planning costs more than running it, such as a check's read.
 */
export async function preparedRows<R extends SqlRow>(conn: PostgresQueryable, name: string, text: string, params: readonly unknown[]): Promise<R[]> {
  const client = conn as unknown as { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> };
  const result = await client.query({ name, text, values: encodeArrays(params) });
  return result.rows as R[];
}
