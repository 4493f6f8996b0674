import { compareExact, formatExact, fromStoredDecimal } from '../../../src/core/metering';
import type { UsageCheckpointRecord, UsageCheckpointRepository } from '../../../src/storage';
import type { UsageAddition, UsageAdditionOutcome } from '../../../src/storage';
import type { SqlDialect } from '../sql-dialect';
import type { SqlExecutor } from '../sql-executor';
import { CHECKPOINT_COLUMNS, TAIL_COLUMNS, checkpointParams, checkpointSelect, tailParams, toCheckpoint, valuesList } from './sql-entitlement-rows';

/** Additions per SQLite statement (4 parameters each; the last statement is padded with NULL rows that match nothing). */
const SQLITE_ADD_ROWS = 64;

/** SQL testing that a TEXT decimal is a non-negative integer of at most 15 digits (two of them add exactly as 64-bit integers). */
const smallInteger = (column: string): string => `(length(${column}) <= 15 AND ${column} <> '' AND ${column} NOT GLOB '*[^0-9]*')`;

/** `WITH j(id, f, d, b)`: {@link SQLITE_ADD_ROWS} additions bound as parameters (no JSON to parse). */
const SQLITE_ADDITIONS = `WITH j(id, f, d, b) AS (VALUES ${Array.from({ length: SQLITE_ADD_ROWS }, (_, i) => `($${4 * i + 1}, $${4 * i + 2}, $${4 * i + 3}, $${4 * i + 4})`).join(', ')})`;

/**
 * SQLite: adds a chunk of additions. Integer tails and deltas (the common case) are added by SQLite
 * itself; any other decimal goes through the exact decimal function.
 */
const SQLITE_ADD_USAGE = `${SQLITE_ADDITIONS}
UPDATE tg_usage_tails AS k
SET tail = CASE WHEN ${smallInteger('k.tail')} AND ${smallInteger('j.d')} THEN CAST(CAST(k.tail AS INTEGER) + CAST(j.d AS INTEGER) AS TEXT)
                ELSE tg_decimal_add(k.tail, j.d) END,
    tail_bound = max(k.tail_bound, j.b)
FROM j WHERE k.entitlement_id = j.id AND k.segment_start <= j.f`;

/**
 * SQLite, after {@link SQLITE_ADD_USAGE} with the same parameters: only the exceptions, i.e. the
 * additions that found no checkpoint to take them (`missed`), and those whose tail may have reached
 * `notify_at` (an integer comparison settles the common case; the caller compares the rest exactly).
 * Cheaper than a RETURNING row per addition.
 */
const SQLITE_USAGE_EXCEPTIONS = `${SQLITE_ADDITIONS}
SELECT j.id, k.entitlement_id IS NULL OR k.segment_start > j.f AS missed, k.tail, k.notify_at
FROM j LEFT JOIN tg_usage_tails AS k ON k.entitlement_id = j.id
WHERE j.id IS NOT NULL AND (k.entitlement_id IS NULL OR k.segment_start > j.f OR (k.notify_at IS NOT NULL
  AND NOT (${smallInteger('k.tail')} AND ${smallInteger('k.notify_at')} AND CAST(k.tail AS INTEGER) < CAST(k.notify_at AS INTEGER))))`;

/** Postgres: every addition in one round trip, returning only the exceptions (missed, or reaching `notify_at`). */
const POSTGRES_ADD_USAGE = `
WITH j AS (SELECT * FROM unnest($1::text[], $2::bigint[], $3::numeric[], $4::bigint[]) AS j(id, f, d, b)),
u AS (
  UPDATE tg_usage_tails AS k
  SET tail = trim_scale(k.tail + j.d), tail_bound = GREATEST(k.tail_bound, j.b)
  FROM j WHERE k.entitlement_id = j.id AND k.segment_start <= j.f
  RETURNING k.entitlement_id, k.tail >= k.notify_at AS reached
)
SELECT j.id, u.entitlement_id IS NULL AS missed FROM j LEFT JOIN u ON u.entitlement_id = j.id
WHERE u.entitlement_id IS NULL OR u.reached`;

/** `INSERT ... ON CONFLICT (entitlement_id) DO UPDATE` of every column of a table keyed by entitlement. */
function upsert(table: string, columns: string, firstParam: number): string {
  const names = columns.split(', ');
  const updates = names
    .slice(1)
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  return `INSERT INTO ${table} (${columns}) VALUES (${valuesList(names.length, firstParam)}) ON CONFLICT (entitlement_id) DO UPDATE SET ${updates}`;
}

