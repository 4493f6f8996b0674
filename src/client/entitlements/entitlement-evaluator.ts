import {
  type BurnDownResult,
  burnDownAggregationOf,
  burnDownFromMeter,
  checkpointCovers,
  entitlementStateError,
  isActiveAt,
  type EntitlementValue as CoreValue,
  type MeteredBalance,
  burnDown,
  burnOpenSegment,
  inactiveEntitlementValue,
  meteredEntitlementValue,
  nextNotifyPoint,
  nextSegmentChange,
  openSegment,
  replayStart,
  pendingFrom,
  segmentStartAt,
  booleanEntitlementValue,
  staticEntitlementValue,
  tailPlus,
  tailUsage,
} from '../../core/entitlements';
import { type CompiledMeter, compileMeter } from '../../core/metering';
import { NotFoundError } from '../../errors';
import type { EntitlementRecord, StorageTransaction, UsageCheckpointRecord } from '../../storage';
import { type EntitlementModel, buildModel, periodOf } from './entitlement-model';
import { END_OF_TIME_MS, type UsageScope, readUsage, usageQueryOf } from '../metering/usage-query';

/** A metered entitlement with what evaluating it needs (a check target or a lookup by id). */
export interface MeteredTarget {
  readonly record: EntitlementRecord;
  /** Which attribution of the customer's subjects the stored states must have been computed for. */
  readonly fingerprint: string;
  readonly meterKey: string;
  readonly filters: Readonly<Record<string, string | string[]>>;
  readonly checkpoint: UsageCheckpointRecord | undefined;
}

/** The metered figures at one instant and, when known, each grant's balance. */
export interface MeteredState {
  readonly balance: MeteredBalance;
  /** Start of the usage period in effect (the last reset, or where measuring began). */
  readonly periodStartMs: number;
  /** Each active grant's balance (absent on the fast path). */
  readonly balances?: Readonly<Record<string, string>>;
  /** The checkpoint the state came from (fast path). */
  readonly checkpoint?: UsageCheckpointRecord;
}

/** The next instant the burn-down changes course after a segment start, memoized on the model. */
function nextChangeOf(model: EntitlementModel, segmentStartMs: number): number {
  let next = model.nextChange.get(segmentStartMs);
  if (next === undefined) {
    next = nextSegmentChange(model.prepared, model.timeline, segmentStartMs);
    model.nextChange.set(segmentStartMs, next);
  }
  return next;
}

/** The fingerprint of a customer's attribution: it changes whenever the customer (its subjects) changes. */
export const fingerprintOf = (customerUpdatedAt: Date): string => String(customerUpdatedAt.getTime());

/**
 * Evaluates entitlements with the burn-down engine, reading as little as possible:
 * - the fast path: the entitlement's usage checkpoint (the state at the start of the current
 *   burn-down segment plus the usage ingested since, kept up to date by ingestion) gives the state
 *   at any instant of the segment with no usage read at all;
 * - the slow path: replay from the latest balance snapshot at a usage-period start (at most the
 *   current period), reading usage through the meter (rollups), then store a new checkpoint.
 * Prepared grants and timelines are cached per entitlement version; compiled meters per key.
 */
export class EntitlementEvaluator {
  private readonly models = new Map<string, EntitlementModel>();
  private readonly meters = new Map<string, CompiledMeter>();

  /** The model of a metered entitlement at its current version (cached). */
  async model(tx: StorageTransaction, record: EntitlementRecord): Promise<EntitlementModel> {
    const cached = this.models.get(record.id);
    if (cached !== undefined && cached.record.version === record.version) return cached;
    const grants = await tx.grants.listByEntitlement(record.id);
    const resets = await tx.entitlementResets.listByEntitlement(record.id);
    const model = buildModel(record, grants, resets);
    if (this.models.size > 50_000) this.models.clear();
    this.models.set(record.id, model);
    return model;
  }

