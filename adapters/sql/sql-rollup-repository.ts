import { ROLLUP_BUCKET_MS, fromStoredDecimal, fromStoredNullableDecimal } from '../../src/core/metering';
import type { DistinctValue, RollupCell, RollupReadQuery, RollupRepository } from '../../src/storage';
import type { BatchInsert } from './batch-insert';
import type { SqlDialect } from './sql-dialect';
import type { SqlExecutor, SqlRow } from './sql-executor';

/** Above this many (hour, subject) pairs a read scans the bucket range instead of seeking each pair. */
const MAX_SEEKS = 50_000;

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

/** The upsert that merges cells: counts and sums add, min/max keep the extreme, latest by (time, seq). */
function mergeInsert(dialect: SqlDialect): BatchInsert {
  const t = 'tg_meter_rollups';
  const newer = `(${t}.latest_time IS NULL OR excluded.latest_time > ${t}.latest_time OR (excluded.latest_time = ${t}.latest_time AND excluded.latest_seq > ${t}.latest_seq))`;
  const latest = (column: string): string => `${column} = CASE WHEN excluded.latest_time IS NOT NULL AND ${newer} THEN excluded.${column} ELSE ${t}.${column} END`;
  return {
    table: t,
    columns: [
      { name: 'meter_id', pgType: 'text' },
      { name: 'bucket', pgType: 'bigint' },
      { name: 'subject', pgType: 'text' },
      { name: 'group_key', pgType: 'text' },
      { name: 'count', pgType: 'bigint' },
      { name: 'sum', pgType: 'numeric' },
      { name: 'min', pgType: 'numeric' },
      { name: 'max', pgType: 'numeric' },
      { name: 'latest_time', pgType: 'bigint' },
      { name: 'latest_seq', pgType: 'bigint' },
      { name: 'latest_value', pgType: 'numeric' },
    ],
    onConflict: `ON CONFLICT (meter_id, bucket, subject, group_key) DO UPDATE SET
      count = ${t}.count + excluded.count,
      sum = ${dialect.decimalAdd(`${t}.sum`, 'excluded.sum')},
      min = ${dialect.decimalMin(`${t}.min`, 'excluded.min')},
      max = ${dialect.decimalMax(`${t}.max`, 'excluded.max')},
      ${latest('latest_time')}, ${latest('latest_seq')}, ${latest('latest_value')}`,
  };
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

/** Rollups in either SQL dialect: batched upserts; reads seek (hour, subject) pairs when subjects are given. */
export class SqlRollupRepository implements RollupRepository {
  private readonly merger: BatchInsert;

  constructor(
    private readonly sql: SqlExecutor,
    private readonly dialect: SqlDialect,
  ) {
    this.merger = mergeInsert(dialect);
  }

  async merge(meterId: string, cells: readonly RollupCell[]): Promise<void> {
    const rows = cells.map((c) => [meterId, c.bucket, c.subject, c.groupKey, c.count, c.sum, c.min, c.max, c.latestTime, c.latestSeq, c.latestValue]);
    await this.dialect.insertBatch(this.sql, this.merger, rows);
  }

  async addDistinct(meterId: string, values: readonly DistinctValue[]): Promise<void> {
    const rows = values.map((v) => [meterId, v.bucket, v.subject, v.groupKey, v.value]);
    await this.dialect.insertBatch(this.sql, DISTINCT_INSERT, rows);
  }

  async read(meterId: string, query: RollupReadQuery): Promise<RollupCell[]> {
    const rows = await this.select<CellRow>(`SELECT ${CELL_COLUMNS} FROM tg_meter_rollups`, meterId, query);
    return rows.map(toCell);
  }

  async readDistinct(meterId: string, query: RollupReadQuery): Promise<DistinctValue[]> {
    const rows = await this.select<DistinctRow>('SELECT bucket, subject, group_key, value FROM tg_meter_distinct_values', meterId, query);
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

  /**
   * Seeks each (hour, subject) pair of the primary key when subjects are given and the pairs are
   * few; otherwise scans the bucket range (filtering subjects, if any).
   */
  private select<R extends SqlRow>(head: string, meterId: string, query: RollupReadQuery): Promise<R[]> {
    const first = Math.ceil(query.fromMs / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS;
    const hours = Math.max(0, Math.ceil((query.toMs - first) / ROLLUP_BUCKET_MS));
    if (hours === 0 || query.subjects?.length === 0) return Promise.resolve([]);
    const d = this.dialect;
    if (query.subjects !== null && hours * query.subjects.length <= MAX_SEEKS) {
      const buckets = Array.from({ length: hours }, (_, i) => first + i * ROLLUP_BUCKET_MS);
      return this.sql.query<R>(`${head} WHERE meter_id = $1 AND ${d.inList('bucket', 2, 'bigint')} AND ${d.inList('subject', 3, 'text')}`, [
        meterId,
        d.listParam(buckets),
        d.listParam(query.subjects),
      ]);
    }
    const subjects = query.subjects === null ? '' : ` AND ${d.inList('subject', 4, 'text')}`;
    const params: unknown[] = [meterId, query.fromMs, query.toMs];
    if (query.subjects !== null) params.push(d.listParam(query.subjects));
    return this.sql.query<R>(`${head} WHERE meter_id = $1 AND bucket >= $2 AND bucket < $3${subjects}`, params);
  }
}
