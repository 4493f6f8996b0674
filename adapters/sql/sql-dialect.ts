import { type BatchInsert, type InsertThenResult, type ThenInsert, postgresInsertBatch, postgresInsertThen, sqliteInsertBatch, sqliteInsertThen } from './batch-insert';
import { type ExactValue, formatExact } from '../../src/core/metering';
import { postgresEntitlementStatements } from './entitlements/postgres-entitlement-statements';
import type { SqlEntitlementStatements } from './entitlements/sql-entitlement-statements';
import { sqliteEntitlementStatements } from './entitlements/sqlite-entitlement-statements';
import type { SqlExecutor } from './sql-executor';

/**
 * What differs between the two SQL engines, kept in one place: capabilities (`supports...`),
 * expression and parameter builders, and, where an engine's fastest form of a hot statement differs
 * by more than that, the domain's statements (`entitlements`). Shared SQL reads these members and
 * never tests `name`.
 */
export interface SqlDialect {
  /** For messages and diagnostics only: shared code never branches on it. */
  readonly name: 'sqlite' | 'postgres';
  /**
   * `SELECT ... FOR SHARE / FOR UPDATE` row locks. Without them (SQLite) writers are serialized by
   * the engine, and a lock taken only to order concurrent writers is skipped.
   */
  readonly supportsRowLocks: boolean;
  /** Data-modifying statements inside `WITH` (`WITH k AS (DELETE ...) DELETE ...`): two writes in one round trip. */
  readonly supportsWritableCtes: boolean;
  /**
   * How a decimal sum binds, so that sums add exactly in SQL: SQLite binds a safe integer as an
   * INTEGER (the column has no affinity and adds integers natively) and any other value as decimal
   * text; Postgres binds decimal text (NUMERIC).
   */
  sumParam(value: ExactValue | null): unknown;
  /** The entitlements domain's engine-specific statements (ingest and check hot paths). */
  readonly entitlements: SqlEntitlementStatements;
  /**
   * When `error` is a unique-constraint violation, the `table.column` it names (e.g.
   * `tg_customers.key`); otherwise undefined.
   */
  uniqueViolation(error: unknown): string | undefined;
  /** SQL for "`column` is one of the values bound to `$param`" (bind them with {@link SqlDialect.listParam}). */
  inList(column: string, param: number, type: 'text' | 'bigint'): string;
  /** The parameter value of a list used with {@link SqlDialect.inList}. */
  listParam(values: readonly (string | number)[]): unknown;
  /** An expression adding two stored decimals exactly (a NULL operand counts as no value). */
  decimalAdd(a: string, b: string): string;
  /** An expression for the smaller of two stored decimals (NULL counts as no value). */
  decimalMin(a: string, b: string): string;
  /** An expression for the larger of two stored decimals (NULL counts as no value). */
  decimalMax(a: string, b: string): string;
  /**
   * Statements taking the meter-definition lock until the transaction ends: shared by ingestion,
   * exclusive when a meter is created. Null where writers are serialized anyway (SQLite).
   */
  readonly meterLock: { shared: string; exclusive: string } | null;
  /**
   * A statement selecting `columns` (unqualified names) of the rows of `table` for meter `$1`, for
   * the subjects bound to `$2`, with `$3 ≤ bucket < $4`: one primary-key range per subject, whatever
   * the table's statistics say.
   */
  subjectRanges(table: string, columns: string): string;
  /** Inserts many rows with one statement shape (see {@link BatchInsert}); returns the generated values it reports. */
  insertBatch(sql: SqlExecutor, insert: BatchInsert, rows: readonly (readonly unknown[])[]): Promise<Array<number | null>>;
  /**
   * Inserts `rows` (the insert must report its generated column), then `then.rows` when — and only
   * when — every row was new (Postgres: in the same statement).
   */
  insertThen(sql: SqlExecutor, insert: BatchInsert, rows: readonly (readonly unknown[])[], then: ThenInsert): Promise<InsertThenResult>;
}