  /** A meter by key, compiled once (meters never change what they count). */
  async meter(tx: StorageTransaction, key: string): Promise<CompiledMeter> {
    let meter = this.meters.get(key);
    if (meter === undefined) {
      const record = await tx.meters.findByKey(key);
      if (record === undefined) throw new NotFoundError('meter', key);
      meter = compileMeter(record);
      this.meters.set(key, meter);
    }
    return meter;
  }

  /**
   * What an entitlement gives at `atMs` (active or not), for a check. `addedToTail`: usage just
   * added to the target's checkpoint in this transaction (by `consume`), counted when the state
   * comes from that checkpoint (a state read from storage sees it anyway).
   */
  async valueAt(tx: StorageTransaction, target: MeteredTarget | EntitlementRecord, atMs: number, nowMs: number, quantity?: string | number, addedToTail?: string): Promise<CoreValue> {
    const record = 'record' in target ? target.record : target;
    if (!isActiveAt(record, atMs)) return inactiveEntitlementValue(record.type);
    if (record.type === 'boolean') return booleanEntitlementValue();
    if (record.type === 'static') return staticEntitlementValue(structuredClone(record.config));
    if (!('record' in target)) throw entitlementStateError(`Entitlement ${record.id} is metered but its feature has no meter`, 'not_metered');
    const model = await this.model(tx, record);
    const state = await this.stateAt(tx, model, target, atMs, nowMs, false, addedToTail);
    return meteredEntitlementValue({
      burnDownResult: state.balance,
      isSoftLimit: record.isSoftLimit,
      quantity,
      currentUsagePeriod: periodOf(model, atMs),
    });
  }

  /** The metered state at `atMs`: fast from the checkpoint when it covers `atMs`, else replayed (and a checkpoint stored when `atMs` is now). */
  async stateAt(tx: StorageTransaction, model: EntitlementModel, target: MeteredTarget, atMs: number, nowMs: number, exact = false, addedToTail?: string): Promise<MeteredState> {
    const meter = await this.meter(tx, target.meterKey);
    if (!exact) {
      const fast = this.fastState(model, meter, target, target.checkpoint, atMs, addedToTail);
      if (fast !== undefined) return fast;
    }
    const scope: UsageScope = { meter, customerId: model.record.customerId, filters: target.filters };
    if (atMs >= nowMs && !exact) {
      const checkpoint = await this.establish(tx, model, scope, target.fingerprint, atMs, nowMs);
      const fast = this.fastState(model, meter, target, checkpoint, atMs);
      if (fast !== undefined) return fast;
    }
    const result = await this.replay(tx, model, scope, target.fingerprint, atMs, nowMs, false, true);
    return { balance: result, periodStartMs: result.periodStart.getTime(), balances: result.balances };
  }

  /** The state from a valid checkpoint, or `undefined` when the checkpoint does not cover `atMs`. */
  private fastState(model: EntitlementModel, meter: CompiledMeter, target: MeteredTarget, k: UsageCheckpointRecord | undefined, atMs: number, addedToTail?: string): MeteredState | undefined {
    if (k === undefined || meter.aggregation === 'LATEST') return undefined;
    if (!checkpointCovers(k, { version: model.record.version, fingerprint: target.fingerprint }, atMs, () => nextChangeOf(model, k.segmentStartMs))) return undefined;
    let open = model.opened.get(k.balances);
    if (open === undefined) {
      open = openSegment(k, model.prepared, k.segmentStartMs);
      model.opened.set(k.balances, open);
    }
    const tail = tailPlus(k.tail, addedToTail);
    const balance = burnOpenSegment(open, tail);
    if (balance === undefined) return undefined;
    return addedToTail === undefined ? { balance, periodStartMs: k.periodStartMs, checkpoint: k } : { balance, periodStartMs: k.periodStartMs };
  }

