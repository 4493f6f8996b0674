import { compareExact, formatExact, fromStoredDecimal } from '../../../src/core/metering';
import type { TrackedEntitlement, UsageAddition, UsageAdditionOutcome } from '../../../src/storage';
import { fromJson } from '../sql-values';
import type { SqlEntitlementStatements } from './sql-entitlement-statements';

/**
 * The metered entitlements on meter `$2` of the customers owning the subjects in `$1` (writers are
 * serialized: no lock), as one JSON array of
 * `[entitlement id, index of the subject in $1, customer id, feature id, has thresholds, filters]`
 * (sorted by the caller: an aggregate ORDER BY costs more).
 */
const TRACKED = `
SELECT json_group_array(json_array(e.id, j.key, e.customer_id, e.feature_id, CASE WHEN e.thresholds = '[]' THEN 0 ELSE 1 END,
                                   f.meter_group_by_filters)) AS tracked
FROM json_each($1) AS j
JOIN tg_customer_subjects s ON s.subject_key = j.value
JOIN tg_entitlements e ON e.customer_id = s.customer_id
JOIN tg_features f ON f.id = e.feature_id
WHERE e.deleted_at IS NULL AND e.type = 'metered' AND f.meter_key = $2`;

/** One element of {@link TRACKED}'s array. */
type TrackedTuple = [id: string, subject: number, customerId: string, featureId: string, hasThresholds: number, filters: string];

const byTupleId = (a: TrackedTuple, b: TrackedTuple): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The tuples (sorted by entitlement id) of {@link TRACKED}, one entitlement per run; filters are parsed once per distinct text. */
function groupTrackedTuples(tuples: readonly TrackedTuple[], subjects: readonly string[]): TrackedEntitlement[] {
  const out: TrackedEntitlement[] = [];
  let filtersText: string | undefined;
  let filters: Record<string, string | string[]> = {};
  for (const [id, subject, customerId, featureId, hasThresholds, filtersJson] of tuples) {
    const last = out[out.length - 1];
    if (last !== undefined && last.entitlementId === id) {
      last.subjects.push(subjects[subject]!);
      continue;
    }
    if (filtersJson !== filtersText) {
      filtersText = filtersJson;
      filters = fromJson(filtersJson);
    }
    out.push({ entitlementId: id, customerId, featureId, subjects: [subjects[subject]!], filters, hasThresholds: hasThresholds === 1 });
  }
  return out;
}

/** Additions per statement (5 parameters each; the last statement is padded with NULL rows that match nothing). */
const ADD_ROWS = 64;

/** SQL testing that a TEXT decimal is a non-negative integer of at most 15 digits (two of them add exactly as 64-bit integers). */
const smallInteger = (column: string): string => `(length(${column}) <= 15 AND ${column} <> '' AND ${column} NOT GLOB '*[^0-9]*')`;

/** `WITH j(id, f, d, b, p)`: {@link ADD_ROWS} additions bound as parameters (no JSON to parse). */
const ADDITIONS = `WITH j(id, f, d, b, p) AS (VALUES ${Array.from({ length: ADD_ROWS }, (_, i) => `($${5 * i + 1}, $${5 * i + 2}, $${5 * i + 3}, $${5 * i + 4}, $${5 * i + 5})`).join(', ')})`;

/** Whether addition `j` may go to tail row `k`: its segment started by then, no pending usage before the addition's events. */
const TAKES = `k.segment_start <= j.f AND (k.pending_from IS NULL OR k.pending_from >= j.b)`;

/**
 * Adds a chunk of additions. Integer tails and deltas (the common case) are added by SQLite itself;
 * any other decimal goes through the exact decimal function.
 */
const ADD_USAGE = `${ADDITIONS}
UPDATE tg_usage_tails AS k
SET tail = CASE WHEN ${smallInteger('k.tail')} AND ${smallInteger('j.d')} THEN CAST(CAST(k.tail AS INTEGER) + CAST(j.d AS INTEGER) AS TEXT)
                ELSE tg_decimal_add(k.tail, j.d) END,
    tail_bound = max(k.tail_bound, j.b),
    pending_from = CASE WHEN j.p IS NULL THEN k.pending_from WHEN k.pending_from IS NULL THEN j.p ELSE min(k.pending_from, j.p) END
FROM j WHERE k.entitlement_id = j.id AND ${TAKES}`;

/**
 * After {@link ADD_USAGE} with the same parameters: only the exceptions, i.e. the additions that
 * found no checkpoint to take them (`missed`), and those whose tail may have reached `notify_at`
 * (an integer comparison settles the common case; the caller compares the rest exactly). Cheaper
 * than a RETURNING row per addition.
 */
const USAGE_EXCEPTIONS = `${ADDITIONS}
SELECT j.id, k.entitlement_id IS NULL OR NOT (${TAKES}) AS missed, k.tail, k.notify_at
FROM j LEFT JOIN tg_usage_tails AS k ON k.entitlement_id = j.id
WHERE j.id IS NOT NULL AND (k.entitlement_id IS NULL OR NOT (${TAKES}) OR (k.notify_at IS NOT NULL
  AND NOT (${smallInteger('k.tail')} AND ${smallInteger('k.notify_at')} AND CAST(k.tail AS INTEGER) < CAST(k.notify_at AS INTEGER))))`;

/** The parameters of one {@link ADD_USAGE} statement: additions from `start`, padded with NULLs. */
function addParams(additions: readonly UsageAddition[], start: number): unknown[] {
  const params: unknown[] = new Array(ADD_ROWS * 5).fill(null);
  const end = Math.min(additions.length, start + ADD_ROWS);
  for (let i = start, p = 0; i < end; i++, p += 5) {
    const a = additions[i]!;
    params[p] = a.entitlementId;
    params[p + 1] = a.fromMs;
    params[p + 2] = formatExact(a.delta);
    params[p + 3] = a.boundMs;
    params[p + 4] = a.pendingFromMs;
  }
  return params;
}

/** SQLite: JSON in and out where it saves row objects, additions in padded chunks, no row locks. */
export const sqliteEntitlementStatements: SqlEntitlementStatements = {
  async findTracked(sql, meterKey, subjects) {
    // One JSON text instead of a row object per (entitlement, subject): half the cost on SQLite.
    const rows = await sql.query<{ tracked: string | null }>(TRACKED, [JSON.stringify(subjects), meterKey]);
    const tuples = JSON.parse(rows[0]?.tracked ?? '[]') as TrackedTuple[];
    return groupTrackedTuples(tuples.sort(byTupleId), subjects);
  },

  async addUsage(sql, additions) {
    const outcome: UsageAdditionOutcome = { missed: [], reached: [] };
    for (let start = 0; start < additions.length; start += ADD_ROWS) {
      const params = addParams(additions, start);
      await sql.query(ADD_USAGE, params);
      const exceptions = await sql.query<{ id: string; missed: number; tail: string | null; notify_at: string | null }>(USAGE_EXCEPTIONS, params);
      for (const row of exceptions) {
        if (row.missed === 1) outcome.missed.push(row.id);
        else if (compareExact(fromStoredDecimal(row.tail), fromStoredDecimal(row.notify_at)) >= 0) outcome.reached.push(row.id);
      }
    }
    return outcome;
  },

  deleteSnapshotsAfterMany: `DELETE FROM tg_balance_snapshots WHERE EXISTS (
           SELECT 1 FROM json_each($1) j WHERE json_extract(j.value, '$.id') = tg_balance_snapshots.entitlement_id AND tg_balance_snapshots.at > json_extract(j.value, '$.after'))`,
};
