import { denialAt } from './entitlement-denial';
import { assertWithinHorizon, compileGroupFilter, entitlementAt, entitlementStateError, eventQuantity, noEntitlementValue } from '../../core/entitlements';
import { isRejected, validateEvent, type ValidEvent } from '../../core/metering';
import { NotFoundError, ValidationError } from '../../errors';
import { type EntitlementConsumeInput, entitlementConsumeSchema, parseInput, refSchema } from '../../schema';
import type { StorageTransaction } from '../../storage';
import { resolveFeature } from '../catalog/features-service';
import { resolveCustomer } from '../customers/customers-service';
import type { EventRecorder } from '../metering/events-service';
import type { ServiceContext } from '../shared/context';
import type { EntitlementValue } from './entitlement';
import { type EntitlementEvaluator, type MeteredTarget, fingerprintOf } from './entitlement-evaluator';

/** The answer of `consume`: the decision, the state after it, and what the event counted for. */
export type ConsumeResult = EntitlementValue & {
  /** True when the event is recorded: consumed now, or (`duplicate`) before. */
  consumed: boolean;
  /** What the event adds to the feature's usage through its meter (COUNT: 1, SUM: its value, an event the meter or the feature's filters leave out: 0). */
  quantity: string;
  /** True when an event with the same (source, id) was stored before: nothing was consumed again. */
  duplicate: boolean;
};

/** The path of a rejected event's field, under `event`. */
const eventPath = (code: string): string => (code === 'invalid_event' ? 'event' : `event.${code.replace(/^invalid_/, '')}`);

/**
 * `tg.entitlements.consume` (docs/semantics.md D18): check and record one usage event in one
 * transaction, with the entitlement locked against concurrent consumers, so a hard limit is never
 * overshot, in one process or many.
 */
