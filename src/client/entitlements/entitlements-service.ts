import { assertWithinHorizon, entitlementConflict, entitlementSpan, entitlementStateError, spansOverlap, type BurnDownResult, burnDownAggregationOf, burnDownFromMeter, entitlementAt, historyWindows, manualResetIssues, noEntitlementValue } from '../../core/entitlements';
import { NotFoundError } from '../../errors';
import {
  type EntitlementAccessInput,
  type EntitlementBodyInput,
  type EntitlementCheckInput,
  type EntitlementConsumeInput,
  type EntitlementCreateInput,
  type EntitlementHistoryInput,
  type EntitlementListInput,
  type EntitlementResetInput,
  entitlementAccessSchema,
  entitlementBodySchema,
  entitlementCheckSchema,
  entitlementCreateSchema,
  entitlementHistorySchema,
  entitlementListSchema,
  entitlementResetSchema,
  parseInput,
  refSchema,
} from '../../schema';
import type { EntitlementRecord, FeatureRecord, StorageTransaction } from '../../storage';
import type { ServiceContext } from '../shared/context';
import { decodeCursor, type Page, toPage } from '../shared/cursor';
import { resolveCustomer } from '../customers/customers-service';
import { type Entitlement, type EntitlementValue, toEntitlement } from './entitlement';
import type { PendingNotification } from '../notifications/outbox';
import { type EntitlementEvaluator, fingerprintOf } from './entitlement-evaluator';
import { type BurndownHistoryRow, type EntitlementHistory, toBurndownRow } from './entitlement-history';
import type { EntitlementModel } from './entitlement-model';
import type { EntitlementNotifier } from './entitlement-notifier';
import type { ConsumeResult, EntitlementConsumer } from './entitlement-consumer';
import { type EntitlementBody, entitlementRecordOf, featureIssues, issueAfterResetRecord, throwIssues } from './entitlement-record';
import { resolveFeature } from '../catalog/features-service';
import { denialAt } from './entitlement-denial';
import { ID_PREFIX } from '../shared/ids';
import { type UsageScope, readUsage, usageQueryOf } from '../metering/usage-query';

const DEFAULT_PAGE = 100;

/** The entitlement with this id; NotFoundError otherwise. */
export async function findEntitlement(tx: StorageTransaction, id: string): Promise<EntitlementRecord> {
  const found = await tx.entitlements.findById(id);
  if (found === undefined) throw new NotFoundError('entitlement', id);
  return found;
}

/**
 * `tg.entitlements`: may a customer use a feature now, and how much is left? Metered entitlements
 * burn usage down through grants (docs/semantics.md D7–D9); boolean and static ones give access while active.
 */
