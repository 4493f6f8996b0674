import {
  type GrantInput,
  type OpenSegment,
  type PreparedGrants,
  UsagePeriodTimeline,
  entitlementStateError,
  prepareGrants,
} from '../../core/entitlements';
import type { Period } from '../../core/time';
import type { EntitlementRecord, EntitlementResetRecord, GrantRecord } from '../../storage';

/** A metered entitlement read for the burn-down engine: its grants prepared, its period timeline. Immutable. */
export interface EntitlementModel {
  readonly record: EntitlementRecord;
  readonly grants: readonly GrantRecord[];
  readonly prepared: PreparedGrants;
  readonly timeline: UsagePeriodTimeline;
  /** Memo: segment start → the next instant the burn-down changes course. */
  readonly nextChange: Map<number, number>;
  /** Memo: the last usage period looked up. */
  lastPeriod: Period | null;
  /** Memo: the checkpoint state last opened, by the checkpoint's balances object. */
  readonly opened: WeakMap<object, OpenSegment>;
}

/** A stored grant as the burn-down engine takes it. */
export function grantInputOf(g: GrantRecord): GrantInput {
  return {
    id: g.id,
    amount: g.amount,
    priority: g.priority,
    effectiveAt: g.effectiveAt,
    expiresAt: g.expiresAt,
    voidedAt: g.voidedAt,
    minRolloverAmount: g.minRolloverAmount,
    ...(g.maxRolloverAmount !== null && { maxRolloverAmount: g.maxRolloverAmount }),
    recurrence: g.recurrence && { interval: g.recurrence.interval, anchor: g.recurrence.anchor },
  };
}

/** The period timeline of a metered entitlement with its manual resets. */
export function timelineOf(record: EntitlementRecord, resets: readonly EntitlementResetRecord[]): UsagePeriodTimeline {
  const period = record.usagePeriod;
  if (period === null) throw entitlementStateError(`Entitlement ${record.id} has no usage period: only metered entitlements burn down`, 'not_metered');
  return new UsagePeriodTimeline({
    anchor: period.anchor,
    interval: period.interval,
    timeZone: period.timeZone,
    measureUsageFrom: record.measureUsageFrom ?? period.anchor,
    preserveOverageAtReset: record.preserveOverageAtReset,
    resets: resets.map((r) => ({ at: r.at, retainAnchor: r.retainAnchor, preserveOverage: r.preserveOverage })),
  });
}

/** Reads a metered entitlement, its grants and its resets into a model. */
export function buildModel(record: EntitlementRecord, grants: readonly GrantRecord[], resets: readonly EntitlementResetRecord[]): EntitlementModel {
  return {
    record,
    grants,
    prepared: prepareGrants(grants.map(grantInputOf)),
    timeline: timelineOf(record, resets),
    nextChange: new Map(),
    lastPeriod: null,
    opened: new WeakMap(),
  };
}

/** The usage period containing `atMs`, memoized on the model. */
export function periodOf(model: EntitlementModel, atMs: number): Period {
  const last = model.lastPeriod;
  if (last !== null && last.from.getTime() <= atMs && atMs < last.to.getTime()) return last;
  const period = model.timeline.periodAt(new Date(atMs));
  model.lastPeriod = period;
  return period;
}