const CHECKPOINT_WIDTH = CHECKPOINT_COLUMNS.split(', ').length;
const PUT_CHECKPOINT = upsert('tg_usage_checkpoints', CHECKPOINT_COLUMNS, 1);
const PUT_TAIL = upsert('tg_usage_tails', TAIL_COLUMNS, 1);
/** Postgres: both rows of a checkpoint in one statement. */
const POSTGRES_PUT = `WITH k AS (${PUT_CHECKPOINT}) ${upsert('tg_usage_tails', TAIL_COLUMNS, CHECKPOINT_WIDTH + 1)}`;

/**
 * Usage checkpoints in either SQL dialect: the burn-down state in `tg_usage_checkpoints`, the tail
 * ingestion adds to in the narrow `tg_usage_tails` (one row each, written and deleted together);
 * tails are added atomically in SQL (exact decimals).
 */
export class SqlUsageCheckpointRepository implements UsageCheckpointRepository {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly dialect: SqlDialect,
  ) {}

  async get(entitlementId: string): Promise<UsageCheckpointRecord | undefined> {
    const rows = await this.sql.query(
      `SELECT ${checkpointSelect()} FROM tg_usage_checkpoints k JOIN tg_usage_tails t ON t.entitlement_id = k.entitlement_id WHERE k.entitlement_id = $1`,
      [entitlementId],
    );
    return rows[0] && toCheckpoint(rows[0]);
  }

  async put(k: UsageCheckpointRecord): Promise<void> {
    if (this.dialect.name === 'postgres') {
      await this.sql.query(POSTGRES_PUT, [...checkpointParams(k), ...tailParams(k)]);
      return;
    }
    await this.sql.query(PUT_CHECKPOINT, checkpointParams(k));
    await this.sql.query(PUT_TAIL, tailParams(k));
  }

  async delete(entitlementIds: readonly string[]): Promise<void> {
    if (entitlementIds.length === 0) return;
    const ids = [this.dialect.listParam(entitlementIds)];
    const where = `WHERE ${this.dialect.inList('entitlement_id', 1, 'text')}`;
    if (this.dialect.name === 'postgres') {
      await this.sql.query(`WITH k AS (DELETE FROM tg_usage_checkpoints ${where}) DELETE FROM tg_usage_tails ${where}`, ids);
      return;
    }
    await this.sql.query(`DELETE FROM tg_usage_checkpoints ${where}`, ids);
    await this.sql.query(`DELETE FROM tg_usage_tails ${where}`, ids);
  }

  async addUsage(additions: readonly UsageAddition[]): Promise<UsageAdditionOutcome> {
    if (additions.length === 0) return { missed: [], reached: [] };
    return this.dialect.name === 'sqlite' ? this.addUsageSqlite(additions) : this.addUsagePostgres(additions);
  }

  private async addUsageSqlite(additions: readonly UsageAddition[]): Promise<UsageAdditionOutcome> {
    const outcome: UsageAdditionOutcome = { missed: [], reached: [] };
    for (let start = 0; start < additions.length; start += SQLITE_ADD_ROWS) {
      const params = sqliteAddParams(additions, start);
      await this.sql.query(SQLITE_ADD_USAGE, params);
      const exceptions = await this.sql.query<{ id: string; missed: number; tail: string | null; notify_at: string | null }>(SQLITE_USAGE_EXCEPTIONS, params);
      for (const row of exceptions) {
        if (row.missed === 1) outcome.missed.push(row.id);
        else if (compareExact(fromStoredDecimal(row.tail), fromStoredDecimal(row.notify_at)) >= 0) outcome.reached.push(row.id);
      }
    }
    return outcome;
  }

  private async addUsagePostgres(additions: readonly UsageAddition[]): Promise<UsageAdditionOutcome> {
    const rows = await this.sql.query<{ id: string; missed: boolean }>(POSTGRES_ADD_USAGE, [
      additions.map((a) => a.entitlementId),
      additions.map((a) => a.fromMs),
      additions.map((a) => formatExact(a.delta)),
      additions.map((a) => a.boundMs),
    ]);
    const outcome: UsageAdditionOutcome = { missed: [], reached: [] };
    for (const row of rows) (row.missed ? outcome.missed : outcome.reached).push(row.id);
    return outcome;
  }
}

/** The parameters of one {@link SQLITE_ADD_USAGE} statement: additions from `start`, padded with NULLs. */
function sqliteAddParams(additions: readonly UsageAddition[], start: number): unknown[] {
  const params: unknown[] = new Array(SQLITE_ADD_ROWS * 4).fill(null);
  const end = Math.min(additions.length, start + SQLITE_ADD_ROWS);
  for (let i = start, p = 0; i < end; i++, p += 4) {
    const a = additions[i]!;
    params[p] = a.entitlementId;
    params[p + 1] = a.fromMs;
    params[p + 2] = formatExact(a.delta);
    params[p + 3] = a.boundMs;
  }
  return params;
}