  /** The metered state at `atMs` (≥ now) with each grant's balance (for notifications): exact, from the checkpoint when there is one. */
  async detailedState(tx: StorageTransaction, model: EntitlementModel, target: MeteredTarget, atMs: number, nowMs: number): Promise<MeteredState> {
    const state = await this.stateAt(tx, model, target, atMs, nowMs);
    const k = state.checkpoint;
    if (state.balances !== undefined || k === undefined) return state;
    const meter = await this.meter(tx, target.meterKey);
    const result = burnDown({
      grants: model.prepared,
      from: new Date(k.segmentStartMs),
      to: new Date(atMs),
      periodStart: new Date(k.periodStartMs),
      startingBalances: k.balances,
      startingOverage: k.overage,
      startingUsage: k.usage,
      startingGrantUsage: k.grantUsage,
      aggregation: burnDownAggregationOf(meter.aggregation),
      usage: () => k.tail,
    });
    return { ...state, balances: result.balances };
  }

  /** Loads what evaluating a metered entitlement needs, by its record. */
  async target(tx: StorageTransaction, record: EntitlementRecord): Promise<MeteredTarget> {
    const feature = await tx.features.findById(record.featureId);
    const customer = await tx.customers.findById(record.customerId);
    const checkpoint = await tx.usageCheckpoints.get(record.id);
    if (feature === undefined || feature.meterKey === null) throw new NotFoundError('feature', record.featureId);
    if (customer === undefined) throw new NotFoundError('customer', record.customerId);
    return { record, fingerprint: fingerprintOf(customer.updatedAt), meterKey: feature.meterKey, filters: feature.meterGroupByFilters, checkpoint };
  }

  /** Recomputes when the next notification may fire, after some fired. */
  async refreshNotifyPoint(tx: StorageTransaction, model: EntitlementModel, k: UsageCheckpointRecord): Promise<void> {
    const notifyAt = await this.notifyPoint(tx, model, k);
    if (notifyAt !== k.notifyAt) await tx.usageCheckpoints.put({ ...k, notifyAt });
  }

  /**
   * Replays the burn-down up to `toMs` from the latest snapshot (at a usage-period start) valid for
   * the fingerprint, reading usage through the meter. With `persist`, stores the period-start
   * snapshots passed that are not in the future (the caller holds the usage lock). With
   * `inclusive`, the usage stamped at `toMs` counts too (the state a check at `toMs` sees).
   */
  async replay(tx: StorageTransaction, model: EntitlementModel, scope: UsageScope, fingerprint: string, toMs: number, nowMs: number, persist: boolean, inclusive = false): Promise<BurnDownResult> {
    const id = model.record.id;
    const origin = model.timeline.measureUsageFrom;
    const snapshot = toMs > origin ? await tx.balanceSnapshots.latest(id, toMs) : undefined;
    const { fromMs: from, starting, staleSnapshots } = replayStart(origin, toMs, snapshot, fingerprint);
    if (staleSnapshots && persist) await tx.balanceSnapshots.deleteAfter(id, -Infinity);
    const resets = from < toMs ? model.timeline.resetsBetween(new Date(from), new Date(toMs)).map((r) => ({ at: r.at, preserveOverage: r.preserveOverage })) : [];
    const base = {
      grants: model.prepared,
      from: new Date(from),
      to: new Date(toMs),
      resets,
      aggregation: burnDownAggregationOf(scope.meter.aggregation),
      measureUsageFrom: new Date(origin),
      includeTo: inclusive,
      ...(starting && { startingBalances: starting.balances, startingOverage: starting.overage }),
    };
    const result = await burnDownFromMeter(base, await this.usageReader(tx, scope, toMs, nowMs));
    if (persist) {
      const keep = result.snapshots.filter((s) => s.at.getTime() <= nowMs && s.at.getTime() > from);
      if (keep.length > 0) {
        await tx.balanceSnapshots.save(keep.map((s) => ({ entitlementId: id, at: s.at, fingerprint, balances: s.balances, overage: s.overage })));
      }
    }
    return result;
  }