/** Key of the advisory lock that orders meter creation against ingestion, per schema. */
const METER_LOCK_KEY = 727_172_002;

const errorField = (error: unknown, field: string): unknown =>
  typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[field] : undefined;

/** SQLite reports `UNIQUE constraint failed: tg_customers.key`. */
export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  supportsRowLocks: false,
  supportsWritableCtes: false,
  // A safe integer as a BigInt binds as INTEGER; a sum that is not one is already canonical decimal text.
  sumParam: (v) => (typeof v === 'number' ? BigInt(v) : v),
  entitlements: sqliteEntitlementStatements,
  uniqueViolation(error) {
    const code = errorField(error, 'code');
    if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return undefined;
    const match = /constraint failed: ([\w.]+)/.exec(String(errorField(error, 'message')));
    return match?.[1] ?? 'unknown';
  },
  inList: (column, param) => `${column} IN (SELECT value FROM json_each($${param}))`,
  listParam: (values) => JSON.stringify(values),
  // Both INTEGER (safe integers, as `sum` keeps them): plain addition while the result stays safe.
  decimalAdd: (a, b) =>
    `CASE WHEN typeof(${a}) = 'integer' AND typeof(${b}) = 'integer' AND ${a} + ${b} BETWEEN -${Number.MAX_SAFE_INTEGER} AND ${Number.MAX_SAFE_INTEGER} ` +
    `THEN ${a} + ${b} ELSE tg_decimal_add(${a}, ${b}) END`,
  decimalMin: (a, b) => `tg_decimal_min(${a}, ${b})`,
  decimalMax: (a, b) => `tg_decimal_max(${a}, ${b})`,
  meterLock: null,
  subjectRanges: (table, columns) =>
    `SELECT ${columns} FROM ${table} WHERE meter_id = $1 AND subject IN (SELECT value FROM json_each($2)) AND bucket >= $3 AND bucket < $4`,
  insertBatch: sqliteInsertBatch,
  insertThen: sqliteInsertThen,
};

/** Postgres reports SQLSTATE 23505 with the constraint's name; ours are named `table__column`. */
export const postgresDialect: SqlDialect = {
  name: 'postgres',
  supportsRowLocks: true,
  supportsWritableCtes: true,
  sumParam: (v) => (v === null ? null : formatExact(v)),
  entitlements: postgresEntitlementStatements,
  uniqueViolation(error) {
    if (errorField(error, 'code') !== '23505') return undefined;
    const constraint = String(errorField(error, 'constraint') ?? '');
    return constraint.includes('__') ? constraint.replace('__', '.') : constraint || 'unknown';
  },
  inList: (column, param, type) => `${column} = ANY($${param}::${type}[])`,
  listParam: (values) => values,
  decimalAdd: (a, b) => `COALESCE(${a} + ${b}, ${a}, ${b})`,
  decimalMin: (a, b) => `LEAST(${a}, ${b})`,
  decimalMax: (a, b) => `GREATEST(${a}, ${b})`,
  meterLock: {
    shared: `SELECT pg_advisory_xact_lock_shared(${METER_LOCK_KEY}, hashtext(current_schema()))`,
    exclusive: `SELECT pg_advisory_xact_lock(${METER_LOCK_KEY}, hashtext(current_schema()))`,
  },
  // A LATERAL subquery kept apart (OFFSET 0) makes the planner range-scan each subject, even before
  // ANALYZE has seen the table.
  subjectRanges: (table, columns) =>
    `SELECT ${columns.split(',').map((c) => `t.${c.trim()}`).join(', ')} FROM unnest($2::text[]) AS who(subject)
     CROSS JOIN LATERAL (SELECT ${columns} FROM ${table} WHERE meter_id = $1 AND subject = who.subject AND bucket >= $3 AND bucket < $4 OFFSET 0) AS t`,
  insertBatch: postgresInsertBatch,
  insertThen: postgresInsertThen,
};
