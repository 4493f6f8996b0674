import type { SqlExecutor } from './sql-executor';

/** A column of a batch insert, with its Postgres array element type. */
export interface BatchColumn {
  name: string;
  pgType: 'text' | 'bigint' | 'numeric';
}

/** Many rows into one table with one statement shape. */
export interface BatchInsert {
  table: string;
  columns: readonly BatchColumn[];
  /** What to do on a conflict, e.g. `ON CONFLICT (source, id) DO NOTHING`. */
  onConflict: string;
  /**
   * Report, for each input row, this generated integer column of the row it inserted (null when it
   * inserted nothing). Rows are matched on the `key` columns, which must be unique in the input.
   */
  generated?: { column: string; key: readonly string[] };
}

const keyOf = (values: readonly unknown[]): string => values.map(String).join('\u0000');

/** The key of each row (its `indexes` columns joined), computed once. */
const rowKeys = (rows: readonly (readonly unknown[])[], indexes: readonly number[]): string[] =>
  rows.map((row) => keyOf(indexes.map((i) => row[i])));

/** Row positions ordered by key (code unit order, as the comparison of the key strings). */
function orderByKey(keys: readonly string[]): number[] {
  return keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
}

/**
 * SQLite: one prepared single-row statement executed once per row, in the same (locked)
 * transaction. In-process, this beats multi-row VALUES lists and needs no RETURNING: the driver
 * reports each row's change and rowid.
 */
export async function sqliteInsertBatch(sql: SqlExecutor, insert: BatchInsert, rows: readonly (readonly unknown[])[]): Promise<Array<number | null>> {
  if (rows.length === 0) return [];
  const values = insert.columns.map((_, i) => `$${i + 1}`).join(', ');
  const text = `INSERT INTO ${insert.table} (${insert.columns.map((c) => c.name).join(', ')}) VALUES (${values}) ${insert.onConflict}`;
  if (sql.runEach) {
    const rowids = sql.runEach(text, rows);
    return insert.generated ? rowids : [];
  }
  const out: Array<number | null> = [];
  const returning = insert.generated ? ` RETURNING ${insert.generated.column} AS generated` : '';
  for (const row of rows) {
    const result = await sql.query<{ generated: unknown }>(text + returning, row);
    out.push(result[0] === undefined ? null : Number(result[0].generated));
  }
  return insert.generated ? out : [];
}

/**
 * Postgres: every row in one statement, the columns bound as arrays and expanded by `unnest`: one
 * round trip per batch, whatever its size.
 */
export async function postgresInsertBatch(sql: SqlExecutor, insert: BatchInsert, rows: readonly (readonly unknown[])[]): Promise<Array<number | null>> {
  if (rows.length === 0) return [];
  const names = insert.columns.map((c) => c.name);
  const arrays = insert.columns.map((c, i) => `$${i + 1}::${c.pgType}[]`).join(', ');
  const generated = insert.generated;
  const returning = generated ? ` RETURNING ${generated.column} AS generated, ${generated.key.join(', ')}` : '';
  // Concurrent batches insert shared keys in the same order, so they wait on each other instead of deadlocking.
  const keyIndexes = generated ? generated.key.map((k) => names.indexOf(k)) : [];
  const keys = keyIndexes.length > 0 ? rowKeys(rows, keyIndexes) : undefined;
  const order = keys === undefined ? undefined : orderByKey(keys);
  const params = insert.columns.map((_, c) => (order === undefined ? rows.map((row) => row[c] ?? null) : order.map((r) => rows[r]![c] ?? null)));
  const result = await sql.query(`INSERT INTO ${insert.table} (${names.join(', ')}) SELECT * FROM unnest(${arrays}) ${insert.onConflict}${returning}`, params);
  if (!generated || keys === undefined) return [];
  const byKey = new Map<string, number>();
  for (const r of result) byKey.set(keyOf(generated.key.map((k) => r[k])), Number(r.generated));
  return keys.map((key) => byKey.get(key) ?? null);
}
