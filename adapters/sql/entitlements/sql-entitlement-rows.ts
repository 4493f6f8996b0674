import type { EntitlementRecord, GrantRecord, UsageCheckpointRecord } from '../../../src/storage';
import type { SqlRow } from '../sql-executor';
import { fromJson, fromMillis, fromNullableMillis, toJson, toMillis } from '../sql-values';

/** Columns of `tg_entitlements`, in the order of {@link entitlementParams}. */
export const ENTITLEMENT_COLUMNS =
  'id, customer_id, feature_id, feature_key, type, usage_period_interval, usage_period_anchor, is_soft_limit, issue_after_reset, preserve_overage_at_reset, measure_usage_from, active_from, active_to, config, thresholds, metadata, version, created_at, deleted_at, subscription_id, usage_period_time_zone';

/** Columns of `tg_grants`, in the order of {@link grantParams}. */
export const GRANT_COLUMNS =
  'id, entitlement_id, customer_id, feature_id, amount, priority, effective_at, expires_at, voided_at, min_rollover_amount, max_rollover_amount, recurrence_interval, recurrence_anchor, metadata, created_at';

/** Columns of `tg_usage_checkpoints`, in the order of {@link checkpointParams}. */
export const CHECKPOINT_COLUMNS = 'entitlement_id, version, fingerprint, segment_start, period_start, balances, overage, usage, grant_usage';

/** Columns of `tg_usage_tails` (the part of a checkpoint ingestion adds to), in the order of {@link tailParams}. */
export const TAIL_COLUMNS = 'entitlement_id, segment_start, tail, tail_bound, notify_at, pending_from';

/**
 * The select list of a whole checkpoint from `tg_usage_checkpoints` aliased `k` and `tg_usage_tails`
 * aliased `t`, each column named `prefix` + its name (as {@link toCheckpoint} reads them).
 */
export function checkpointSelect(prefix = ''): string {
  const tail = ['tail', 'tail_bound', 'notify_at', 'pending_from'].map((c) => `t.${c} AS ${prefix}${c}`);
  return [...CHECKPOINT_COLUMNS.split(', ').map((c) => `k.${c} AS ${prefix}${c}`), ...tail].join(', ');
}

const nullableMillis = (d: Date | null): number | null => (d === null ? null : toMillis(d));
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/** The values of an entitlement's row, in the order of {@link ENTITLEMENT_COLUMNS}. */
export function entitlementParams(e: EntitlementRecord): unknown[] {
  return [
    e.id,
    e.customerId,
    e.featureId,
    e.featureKey,
    e.type,
    e.usagePeriod?.interval ?? null,
    e.usagePeriod ? toMillis(e.usagePeriod.anchor) : null,
    e.isSoftLimit ? 1 : 0,
    e.issueAfterReset === null ? null : toJson(e.issueAfterReset),
    e.preserveOverageAtReset ? 1 : 0,
    nullableMillis(e.measureUsageFrom),
    nullableMillis(e.activeFrom),
    nullableMillis(e.activeTo),
    e.config === null || e.config === undefined ? null : toJson(e.config),
    toJson(e.thresholds),
    toJson(e.metadata),
    e.version,
    toMillis(e.createdAt),
    nullableMillis(e.deletedAt),
    e.subscriptionId,
    e.usagePeriod?.timeZone ?? null,
  ];
}

