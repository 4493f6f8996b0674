import { AGGREGATIONS, type Aggregation, type ExactValue, formatExact, fromStoredDecimal, fromStoredNullableDecimal } from '../../../src/core/metering';
import type { DistinctValue, RollupCell, RollupReadQuery, RollupRepository } from '../../../src/storage';
import type { BatchColumn, BatchInsert } from '../batch-insert';
import type { SqlDialect } from '../sql-dialect';
import type { SqlExecutor, SqlRow } from '../sql-executor';

const CELL_COLUMNS = 'bucket, subject, group_key, count, sum, min, max, latest_time, latest_seq, latest_value';

interface CellRow extends SqlRow {
  bucket: number | string;
  subject: string;
  group_key: string;
  count: number | string;
  sum: unknown;
  min: unknown;
  max: unknown;
  latest_time: number | string | null;
  latest_seq: number | string | null;
  latest_value: unknown;
}

interface DistinctRow extends SqlRow {
  bucket: number | string;
  subject: string;
  group_key: string;
  value: string;
}

const nullableNumber = (v: number | string | null): number | null => (v === null ? null : Number(v));

function toCell(row: CellRow): RollupCell {
  return {
    bucket: Number(row.bucket),
    subject: row.subject,
    groupKey: row.group_key,
    count: Number(row.count),
    sum: fromStoredNullableDecimal(row.sum),
    min: fromStoredNullableDecimal(row.min),
    max: fromStoredNullableDecimal(row.max),
    latestTime: nullableNumber(row.latest_time),
    latestSeq: nullableNumber(row.latest_seq),
    latestValue: row.latest_value === null || row.latest_value === undefined ? null : fromStoredDecimal(row.latest_value),
  };
}

/** The columns a meter's aggregation keeps, besides the key and the count. */
function valueColumns(aggregation: Aggregation): string[] {
  switch (aggregation) {
    case 'SUM':
    case 'AVG':
      return ['sum'];
    case 'MIN':
      return ['min'];
    case 'MAX':
      return ['max'];
    case 'LATEST':
      return ['latest_time', 'latest_seq', 'latest_value'];
    default:
      return [];
  }
}

const KEY_COLUMNS: readonly BatchColumn[] = [
  { name: 'meter_id', pgType: 'text' },
  { name: 'bucket', pgType: 'bigint' },
  { name: 'subject', pgType: 'text' },
  { name: 'group_key', pgType: 'text' },
  { name: 'count', pgType: 'bigint' },
];

const VALUE_TYPES: Readonly<Record<string, BatchColumn['pgType']>> = {
  sum: 'numeric',
  min: 'numeric',
  max: 'numeric',
  latest_time: 'bigint',
  latest_seq: 'bigint',
  latest_value: 'numeric',
};

/**
 * The upsert that merges cells of one aggregation, touching only its columns: counts and sums
 * add exactly, min/max keep the extreme, latest goes by (time, seq).
 */
function mergeInsert(dialect: SqlDialect, aggregation: Aggregation): BatchInsert {
  const t = 'tg_meter_rollups';
  const newer = `(${t}.latest_time IS NULL OR excluded.latest_time > ${t}.latest_time OR (excluded.latest_time = ${t}.latest_time AND excluded.latest_seq > ${t}.latest_seq))`;
  const set: Record<string, string> = {
    sum: `sum = ${dialect.decimalAdd(`${t}.sum`, 'excluded.sum')}`,
    min: `min = ${dialect.decimalMin(`${t}.min`, 'excluded.min')}`,
    max: `max = ${dialect.decimalMax(`${t}.max`, 'excluded.max')}`,
  };
  for (const c of ['latest_time', 'latest_seq', 'latest_value']) set[c] = `${c} = CASE WHEN ${newer} THEN excluded.${c} ELSE ${t}.${c} END`;
  const values = valueColumns(aggregation);
  return {
    table: t,
    columns: [...KEY_COLUMNS, ...values.map((name) => ({ name, pgType: VALUE_TYPES[name]! }))],
    onConflict: `ON CONFLICT (meter_id, bucket, subject, group_key) DO UPDATE SET count = ${t}.count + excluded.count${values.map((c) => `, ${set[c]}`).join('')}`,
  };
}

/** A decimal as bound: text, so SQLite stores it exactly (a JS number binds as REAL). */
const decimalParam = (v: ExactValue | null): string | null => (v === null ? null : formatExact(v));