export class EntitlementsService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly evaluator: EntitlementEvaluator,
    private readonly notifier: EntitlementNotifier,
    private readonly consumer: EntitlementConsumer,
  ) {}

  /**
   * Creates an entitlement. No two entitlements of a customer to a feature may cover overlapping
   * times (ConflictError, target `entitlement.feature`), whether manual or provisioned by a
   * subscription; one that ended (`activeTo`) or was deleted leaves room after it. A metered one needs a feature with a SUM, COUNT
   * or LATEST meter; its usage period follows `usagePeriod.anchor` (default: now), usage counts
   * from `measureUsageFrom` (default: the start of the current usage period), and
   * `issueAfterReset` creates the grant restored every period.
   * @example
   * await tg.entitlements.create({ customer: 'acme', feature: 'api_calls', type: 'metered',
   *   usagePeriod: { interval: 'P1M', anchor: '2024-01-01T00:00:00Z' }, issueAfterReset: { amount: 10000 } });
   * await tg.entitlements.create({ customer: 'acme', feature: 'sso', type: 'boolean' });
   */
  async create(input: EntitlementCreateInput): Promise<Entitlement> {
    const data = parseInput(entitlementCreateSchema, input);
    const { customer, feature, ...body } = data;
    const record = await this.ctx.transaction(async (tx) => {
      const [c, f] = [await resolveCustomer(tx, customer), await resolveFeature(tx, feature)];
      await tx.customers.lock(c.id);
      return this.insert(tx, c.id, f, body, this.ctx.clock.now());
    });
    return toEntitlement(record);
  }

  /**
   * The entitlement with this id (deleted ones too).
   * @example
   * const e = await tg.entitlements.get('ent_01HV...');
   */
  async get(id: string): Promise<Entitlement> {
    const ref = parseInput(refSchema, id, { prefix: 'id' });
    return toEntitlement(await this.ctx.transaction((tx) => findEntitlement(tx, ref)));
  }

  /**
   * Entitlements in creation order, a page at a time, optionally of one customer and/or feature;
   * deleted ones only with `includeDeleted`.
   * @example
   * const { items } = await tg.entitlements.list({ customer: 'acme' });
   */
  async list(input: EntitlementListInput = {}): Promise<Page<Entitlement>> {
    const data = parseInput(entitlementListSchema, input);
    const limit = data.limit ?? DEFAULT_PAGE;
    const afterId = data.cursor === undefined ? undefined : decodeCursor(data.cursor);
    const rows = await this.ctx.transaction(async (tx) => {
      const customerId = data.customer === undefined ? undefined : (await resolveCustomer(tx, data.customer)).id;
      const featureId = data.feature === undefined ? undefined : (await resolveFeature(tx, data.feature)).id;
      return tx.entitlements.list({
        limit: limit + 1,
        includeDeleted: data.includeDeleted ?? false,
        ...(afterId !== undefined && { afterId }),
        ...(customerId !== undefined && { customerId }),
        ...(featureId !== undefined && { featureId }),
      });
    });
    const page = toPage(rows, limit);
    return { ...page, items: page.items.map(toEntitlement) };
  }

  /**
   * Deletes an entitlement (softly): from now on checks deny with `inactive`, checks at earlier
   * instants still see it, and a new entitlement to the feature may be created. Deleting twice is a no-op.
   * @example
   * await tg.entitlements.delete(entitlement.id);
   */
  async delete(id: string): Promise<Entitlement> {
    const ref = parseInput(refSchema, id, { prefix: 'id' });
    const record = await this.ctx.transaction(async (tx) => {
      const current = await findEntitlement(tx, ref);
      if (current.deletedAt !== null) return current;
      assertManual(current, 'delete');
      const now = this.ctx.clock.now();
      await tx.entitlements.markDeleted(current.id, now);
      await tx.usageCheckpoints.delete([current.id]);
      return { ...current, deletedAt: now, version: current.version + 1 };
    });
    return toEntitlement(record);
  }

  /**
   * Replaces an entitlement atomically: the current one is deleted now and a new one (any type) is
   * created for the same customer and feature; its grants stay with the old one.
   * @example
   * await tg.entitlements.override(e.id, { type: 'metered', usagePeriod: { interval: 'P1M' }, isSoftLimit: true });
   */
  async override(id: string, input: EntitlementBodyInput): Promise<Entitlement> {
    const ref = parseInput(refSchema, id, { prefix: 'id' });
    const body = parseInput(entitlementBodySchema, input);
    const record = await this.ctx.transaction(async (tx) => {
      const current = await findEntitlement(tx, ref);
      if (current.deletedAt !== null) throw entitlementStateError(`Entitlement ${current.id} is deleted`, 'deleted');
      assertManual(current, 'override');
      await tx.customers.lock(current.customerId);
      const feature = await tx.features.findById(current.featureId);
      if (feature === undefined) throw new NotFoundError('feature', current.featureId);
      const now = this.ctx.clock.now();
      throwIssues(await featureIssues(tx, body, feature));
      await tx.entitlements.markDeleted(current.id, now);
      await tx.usageCheckpoints.delete([current.id]);
      return this.insert(tx, current.customerId, feature, body, now);
    });
    return toEntitlement(record);
  }

  /**
   * Resets a metered entitlement's usage at `at` (default now): every grant rolls over (docs/semantics.md D8)
   * and the overage is forgiven unless `preserveOverage`. `at` may not be in the future nor before
   * the current usage period's start (nor the last reset). `retainAnchor: false` (default)
   * re-anchors the period grid at `at`. Emits `entitlement.reset`.
   * @example
   * await tg.entitlements.reset(e.id, { retainAnchor: true });
   */
  async reset(id: string, input: EntitlementResetInput = {}): Promise<Entitlement> {
    const ref = parseInput(refSchema, id, { prefix: 'id' });
    const data = parseInput(entitlementResetSchema, input);
    const pending: PendingNotification[] = [];
    const record = await this.ctx.transaction(async (tx) => {
      const current = await findEntitlement(tx, ref);
      if (current.type !== 'metered') throw entitlementStateError(`Entitlement ${current.id} is ${current.type}: only metered entitlements reset`, 'not_metered');
      if (current.deletedAt !== null) throw entitlementStateError(`Entitlement ${current.id} is deleted`, 'deleted');
      const now = this.ctx.clock.now();
      const at = data.at ?? now;
      const model = await this.evaluator.model(tx, current);
      throwIssues(manualResetIssues(model.timeline, at.getTime(), now.getTime()));
      const preserveOverage = data.preserveOverage ?? current.preserveOverageAtReset;
      const retainAnchor = data.retainAnchor ?? false;
      await tx.entitlementResets.insert({ id: this.ctx.ids(ID_PREFIX.entitlementReset), entitlementId: current.id, at, retainAnchor, preserveOverage, createdAt: now });
      const version = await tx.entitlements.bumpVersion(current.id);
      await tx.usageCheckpoints.delete([current.id]);
      await tx.balanceSnapshots.deleteAfter(current.id, at.getTime() - 1);
      const updated = { ...current, version };
      pending.push(this.notifier.pending('entitlement.reset', { entitlementId: current.id, customerId: current.customerId, feature: current.featureKey, at, retainAnchor, preserveOverage }));
      await this.notifier.evaluate(tx, updated, now.getTime(), pending);
      await this.notifier.write(tx, pending);
      return updated;
    });
    this.notifier.emit(pending);
    return toEntitlement(record);
  }

  /**
   * May the customer use the feature at `at` (default now), and how much is left? Never consumes.
   * Denials say why: `no_entitlement`, `inactive` (before activeFrom, from activeTo, deleted) or
   * `limit_reached` (a metered entitlement without balance, or with less than `quantity`). Counts
   * every event stamped at or before `at`. `at` at most ten years after now (ValidationError
   * `beyond_horizon`, path `at`).
   * @example
   * const v = await tg.entitlements.check('acme', 'api_calls', { quantity: 1 });
   * if (!v.hasAccess) throw new Error(`denied: ${v.reason}`);
   * // { feature: 'api_calls', type: 'metered', hasAccess: true, balance: '9120', usage: '880', overage: '0', ... }
   */
  async check(customer: string, feature: string, options: EntitlementCheckInput = {}): Promise<EntitlementValue> {
    const customerRef = parseInput(refSchema, customer, { prefix: 'customer' });
    const featureRef = parseInput(refSchema, feature, { prefix: 'feature' });
    const data = parseInput(entitlementCheckSchema, options);
    return this.ctx.transaction(async (tx) => {
      const nowMs = this.ctx.clock.now().getTime();
      const atMs = data.at?.getTime() ?? nowMs;
      assertWithinHorizon(atMs, nowMs, 'at');
      const target = await tx.entitlements.findCheckTarget(customerRef, featureRef);
      if (target === undefined) {
        await resolveCustomer(tx, customerRef);
        await resolveFeature(tx, featureRef);
        throw new NotFoundError('feature', featureRef);
      }
      const record = entitlementAt(target.entitlements, atMs);
      const denied = await denialAt(tx, target.entitlements, record, atMs);
      if (denied !== undefined || record === undefined) return { feature: target.featureKey, ...(denied ?? noEntitlementValue()) };
      const value =
        record.type === 'metered' && target.meterKey !== null
          ? await this.evaluator.valueAt(
              tx,
              {
                record,
                fingerprint: fingerprintOf(target.customerUpdatedAt),
                meterKey: target.meterKey,
                filters: target.filters,
                checkpoint: target.checkpoints.find((k) => k.entitlementId === record.id),
              },
              atMs,
              nowMs,
              data.quantity,
            )
          : await this.evaluator.valueAt(tx, record, atMs, nowMs);
      return { feature: target.featureKey, ...value };
    });
  }

  /**
   * Checks and records one usage event atomically (docs/semantics.md D18): in one transaction, with
   * the entitlement locked against concurrent consumers (in this process and others), computes the
   * quantity the event adds through the feature's meter (COUNT: 1, SUM: its value; an event the
   * meter or the feature's group-by filters leave out: 0), checks as `check(..., { quantity })` at
   * `at` would, and ingests the event only when access is granted (a soft limit always grants).
   * `at` defaults to the later of now and the event's time (which defaults to now); at most ten
   * years after now (ValidationError `beyond_horizon`, path `at`).
   *
   * The answer is the decision (`hasAccess`, `consumed`) with the figures after it. Idempotent by
   * the event's (source, id): an event stored before (by an earlier consume or by `events.ingest`)
   * is not counted again — `consumed: true, duplicate: true` with the state now; a denied event is
   * not stored, so retrying it decides again. A feature without a metered entitlement at `at`:
   * `consumed: false` with the check's answer.
   * @throws ValidationError for a malformed event (path `event.<field>`, as `events.ingest` rejects
   *   it) or one whose subject is not the customer's (`event.subject`, `not_customer_subject`);
   *   NotFoundError for an unknown customer or feature; StateError `not_additive` for a feature
   *   metered by a LATEST meter.
   * @example
   * const r = await tg.entitlements.consume('acme', 'api_calls', { event: { id: req.id, source: 'gateway', type: 'api.call', subject: 'acme-prod' } });
   * if (!r.consumed) return reply(429, r.reason);
   * // { feature: 'api_calls', hasAccess: true, consumed: true, duplicate: false, quantity: '1', balance: '9119', usage: '881', ... }
   */
  consume(customer: string, feature: string, options: EntitlementConsumeInput): Promise<ConsumeResult> {
    return this.consumer.consume(customer, feature, options);
  }

  /**
   * Every feature the customer has an entitlement to, with its value at `at` (default now, at most
   * ten years ahead: ValidationError `beyond_horizon`), by feature key.
   * @example
   * const all = await tg.entitlements.access('acme');
   * all.sso?.hasAccess; // true
   */
  async access(customer: string, options: EntitlementAccessInput = {}): Promise<Record<string, EntitlementValue>> {
    const customerRef = parseInput(refSchema, customer, { prefix: 'customer' });
    const data = parseInput(entitlementAccessSchema, options);
    return this.ctx.transaction(async (tx) => {
      const nowMs = this.ctx.clock.now().getTime();
      const atMs = data.at?.getTime() ?? nowMs;
      assertWithinHorizon(atMs, nowMs, 'at');
      const c = await resolveCustomer(tx, customerRef);
      const byFeature = new Map<string, EntitlementRecord[]>();
      for (const e of await tx.entitlements.listByCustomer(c.id)) byFeature.set(e.featureId, [...(byFeature.get(e.featureId) ?? []), e]);
      const out: Record<string, EntitlementValue> = {};
      for (const [featureId, records] of byFeature) {
        const record = entitlementAt(records, atMs);
        const feature = await tx.features.findById(featureId);
        if (record === undefined || feature === undefined) continue;
        const denied = await denialAt(tx, records, record, atMs);
        if (denied !== undefined) {
          out[feature.key] = { feature: feature.key, ...denied };
          continue;
        }
        const value =
          record.type === 'metered' && feature.meterKey !== null
            ? await this.evaluator.valueAt(tx, await this.evaluator.target(tx, record), atMs, nowMs)
            : await this.evaluator.valueAt(tx, record, atMs, nowMs);
        out[feature.key] = { feature: feature.key, ...value };
      }
      return out;
    });
  }

  /**
   * A metered entitlement's usage and balance over `[from, to)`: per window of `windowSize` (UTC)
   * the usage and the balance at the window start, and the burn-down segments with what each grant gave.
   * At most `MAX_QUERY_WINDOWS` windows (`too_many_windows`); `to` at most ten years after now (`beyond_horizon`).
   * @example
   * const h = await tg.entitlements.history(e.id, { from: '2024-03-01T00:00:00Z', to: '2024-04-01T00:00:00Z', windowSize: 'DAY' });
   */
  async history(id: string, input: EntitlementHistoryInput): Promise<EntitlementHistory> {
    const ref = parseInput(refSchema, id, { prefix: 'id' });
    const data = parseInput(entitlementHistorySchema, input);
    return this.ctx.transaction(async (tx) => {
      const record = await findEntitlement(tx, ref);
      if (record.type !== 'metered') throw entitlementStateError(`Entitlement ${record.id} is ${record.type}: only metered entitlements have a history`, 'not_metered');
      const nowMs = this.ctx.clock.now().getTime();
      const target = await this.evaluator.target(tx, record);
      const model = await this.evaluator.model(tx, record);
      const scope = { meter: await this.evaluator.meter(tx, target.meterKey), customerId: record.customerId, filters: target.filters };
      const fromMs = data.from.getTime();
      const toMs = data.to.getTime();
      const windows = historyWindows(fromMs, toMs, data.windowSize, model.timeline.measureUsageFrom);
      assertWithinHorizon(toMs, nowMs, 'to');
      const windowedHistory = [];
      for (const w of windows) {
        const start = await this.evaluator.replay(tx, model, scope, target.fingerprint, w.from, nowMs, false);
        windowedHistory.push({ from: new Date(w.from), to: new Date(w.to), usage: await readUsage(tx, scope, w.usageFrom, w.to, nowMs), balanceAtStart: start.balance });
      }
      const atFrom = await this.evaluator.replay(tx, model, scope, target.fingerprint, fromMs, nowMs, false);
      const run = await this.runSegments(tx, model, scope, atFrom, toMs, nowMs);
      return { windowedHistory, burndownHistory: run };
    });
  }

  /** The burn-down segments from the state `atFrom` to `toMs`. */
  private async runSegments(tx: StorageTransaction, model: EntitlementModel, scope: UsageScope, atFrom: BurnDownResult, toMs: number, nowMs: number): Promise<BurndownHistoryRow[]> {
    const fromMs = atFrom.to.getTime();
    if (fromMs >= toMs) return [];
    const base = {
      grants: model.prepared,
      from: atFrom.to,
      to: new Date(toMs),
      periodStart: atFrom.periodStart,
      startingBalances: atFrom.balances,
      startingOverage: atFrom.overage,
      startingUsage: atFrom.usage,
      startingGrantUsage: atFrom.grantUsage,
      resets: model.timeline.resetsBetween(atFrom.to, new Date(toMs)).map((r) => ({ at: r.at, preserveOverage: r.preserveOverage })),
      aggregation: burnDownAggregationOf(scope.meter.aggregation),
      measureUsageFrom: new Date(model.timeline.measureUsageFrom),
    };
    const result = await burnDownFromMeter(base, usageQueryOf(tx, scope, nowMs));
    return result.segments.map(toBurndownRow);
  }

  /** Validates against the feature and inserts a new entitlement (and its issue-after-reset grant). */
  private async insert(tx: StorageTransaction, customerId: string, feature: FeatureRecord, body: EntitlementBody, now: Date): Promise<EntitlementRecord> {
    throwIssues(await featureIssues(tx, body, feature));
    const record = entitlementRecordOf(this.ctx.ids(ID_PREFIX.entitlement), customerId, feature, body, now);
    const span = entitlementSpan(record);
    const clash = (await tx.entitlements.listByCustomer(customerId, feature.id)).find((e) => e.id !== record.id && spansOverlap(entitlementSpan(e), span));
    if (clash !== undefined) {
      throw entitlementConflict(
        `Customer ${customerId} already has an entitlement to feature ${feature.key} (${clash.id}${clash.subscriptionId === null ? '' : `, from subscription ${clash.subscriptionId}`}) at an overlapping time`,
      );
    }
    await tx.entitlements.insert(record);
    const grant = issueAfterResetRecord(this.ctx.ids(ID_PREFIX.grant), record, now);
    if (grant !== undefined) await tx.grants.insert(grant);
    return record;
  }
}

/** Refuses to delete or override an entitlement a subscription manages (BILLING.md EN3). */
function assertManual(e: EntitlementRecord, action: 'delete' | 'override'): void {
  if (e.subscriptionId !== null) {
    throw entitlementStateError(
      `Entitlement ${e.id} is managed by subscription ${e.subscriptionId}: ${action} it through the subscription (edit, change or cancel)`,
      'subscription_managed',
    );
  }
}