/** Reads an entitlement from a row; `prefix` names aliased columns (`e_id`...). */
export function toEntitlement(row: SqlRow, prefix = ''): EntitlementRecord {
  const c = (name: string): unknown => row[prefix + name];
  const interval = c('usage_period_interval') as string | null;
  return {
    id: c('id') as string,
    customerId: c('customer_id') as string,
    featureId: c('feature_id') as string,
    featureKey: c('feature_key') as string,
    type: c('type') as EntitlementRecord['type'],
    usagePeriod: interval === null ? null : usagePeriodOf(interval, fromMillis(c('usage_period_anchor')), c('usage_period_time_zone') as string | null),
    isSoftLimit: num(c('is_soft_limit')) === 1,
    issueAfterReset: c('issue_after_reset') === null ? null : fromJson(c('issue_after_reset')),
    preserveOverageAtReset: num(c('preserve_overage_at_reset')) === 1,
    measureUsageFrom: fromNullableMillis(c('measure_usage_from')),
    activeFrom: fromNullableMillis(c('active_from')),
    activeTo: fromNullableMillis(c('active_to')),
    config: c('config') === null ? null : fromJson(c('config')),
    thresholds: fromJson(c('thresholds')),
    metadata: fromJson(c('metadata')),
    subscriptionId: (c('subscription_id') as string | null | undefined) ?? null,
    version: num(c('version')),
    createdAt: fromMillis(c('created_at')),
    deletedAt: fromNullableMillis(c('deleted_at')),
  };
}

export function grantParams(g: GrantRecord): unknown[] {
  return [
    g.id,
    g.entitlementId,
    g.customerId,
    g.featureId,
    g.amount,
    g.priority,
    toMillis(g.effectiveAt),
    nullableMillis(g.expiresAt),
    nullableMillis(g.voidedAt),
    g.minRolloverAmount,
    g.maxRolloverAmount,
    g.recurrence?.interval ?? null,
    g.recurrence ? toMillis(g.recurrence.anchor) : null,
    toJson(g.metadata),
    toMillis(g.createdAt),
  ];
}

export function toGrant(row: SqlRow): GrantRecord {
  const interval = row.recurrence_interval as string | null;
  return {
    id: row.id as string,
    entitlementId: row.entitlement_id as string,
    customerId: row.customer_id as string,
    featureId: row.feature_id as string,
    amount: row.amount as string,
    priority: num(row.priority),
    effectiveAt: fromMillis(row.effective_at),
    expiresAt: fromNullableMillis(row.expires_at),
    voidedAt: fromNullableMillis(row.voided_at),
    minRolloverAmount: row.min_rollover_amount as string,
    maxRolloverAmount: row.max_rollover_amount as string | null,
    recurrence: interval === null ? null : { interval, anchor: fromMillis(row.recurrence_anchor) },
    metadata: fromJson(row.metadata),
    createdAt: fromMillis(row.created_at),
  };
}

export function checkpointParams(k: UsageCheckpointRecord): unknown[] {
  return [k.entitlementId, k.version, k.fingerprint, k.segmentStartMs, k.periodStartMs, toJson(k.balances), k.overage, k.usage, k.grantUsage];
}

export function tailParams(k: UsageCheckpointRecord): unknown[] {
  return [k.entitlementId, k.segmentStartMs, k.tail, k.tailBoundMs, k.notifyAt, k.pendingFromMs];
}

/** Reads a checkpoint from a row; `prefix` names aliased columns (`k_version`...). */
export function toCheckpoint(row: SqlRow, prefix = ''): UsageCheckpointRecord {
  const c = (name: string): unknown => row[prefix + name];
  return {
    entitlementId: c('entitlement_id') as string,
    version: num(c('version')),
    fingerprint: c('fingerprint') as string,
    segmentStartMs: num(c('segment_start')),
    periodStartMs: num(c('period_start')),
    balances: fromJson(c('balances')),
    overage: c('overage') as string,
    usage: c('usage') as string,
    grantUsage: c('grant_usage') as string,
    tail: String(c('tail')),
    tailBoundMs: num(c('tail_bound')),
    notifyAt: (c('notify_at') as string | null) ?? null,
    pendingFromMs: c('pending_from') === null || c('pending_from') === undefined ? null : num(c('pending_from')),
  };
}

/** `$start, $start+1, ...` for `count` values. */
export function valuesList(count: number, start = 1): string {
  return Array.from({ length: count }, (_, i) => `$${start + i}`).join(', ');
}

/** A stored usage period; the zone only when one was stored (UTC otherwise). */
function usagePeriodOf(interval: string, anchor: Date, timeZone: string | null): NonNullable<EntitlementRecord['usagePeriod']> {
  return timeZone === null ? { interval, anchor } : { interval, anchor, timeZone };
}
