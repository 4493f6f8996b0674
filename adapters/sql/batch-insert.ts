import { type SqlExecutor, preparedName } from './sql-executor';

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

/** Row positions ordered by their `indexes` columns, compared as strings (code unit order). */
function orderByColumns(rows: readonly (readonly unknown[])[], indexes: readonly number[]): number[] {
  const compare = (a: number, b: number): number => {
    for (const i of indexes) {
      const x = String(rows[a]![i]);
      const y = String(rows[b]![i]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
  return rows.map((_, i) => i).sort(compare);
}

/** The columns of `rows` in the given row order, each an array as bound to `unnest`. */
const columnsInOrder = (rows: readonly (readonly unknown[])[], width: number, order: readonly number[]): unknown[][] =>
  Array.from({ length: width }, (_, c) => order.map((r) => rows[r]![c] ?? null));

/** A second insert that goes with a first one (see {@link postgresInsertThen}). */
export interface ThenInsert {
  insert: BatchInsert;
  rows: readonly (readonly unknown[])[];
}

/**
 * What an insert followed by a conditional one did: `merged` when every row of the first was new
 * and the second was inserted too. The first insert's generated values are reported when it
 * was not (`generated[i]` null for a row that hit the conflict clause); they may be omitted when
 * it was.
 */
export type InsertThenResult = { merged: true; generated?: Array<number | null> } | { merged: false; generated: Array<number | null> };

/**
 * SQLite: {@link sqliteInsertBatch} of `rows` (which reports each row's generated value for free),
 * then `then`'s rows when every row was new.
 */
export async function sqliteInsertThen(sql: SqlExecutor, insert: BatchInsert, rows: readonly (readonly unknown[])[], then: ThenInsert): Promise<InsertThenResult> {
  const generated = await sqliteInsertBatch(sql, insert, rows);
  if (!generated.every((v) => v !== null)) return { merged: false, generated };
  await sqliteInsertBatch(sql, then.insert, then.rows);
  return { merged: true, generated };
}

/**
 * SQLite: one prepared single-row statement executed once per row, in the same (locked)
 * transaction. In-process, this beats multi-row VALUES lists and needs no RETURNING: the driver
 * reports each row's change and rowid.
 */
export async function sqliteInsertBatch(sql: SqlExecutor, insert: BatchInsert, rows: readonly (readonly unknown[])[]): Promise<Array<number | null>> {
  if (rows.length === 0) return [];
  if (!insert.generated && rows.length > 1) {
    await sqliteMultiRowInsert(sql, insert, rows);
    return [];
  }
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

/** Most rows per multi-row statement (a power of two; with at most 8 columns, 512 parameters). */
const MAX_ROWS_PER_STATEMENT = 64;

/**
 * SQLite, when no row needs its rowid (e.g. rollup upserts): multi-row VALUES statements, largest
 * power-of-two sizes first, so a batch takes a few statements (each prepared once per size, at most
 * seven shapes per insert). Rows apply in order, as single-row statements would.
 */
async function sqliteMultiRowInsert(sql: SqlExecutor, insert: BatchInsert, rows: readonly (readonly unknown[])[]): Promise<void> {
  const width = insert.columns.length;
  let start = 0;
  for (let size = MAX_ROWS_PER_STATEMENT; size >= 1; size >>= 1) {
    while (rows.length - start >= size) {
      const params: unknown[] = new Array(size * width);
      for (let r = 0; r < size; r++) {
        const row = rows[start + r]!;
        for (let c = 0; c < width; c++) params[r * width + c] = row[c] ?? null;
      }
      await sql.query(multiRowText(insert, size), params);
      start += size;
    }
  }
}

const multiRowTexts = new WeakMap<BatchInsert, Map<number, string>>();

/** The text of an insert of `size` rows, built once per (insert, size). */
function multiRowText(insert: BatchInsert, size: number): string {
  let texts = multiRowTexts.get(insert);
  if (texts === undefined) multiRowTexts.set(insert, (texts = new Map()));
  let text = texts.get(size);
  if (text === undefined) {
    const width = insert.columns.length;
    const tuples = Array.from({ length: size }, (_, r) => `(${insert.columns.map((_c, c) => `$${r * width + c + 1}`).join(', ')})`);
    text = `INSERT INTO ${insert.table} (${insert.columns.map((c) => c.name).join(', ')}) VALUES ${tuples.join(', ')} ${insert.onConflict}`;
    texts.set(size, text);
  }
  return text;
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
  const order = keyIndexes.length > 0 ? orderByColumns(rows, keyIndexes) : rows.map((_, i) => i);
  const params = columnsInOrder(rows, insert.columns.length, order);
  const result = await sql.query(`INSERT INTO ${insert.table} (${names.join(', ')}) SELECT * FROM unnest(${arrays}) ${insert.onConflict}${returning}`, params);
  return generated ? generatedByRow(rows, keyIndexes, generated, result) : [];
}

/** For each input row, the generated value of the returned row with its key (null when none). */
function generatedByRow(
  rows: readonly (readonly unknown[])[],
  keyIndexes: readonly number[],
  generated: NonNullable<BatchInsert['generated']>,
  returned: readonly Record<string, unknown>[],
): Array<number | null> {
  const byKey = new Map<string, number>();
  for (const r of returned) byKey.set(keyOf(generated.key.map((k) => r[k])), Number(r.generated));
  return rowKeys(rows, keyIndexes).map((key) => byKey.get(key) ?? null);
}

/**
 * Postgres, two inserts in one statement (data-modifying CTEs): `insert` (which must report its
 * generated column), then `then` — only when every row of `insert` was new (none hit its conflict
 * clause). When they all were, the statement returns one marker row and no generated values (the
 * common case costs no result rows); otherwise it returns the rows `insert` did insert.
 */
export async function postgresInsertThen(sql: SqlExecutor, insert: BatchInsert, rows: readonly (readonly unknown[])[], then: ThenInsert): Promise<InsertThenResult> {
  const generated = insert.generated;
  if (generated === undefined) throw new Error(`postgresInsertThen: the insert into ${insert.table} must report a generated column`);
  if (rows.length === 0) return { merged: false, generated: [] };
  const names = insert.columns.map((c) => c.name);
  const keyIndexes = generated.key.map((k) => names.indexOf(k));
  const params: unknown[] = columnsInOrder(rows, insert.columns.length, orderByColumns(rows, keyIndexes));
  const first = insert.columns.map((c, i) => `$${i + 1}::${c.pgType}[]`).join(', ');
  const base = params.length;
  for (let c = 0; c < then.insert.columns.length; c++) params.push(then.rows.map((row) => row[c] ?? null));
  const second = then.insert.columns.map((c, i) => `$${base + i + 1}::${c.pgType}[]`).join(', ');
  params.push(rows.length);
  const all = `$${params.length}`;
  const keyColumns = generated.key.join(', ');
  const text = `WITH ins AS (INSERT INTO ${insert.table} (${names.join(', ')}) SELECT * FROM unnest(${first}) ${insert.onConflict}
    RETURNING ${generated.column} AS generated, ${keyColumns}),
  counted AS (SELECT count(*) AS n FROM ins),
  then_insert AS (INSERT INTO ${then.insert.table} (${then.insert.columns.map((c) => c.name).join(', ')})
    SELECT * FROM unnest(${second}) WHERE (SELECT n FROM counted) = ${all} ${then.insert.onConflict})
  SELECT true AS merged, NULL::bigint AS generated, ${generated.key.map((k) => `NULL::text AS ${k}`).join(', ')} WHERE (SELECT n FROM counted) = ${all}
  UNION ALL SELECT false, generated, ${keyColumns} FROM ins WHERE (SELECT n FROM counted) < ${all}`;
  const result = sql.queryPrepared ? await sql.queryPrepared(preparedName(text), text, params) : await sql.query(text, params);
  if (result[0]?.merged === true) return { merged: true };
  return { merged: false, generated: generatedByRow(rows, keyIndexes, generated, result) };
}