/** The row a cell merges as, in the column order of {@link mergeInsert}. */
function cellRow(meterId: string, aggregation: Aggregation, c: RollupCell, sumParam: SqlDialect['sumParam']): unknown[] {
  switch (aggregation) {
    case 'SUM':
    case 'AVG':
      return [meterId, c.bucket, c.subject, c.groupKey, c.count, sumParam(c.sum)];
    case 'MIN':
      return [meterId, c.bucket, c.subject, c.groupKey, c.count, decimalParam(c.min)];
    case 'MAX':
      return [meterId, c.bucket, c.subject, c.groupKey, c.count, decimalParam(c.max)];
    case 'LATEST':
      return [meterId, c.bucket, c.subject, c.groupKey, c.count, c.latestTime, c.latestSeq, decimalParam(c.latestValue)];
    default:
      return [meterId, c.bucket, c.subject, c.groupKey, c.count];
  }
}

const DISTINCT_INSERT: BatchInsert = {
  table: 'tg_meter_distinct_values',
  columns: [
    { name: 'meter_id', pgType: 'text' },
    { name: 'bucket', pgType: 'bigint' },
    { name: 'subject', pgType: 'text' },
    { name: 'group_key', pgType: 'text' },
    { name: 'value', pgType: 'text' },
  ],
  onConflict: 'ON CONFLICT (meter_id, bucket, subject, group_key, value) DO NOTHING',
};

const mergeInsertCache = new WeakMap<SqlDialect, Record<Aggregation, BatchInsert>>();

/** The merge statements of a dialect, one per aggregation, built once. */
function mergeInserts(dialect: SqlDialect): Record<Aggregation, BatchInsert> {
  let inserts = mergeInsertCache.get(dialect);
  if (inserts === undefined) {
    inserts = Object.fromEntries(AGGREGATIONS.map((a) => [a, mergeInsert(dialect, a)])) as Record<Aggregation, BatchInsert>;
    mergeInsertCache.set(dialect, inserts);
  }
  return inserts;
}

/** The upsert merging `cells` into a meter's rollups, and its rows (see {@link SqlRollupRepository.merge}). */
export function rollupMerge(dialect: SqlDialect, meterId: string, aggregation: Aggregation, cells: readonly RollupCell[]): { insert: BatchInsert; rows: unknown[][] } {
  const sumParam = dialect.sumParam;
  return { insert: mergeInserts(dialect)[aggregation], rows: cells.map((c) => cellRow(meterId, aggregation, c, sumParam)) };
}

/** Rollups in either SQL dialect: batched upserts; reads by subject range or by bucket range. */
export class SqlRollupRepository implements RollupRepository {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly dialect: SqlDialect,
  ) {}

  async merge(meterId: string, aggregation: Aggregation, cells: readonly RollupCell[]): Promise<void> {
    if (cells.length === 0) return;
    const { insert, rows } = rollupMerge(this.dialect, meterId, aggregation, cells);
    await this.dialect.insertBatch(this.sql, insert, rows);
  }

  async addDistinct(meterId: string, values: readonly DistinctValue[]): Promise<void> {
    const rows = values.map((v) => [meterId, v.bucket, v.subject, v.groupKey, v.value]);
    await this.dialect.insertBatch(this.sql, DISTINCT_INSERT, rows);
  }

  async read(meterId: string, query: RollupReadQuery): Promise<RollupCell[]> {
    const rows = await this.select<CellRow>('tg_meter_rollups', CELL_COLUMNS, meterId, query);
    return rows.map(toCell);
  }

  async readDistinct(meterId: string, query: RollupReadQuery): Promise<DistinctValue[]> {
    const rows = await this.select<DistinctRow>('tg_meter_distinct_values', 'bucket, subject, group_key, value', meterId, query);
    return rows.map((r) => ({ bucket: Number(r.bucket), subject: r.subject, groupKey: r.group_key, value: r.value }));
  }

  async firstBucket(meterId: string): Promise<number | undefined> {
    const rows = await this.sql.query<{ first_bucket: number | string | null }>(
      `SELECT MIN(first_bucket) AS first_bucket FROM (
         SELECT MIN(bucket) AS first_bucket FROM tg_meter_rollups WHERE meter_id = $1
         UNION ALL SELECT MIN(bucket) AS first_bucket FROM tg_meter_distinct_values WHERE meter_id = $1) AS firsts`,
      [meterId],
    );
    const first = rows[0]?.first_bucket;
    return first === null || first === undefined ? undefined : Number(first);
  }

  /** One primary-key range per subject when subjects are given; the (meter, bucket) index otherwise. */
  private select<R extends SqlRow>(table: string, columns: string, meterId: string, query: RollupReadQuery): Promise<R[]> {
    if (query.fromMs >= query.toMs || query.subjects?.length === 0) return Promise.resolve([]);
    if (query.subjects !== null) {
      return this.sql.query<R>(this.dialect.subjectRanges(table, columns), [meterId, this.dialect.listParam(query.subjects), query.fromMs, query.toMs]);
    }
    return this.sql.query<R>(`SELECT ${columns} FROM ${table} WHERE meter_id = $1 AND bucket >= $2 AND bucket < $3`, [meterId, query.fromMs, query.toMs]);
  }

}