export class EntitlementConsumer {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly evaluator: EntitlementEvaluator,
    private readonly recorder: EventRecorder,
  ) {}

  async consume(customer: string, feature: string, options: EntitlementConsumeInput): Promise<ConsumeResult> {
    this.ctx.assertOpen();
    const customerRef = parseInput(refSchema, customer, { prefix: 'customer' });
    const featureRef = parseInput(refSchema, feature, { prefix: 'feature' });
    const data = parseInput(entitlementConsumeSchema, options);
    const nowMs = this.ctx.clock.now().getTime();
    const event = validateEvent(data.event, 0, nowMs);
    if (isRejected(event)) throw ValidationError.single(eventPath(event.code), event.code, event.message);
    const atMs = data.at?.getTime() ?? Math.max(nowMs, event.timeMs);
    assertWithinHorizon(atMs, nowMs, data.at === undefined ? 'event.time' : 'at');
    let afterCommit: () => void = () => undefined;
    const result = await this.ctx.transaction(async (tx) => {
      afterCommit = () => undefined;
      const outcome = await this.decide(tx, customerRef, featureRef, event, atMs, nowMs);
      afterCommit = outcome.afterCommit ?? afterCommit;
      return outcome.result;
    });
    afterCommit();
    return result;
  }

  private async decide(
    tx: StorageTransaction,
    customerRef: string,
    featureRef: string,
    event: ValidEvent,
    atMs: number,
    nowMs: number,
  ): Promise<{ result: ConsumeResult; afterCommit?: () => void }> {
    const found = await tx.entitlements.findCheckTarget(customerRef, featureRef);
    if (found === undefined) {
      await resolveCustomer(tx, customerRef);
      await resolveFeature(tx, featureRef);
      throw new NotFoundError('feature', featureRef);
    }
    const candidate = entitlementAt(found.entitlements, atMs);
    const notConsumed = { consumed: false, quantity: '0', duplicate: false };
    const denied = await denialAt(tx, found.entitlements, candidate, atMs);
    if (denied !== undefined || candidate === undefined) return { result: { feature: found.featureKey, ...(denied ?? noEntitlementValue()), ...notConsumed } };
    if (candidate.type !== 'metered' || found.meterKey === null) {
      return { result: { feature: found.featureKey, ...(await this.evaluator.valueAt(tx, candidate, atMs, nowMs)), ...notConsumed } };
    }
    // Under a row lock, read again: what concurrent consumers recorded meanwhile is committed now
    // (where transactions are serialized, the first read is current already).
    const locked = await tx.entitlements.lockUsage([candidate.id], 'update');
    const target = locked ? ((await tx.entitlements.findCheckTarget(customerRef, featureRef)) ?? found) : found;
    const record = target.entitlements.find((e) => e.id === candidate.id) ?? candidate;
    const owner = await tx.customers.findById(target.customerId);
    if (owner === undefined) throw new NotFoundError('customer', target.customerId);
    if (!owner.subjectKeys.includes(event.subject)) {
      throw ValidationError.single('event.subject', 'not_customer_subject', `subject ${event.subject} is not one of customer ${owner.key}'s subject keys`);
    }
    const meterKey = target.meterKey ?? found.meterKey;
    const meter = await this.evaluator.meter(tx, meterKey);
    if (meter.aggregation !== 'SUM' && meter.aggregation !== 'COUNT') {
      throw entitlementStateError(`Feature ${target.featureKey} is metered by a ${meter.aggregation} meter: only SUM and COUNT usage can be consumed`, 'not_additive');
    }
    const quantity = eventQuantity(meter, event, compileGroupFilter(meter.dimensions, target.filters));
    const metered: MeteredTarget = {
      record,
      fingerprint: fingerprintOf(target.customerUpdatedAt),
      meterKey,
      filters: target.filters,
      checkpoint: target.checkpoints.find((k) => k.entitlementId === record.id),
    };
    // A refund (negative quantity) needs no balance: it is checked as 0.
    const decision = await this.evaluator.valueAt(tx, metered, atMs, nowMs, quantity.startsWith('-') ? '0' : quantity);
    const feature = target.featureKey;
    if (!decision.hasAccess) {
      if (await tx.events.has(event.source, event.id)) return { result: await this.duplicate(tx, metered, feature, quantity, atMs, nowMs) };
      return { result: { feature, ...decision, consumed: false, quantity, duplicate: false } };
    }
    const recorded = await this.recorder.recordIn(tx, event);
    if (!recorded.stored) return { result: await this.duplicate(tx, metered, feature, quantity, atMs, nowMs), afterCommit: recorded.afterCommit };
    // The ingest added the event to the checkpoint's tail when it lies in its tail's span: then the
    // state after follows from the checkpoint read before; otherwise it is read again.
    const k = metered.checkpoint;
    const inTail = k !== undefined && !quantity.startsWith('-') && event.timeMs >= k.segmentStartMs && event.timeMs <= Math.min(nowMs, atMs) && (k.pendingFromMs === null || event.timeMs < k.pendingFromMs);
    const after = inTail
      ? await this.evaluator.valueAt(tx, metered, atMs, nowMs, undefined, quantity)
      : await this.evaluator.valueAt(tx, { ...metered, checkpoint: await tx.usageCheckpoints.get(record.id) }, atMs, nowMs);
    const { reason: _reason, ...figures } = after;
    return { result: { feature, ...figures, hasAccess: true, consumed: true, quantity, duplicate: false }, afterCommit: recorded.afterCommit };
  }

  /** A repeated event: recorded before, not consumed again; the state as a check at `atMs` gives it. */
  private async duplicate(tx: StorageTransaction, metered: MeteredTarget, feature: string, quantity: string, atMs: number, nowMs: number): Promise<ConsumeResult> {
    const value = await this.evaluator.valueAt(tx, { ...metered, checkpoint: await tx.usageCheckpoints.get(metered.record.id) }, atMs, nowMs);
    return { feature, ...value, consumed: true, quantity, duplicate: true };
  }
}