  /**
   * The usage reader of a replay up to `toMs`. A replay past now reads every window after now in
   * one look: when no event of the customer is stamped after now, those windows are 0 without a
   * read (a replay years ahead costs its refills and resets, not a query each).
   */
  private async usageReader(tx: StorageTransaction, scope: UsageScope, toMs: number, nowMs: number): Promise<(from: Date, to: Date) => Promise<string>> {
    const read = usageQueryOf(tx, scope, nowMs);
    if (toMs <= nowMs) return read;
    const customer = await tx.customers.findById(scope.customerId);
    const future =
      customer === undefined || customer.subjectKeys.length === 0
        ? []
        : await tx.events.scan({ type: scope.meter.eventType, subjects: customer.subjectKeys, ranges: [{ from: nowMs + 1, to: END_OF_TIME_MS }] });
    if (future.length > 0) return read;
    return (from, to) => (from.getTime() > nowMs ? Promise.resolve('0') : read(from, to));
  }

  /**
   * Computes and stores the checkpoint for the segment that contains `atMs` (not after now): the
   * state at the segment start, the usage stamped since up to now (events stamped after now — a
   * skewed client clock — are left out as pending usage from the earliest of them), and when the
   * next notification may fire. Reads rollups for whole hours: its cost does not grow with the
   * period's events. `undefined` where checkpoints do not apply (LATEST meters, before usage is measured).
   */
  async establish(tx: StorageTransaction, model: EntitlementModel, scope: UsageScope, fingerprint: string, atMs: number, nowMs: number): Promise<UsageCheckpointRecord | undefined> {
    if (scope.meter.aggregation === 'LATEST' || atMs < model.timeline.measureUsageFrom) return undefined;
    const segmentStartMs = segmentStartAt(model.prepared, model.timeline, atMs);
    if (segmentStartMs > nowMs) return undefined;
    await tx.entitlements.lockUsage([model.record.id], 'update');
    const state = await this.replay(tx, model, scope, fingerprint, segmentStartMs, nowMs, true);
    const customer = await tx.customers.findById(model.record.customerId);
    const future =
      customer === undefined || customer.subjectKeys.length === 0
        ? []
        : await tx.events.scan({ type: scope.meter.eventType, subjects: customer.subjectKeys, ranges: [{ from: nowMs + 1, to: END_OF_TIME_MS }] });
    const pendingFromMs = pendingFrom(nowMs, future.map((e) => e.timeMs));
    // Open-ended reads use whole-hour rollups but at their start; the pending usage is subtracted.
    const all = await readUsage(tx, scope, segmentStartMs, END_OF_TIME_MS, nowMs);
    const tail = tailUsage(all, pendingFromMs === null ? null : await readUsage(tx, scope, pendingFromMs, END_OF_TIME_MS, nowMs));
    const checkpoint: UsageCheckpointRecord = {
      entitlementId: model.record.id,
      version: model.record.version,
      fingerprint,
      segmentStartMs,
      periodStartMs: state.periodStart.getTime(),
      balances: state.balances,
      overage: state.overage,
      usage: state.usage,
      grantUsage: state.grantUsage,
      tail,
      tailBoundMs: nowMs + 1,
      pendingFromMs,
      notifyAt: null,
    };
    checkpoint.notifyAt = await this.notifyPoint(tx, model, checkpoint);
    await tx.usageCheckpoints.put(checkpoint);
    return checkpoint;
  }

  /** The tail at which a notification may next fire: a grant running out or an unfired threshold. */
  private async notifyPoint(tx: StorageTransaction, model: EntitlementModel, k: UsageCheckpointRecord): Promise<string | null> {
    const fired = new Set(await tx.notifications.firedKeys(model.record.id, k.periodStartMs));
    return nextNotifyPoint(openSegment(k, model.prepared, k.segmentStartMs), model.record.thresholds, fired);
  }
}
