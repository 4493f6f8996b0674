import type { SubscriptionEditRecord, SubscriptionItemRecord, SubscriptionPhaseRecord, SubscriptionRecord } from '../../../src/storage';
import type { BatchInsert } from '../batch-insert';
import type { SqlRow } from '../sql-executor';
import { fromJson, fromMillis, fromNullableMillis, toJson, toMillis } from '../sql-values';

/** Columns of `tg_subscriptions`, `id` first, in the order of {@link subscriptionParams}. */
export const SUBSCRIPTION_COLUMNS = [
  'id',
  'customer_id',
  'name',
  'currency',
  'plan_key',
  'plan_version',
  'plan',
  'customized',
  'billing_anchor',
  'starting_phase',
  'time_zone',
  'active_from',
  'active_to',
  'cancel_proration',
  'edits',
  'previous_subscription_id',
  'next_subscription_id',
  'metadata',
  'created_at',
  'updated_at',
  'deleted_at',
  'revision',
] as const;

/** The phases of subscriptions, one row per (subscription, position). */
export const PHASE_INSERT: BatchInsert = {
  table: 'tg_subscription_phases',
  columns: [
    { name: 'subscription_id', pgType: 'text' },
    { name: 'idx', pgType: 'bigint' },
    { name: 'key', pgType: 'text' },
    { name: 'name', pgType: 'text' },
    { name: 'from_at', pgType: 'bigint' },
    { name: 'to_at', pgType: 'bigint' },
  ],
  onConflict: '',
};

/** The item versions of subscriptions, one row per (subscription, phase position, position). */
export const ITEM_INSERT: BatchInsert = {
  table: 'tg_subscription_items',
  columns: [
    { name: 'subscription_id', pgType: 'text' },
    { name: 'phase_idx', pgType: 'bigint' },
    { name: 'idx', pgType: 'bigint' },
    { name: 'key', pgType: 'text' },
    { name: 'version', pgType: 'bigint' },
    { name: 'rate_card', pgType: 'text' },
    { name: 'from_at', pgType: 'bigint' },
    { name: 'to_at', pgType: 'bigint' },
    { name: 'entitlement_id', pgType: 'text' },
  ],
  onConflict: '',
};

/** The select list of a phase row, in the order {@link toPhase} reads. */
export const PHASE_COLUMNS = PHASE_INSERT.columns.map((c) => c.name).join(', ');

/** The select list of an item row, in the order {@link toItem} reads. */
export const ITEM_COLUMNS = ITEM_INSERT.columns.map((c) => c.name).join(', ');

const nullableMillis = (d: Date | null): number | null => (d === null ? null : toMillis(d));
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/** An edit as stored in the `edits` JSON: its instant as epoch milliseconds. */
interface StoredEdit {
  at: number;
  customizations: unknown[];
}

const storedEdits = (edits: readonly SubscriptionEditRecord[]): StoredEdit[] => edits.map((e) => ({ at: toMillis(e.at), customizations: e.customizations }));

const readEdits = (value: unknown): SubscriptionEditRecord[] =>
  fromJson<StoredEdit[]>(value).map((e) => ({ at: fromMillis(e.at), customizations: e.customizations }));

/** The values of a subscription's row, in the order of {@link SUBSCRIPTION_COLUMNS}. */
export function subscriptionParams(s: SubscriptionRecord): unknown[] {
  return [
    s.id,
    s.customerId,
    s.name,
    s.currency,
    s.planKey,
    s.planVersion,
    toJson(s.plan),
    s.customized ? 1 : 0,
    toMillis(s.billingAnchor),
    s.startingPhase,
    s.timeZone,
    toMillis(s.activeFrom),
    nullableMillis(s.activeTo),
    s.cancelProration,
    toJson(storedEdits(s.edits)),
    s.previousSubscriptionId,
    s.nextSubscriptionId,
    toJson(s.metadata),
    toMillis(s.createdAt),
    toMillis(s.updatedAt),
    nullableMillis(s.deletedAt),
    s.revision,
  ];
}

/** The phase rows of a subscription, for {@link PHASE_INSERT}. */
export function phaseRows(s: SubscriptionRecord): unknown[][] {
  return s.phases.map((p, idx) => [s.id, idx, p.key, p.name, toMillis(p.from), nullableMillis(p.to)]);
}

/** The item rows of a subscription, every phase's, for {@link ITEM_INSERT}. */
export function itemRows(s: SubscriptionRecord): unknown[][] {
  return s.phases.flatMap((p, phaseIdx) =>
    p.items.map((item, idx) => [s.id, phaseIdx, idx, item.key, item.version, toJson(item.rateCard), toMillis(item.from), nullableMillis(item.to), item.entitlementId]),
  );
}

/** A subscription from its row and its phases (already read, in order). */
export function toSubscription(row: SqlRow, phases: SubscriptionPhaseRecord[]): SubscriptionRecord {
  const planVersion = row.plan_version as number | string | null;
  return {
    id: row.id as string,
    customerId: row.customer_id as string,
    name: row.name as string,
    currency: row.currency as string,
    planKey: row.plan_key as string | null,
    planVersion: planVersion === null ? null : num(planVersion),
    plan: fromJson(row.plan),
    customized: num(row.customized) === 1,
    billingAnchor: fromMillis(row.billing_anchor),
    startingPhase: row.starting_phase as string | null,
    timeZone: row.time_zone as string,
    activeFrom: fromMillis(row.active_from),
    activeTo: fromNullableMillis(row.active_to),
    cancelProration: row.cancel_proration as SubscriptionRecord['cancelProration'],
    edits: readEdits(row.edits),
    previousSubscriptionId: row.previous_subscription_id as string | null,
    nextSubscriptionId: row.next_subscription_id as string | null,
    metadata: fromJson(row.metadata),
    createdAt: fromMillis(row.created_at),
    updatedAt: fromMillis(row.updated_at),
    deletedAt: fromNullableMillis(row.deleted_at),
    revision: num(row.revision),
    phases,
  };
}

/** A phase from its row, without its items. */
export function toPhase(row: SqlRow): SubscriptionPhaseRecord {
  return { key: row.key as string, name: row.name as string | null, from: fromMillis(row.from_at), to: fromNullableMillis(row.to_at), items: [] };
}

/** An item version from its row. */
export function toItem(row: SqlRow): SubscriptionItemRecord {
  return {
    key: row.key as string,
    version: num(row.version),
    rateCard: fromJson(row.rate_card),
    from: fromMillis(row.from_at),
    to: fromNullableMillis(row.to_at),
    entitlementId: row.entitlement_id as string | null,
  };
}
