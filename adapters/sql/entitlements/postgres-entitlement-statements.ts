import { formatExact } from '../../../src/core/metering';
import type { TrackedEntitlement, UsageAdditionOutcome } from '../../../src/storage';
import { fromJson } from '../sql-values';
import type { SqlEntitlementStatements } from './sql-entitlement-statements';

/**
 * The metered entitlements on meter `$2` of the customers owning the subjects in `$1`, locked, by id.
 * The meter's features and the subjects' owners are read first (materialized), so the plan starts
 * from the batch even before ANALYZE has seen the tables.
 */
const TRACKED = `
WITH f AS MATERIALIZED (SELECT id, meter_group_by_filters FROM tg_features WHERE meter_key = $2),
s AS MATERIALIZED (SELECT subject_key, customer_id FROM tg_customer_subjects WHERE subject_key = ANY($1::text[]))
SELECT e.id, e.customer_id, e.feature_id, CASE WHEN e.thresholds = '[]' THEN 0 ELSE 1 END AS has_thresholds, s.subject_key,
       f.meter_group_by_filters AS filters
FROM s
JOIN tg_entitlements e ON e.customer_id = s.customer_id
JOIN f ON f.id = e.feature_id
WHERE e.deleted_at IS NULL AND e.type = 'metered'
ORDER BY e.id FOR UPDATE OF e`;

/** One row of {@link TRACKED}: an entitlement with one of its customer's subjects. */
type TrackedRow = {
  id: string;
  customer_id: string;
  feature_id: string;
  has_thresholds: number | string;
  subject_key: string;
  filters: string;
};

/** Rows ordered by entitlement id, one entitlement per run of rows; filters are parsed once per distinct text. */
function groupTracked(rows: readonly TrackedRow[]): TrackedEntitlement[] {
  const out: TrackedEntitlement[] = [];
  let filtersText: string | undefined;
  let filters: Record<string, string | string[]> = {};
  for (const row of rows) {
    const last = out[out.length - 1];
    if (last !== undefined && last.entitlementId === row.id) {
      last.subjects.push(row.subject_key);
      continue;
    }
    if (row.filters !== filtersText) {
      filtersText = row.filters;
      filters = fromJson(row.filters);
    }
    out.push({
      entitlementId: row.id,
      customerId: row.customer_id,
      featureId: row.feature_id,
      subjects: [row.subject_key],
      filters,
      hasThresholds: Number(row.has_thresholds) === 1,
    });
  }
  return out;
}

/** Every addition in one round trip, returning only the exceptions (missed, or reaching `notify_at`). */
const ADD_USAGE = `
WITH j AS (SELECT * FROM unnest($1::text[], $2::bigint[], $3::numeric[], $4::bigint[], $5::bigint[]) AS j(id, f, d, b, p)),
u AS (
  UPDATE tg_usage_tails AS k
  SET tail = trim_scale(k.tail + j.d), tail_bound = GREATEST(k.tail_bound, j.b), pending_from = LEAST(k.pending_from, j.p)
  FROM j WHERE k.entitlement_id = j.id AND k.segment_start <= j.f AND (k.pending_from IS NULL OR k.pending_from >= j.b)
  RETURNING k.entitlement_id, k.tail >= k.notify_at AS reached
)
SELECT j.id, u.entitlement_id IS NULL AS missed FROM j LEFT JOIN u ON u.entitlement_id = j.id
WHERE u.entitlement_id IS NULL OR u.reached`;

/** Postgres: array parameters, row locks, and one round trip per hot statement. */
export const postgresEntitlementStatements: SqlEntitlementStatements = {
  async findTracked(sql, meterKey, subjects) {
    return groupTracked(await sql.query<TrackedRow>(TRACKED, [subjects, meterKey]));
  },

  async addUsage(sql, additions) {
    const rows = await sql.query<{ id: string; missed: boolean }>(ADD_USAGE, [
      additions.map((a) => a.entitlementId),
      additions.map((a) => a.fromMs),
      additions.map((a) => formatExact(a.delta)),
      additions.map((a) => a.boundMs),
      additions.map((a) => a.pendingFromMs),
    ]);
    const outcome: UsageAdditionOutcome = { missed: [], reached: [] };
    for (const row of rows) (row.missed ? outcome.missed : outcome.reached).push(row.id);
    return outcome;
  },

  deleteSnapshotsAfterMany: `DELETE FROM tg_balance_snapshots s USING json_to_recordset($1::json) AS j(id text, after bigint)
         WHERE s.entitlement_id = j.id AND s.at > j.after`,
};
