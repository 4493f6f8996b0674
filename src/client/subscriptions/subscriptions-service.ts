import { canonicalizeNumerics } from '../../core/catalog';
import {
  MAX_CUSTOMIZATIONS,
  assertAllowed,
  cancelAt,
  changeAt,
  continueSubscription,
  currencyMismatchIssues,
  nextMigrationVersion,
  resolvePlanVersion,
  resolveTiming,
  subscriptionStatusAt,
  subscriptionTimeline,
  type BillingAnchorInput,
  type SubscriptionAction,
  type SubscriptionTimeline,
  type TimelinePlan,
  type Timing,
} from '../../core/subscriptions';
import { ConcurrencyError, ConflictError, NotFoundError, ValidationError, type ValidationIssue } from '../../errors';
import {
  type PlanChoiceInput,
  type SubscriptionCancelInput,
  type SubscriptionChangeInput,
  type SubscriptionCreateInput,
  type SubscriptionEditInput,
  type SubscriptionListInput,
  type SubscriptionMigrateInput,
  type SubscriptionTimelineInput,
  parseInput,
  refSchema,
  subscriptionCancelSchema,
  subscriptionChangeSchema,
  subscriptionCreateSchema,
  subscriptionEditSchema,
  subscriptionListSchema,
  subscriptionMigrateSchema,
  subscriptionTimelineSchema,
} from '../../schema';
import type { PlanRecord, StorageTransaction, SubscriptionPlanSnapshot, SubscriptionRecord } from '../../storage';
import { planIssues } from '../catalog/plans-service';
import { resolveCustomer } from '../customers/customers-service';
import { type PendingNotification, emitAll, writeOutbox } from '../notifications/outbox';
import type { ServiceContext } from '../shared/context';
import { decodeCursor, type Page, toPage } from '../shared/cursor';
import { ID_PREFIX } from '../shared/ids';
import { isIdOf } from '../shared/resolve-ref';
import { type Subscription, currentPeriodOf, toSubscription } from './subscription';
import type { SubscriptionEntitlements } from './subscription-entitlements';
import type { SubscriptionEventName } from './subscription-events';
import { timelineOf } from './subscription-timeline-of';

const DEFAULT_PAGE = 100;

/** A plan resolved for a subscription: the snapshot it keeps, its currency, key and version. */
interface ResolvedPlan {
  key: string | null;
  version: number | null;
  currency: string;
  snapshot: SubscriptionPlanSnapshot;
}

/** What starting a subscription needs, for create and for the successor of change and migrate. */
interface StartInput {
  id: string;
  customerId: string;
  plan: ResolvedPlan;
  activeFrom: Date;
  billingAnchor: BillingAnchorInput | undefined;
  startingPhase: string | undefined;
  timeZone: string;
  name: string | undefined;
  metadata: Record<string, string>;
  previousSubscriptionId: string | null;
  now: Date;
}

/** The plan as the timeline core reads it. */
const timelinePlanOf = (r: Pick<SubscriptionRecord, 'currency' | 'plan'>): TimelinePlan => ({
  currency: r.currency,
  billingCadence: r.plan.billingCadence,
  phases: r.plan.phases as TimelinePlan['phases'],
});

/** The subscription with this id (deleted ones too); NotFoundError otherwise. */
export async function findSubscription(tx: StorageTransaction, id: string): Promise<SubscriptionRecord> {
  const found = await tx.subscriptions.findById(id);
  if (found === undefined) throw new NotFoundError('subscription', id);
  return found;
}

/**
 * `tg.subscriptions`: customers on plan versions (or custom plans) over time (BILLING.md §1, SB1–SB15),
 * with the entitlements their plans imply kept in step in the same transaction (EN1–EN5). Every
 * action is decided at the clock's now under the customer's lock, so two processes acting on one
 * subscription never both win.
 */
export class SubscriptionsService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly entitlements: SubscriptionEntitlements,
  ) {}

  /**
   * Subscribes a customer to a plan: a key (the version active now), `{ key, version }`, a version
   * id, or `{ custom: planBody }`. Starts now (`timing: 'immediate'`, default) or at a later
   * instant (then `scheduled`). The billing anchor defaults to the start; `{ phaseStart: key }`
   * anchors at a phase's start. Provisions the entitlements of the plan's templates.
   * @throws {@link ValidationError} `timing_in_past`, `currency_mismatch`, `unknown_phase`, a custom plan's publish issues (paths under `plan.custom`).
   * @throws {@link StateError} `plan_not_subscribable`; {@link NotFoundError} unknown customer or plan.
   * @throws {@link ConflictError} `entitlement_conflict` when another entitlement covers a feature of the plan (SB14).
   * @example
   * const sub = await tg.subscriptions.create({ customer: 'acme', plan: 'pro' });
   * sub.status; // 'active'
   */
  async create(input: SubscriptionCreateInput): Promise<Subscription> {
    const data = parseInput(subscriptionCreateSchema, input);
    const pending: PendingNotification[] = [];
    const result = await this.ctx.transaction(async (tx) => {
      const now = this.ctx.clock.now();
      const customer = await resolveCustomer(tx, data.customer);
      await tx.customers.lock(customer.id);
      const plan = await this.resolvePlan(tx, data.plan, now);
      throwIssues(currencyMismatchIssues(plan.currency, customer.currency));
      const record = await this.start(tx, {
        id: this.ctx.ids(ID_PREFIX.subscription),
        customerId: customer.id,
        plan,
        activeFrom: startOf(data.timing, now),
        billingAnchor: data.billingAnchor,
        startingPhase: data.startingPhase,
        timeZone: customer.timezone ?? 'UTC',
        name: data.name,
        metadata: data.metadata ?? {},
        previousSubscriptionId: null,
        now,
      });
      pending.push(this.event('subscription.created', record, now));
      await writeOutbox(this.ctx, tx, pending);
      return toSubscription(record, now);
    });
    emitAll(this.ctx, pending);
    return result;
  }

  /**
   * Customizes an active subscription's items from now (`immediate`, default) or from the end of
   * the current billing period (`next_billing_cycle`), which must stay in the current phase:
   * `add_item`, `remove_item`, `override_price` (SB13). At most 100 customizations per call.
   * @throws {@link ValidationError} `too_many_customizations`, `edit_crosses_phase`, `unknown_item`, `unknown_phase`, `cadence_unaligned`,
   *   an added card's publish issues (`unknown_feature`…, paths under `customizations[j].rateCard`)…
   * @throws {@link StateError} `invalid_transition`; {@link ConflictError} `successor_scheduled`, `item_exists`, `entitlement_conflict`.
   * @example
   * await tg.subscriptions.edit(sub.id, { customizations: [
   *   { op: 'override_price', phase: 'default', item: 'platform', price: { type: 'flat', amount: '25' } }] });
   */
  async edit(id: string, input: SubscriptionEditInput): Promise<Subscription> {
    const ref = parseInput(refSchema, id, { prefix: 'id' });
    const data = parseInput(subscriptionEditSchema, input);
    if (data.customizations.length > MAX_CUSTOMIZATIONS) {
      throw ValidationError.single('customizations', 'too_many_customizations', `At most ${MAX_CUSTOMIZATIONS} customizations per edit; got ${data.customizations.length}`);
    }
    return this.act(ref, async (tx, current, now, pending) => {
      await this.assertAction(tx, 'edit', current, now);
      await this.addedCardIssues(tx, current, data.customizations);
      const at = data.timing === 'next_billing_cycle' ? periodEndAt(current, now) : now;
      const phaseEnd = phaseAt(timelineOf(current), now)?.to ?? null;
      if (phaseEnd !== null && at.getTime() >= phaseEnd.getTime()) {
        throw ValidationError.single('timing', 'edit_crosses_phase', `The edit would apply at ${at.toISOString()}, in the next phase: edit within the current phase (it ends ${phaseEnd.toISOString()})`);
      }
      // edits are kept in time order: one at the next cycle may precede an immediate one made later
      const edits = [...current.edits, { at, customizations: canonicalizeNumerics(data.customizations) as unknown[] }].sort((a, b) => a.at.getTime() - b.at.getTime());
      const edited = { ...current, customized: true, edits };
      const record = await withEditPaths(() => this.save(tx, current, edited, now));
      pending.push(this.event('subscription.updated', record, now));
      return record;
    });
  }

  /**
   * Ends an active subscription at `timing` (`immediate`, `next_billing_cycle` or an instant ≥ now):
   * canceled until then, inactive from then on; its items and entitlements end there (SB9).
   * `proration: 'full_period'` bills the last period's flat fees in full.
   * @throws {@link StateError} `invalid_transition` (a scheduled one is deleted instead); {@link ConflictError} `successor_scheduled`;
   *   {@link ValidationError} `timing_in_past`.
   * @example
   * await tg.subscriptions.cancel(sub.id, { timing: 'next_billing_cycle' });
   */
  async cancel(id: string, input: SubscriptionCancelInput): Promise<Subscription> {
    const ref = parseInput(refSchema, id, { prefix: 'id' });
    const data = parseInput(subscriptionCancelSchema, input);
    return this.act(ref, async (tx, current, now, pending) => {
      const hasSuccessor = await this.hasScheduledSuccessor(tx, current, now);
      assertAllowed('cancel', subscriptionStatusAt(current, now), hasSuccessor);
      const at = this.timingAt(data.timing, current, now);
      const ended = cancelAt({ ...current, hasScheduledSuccessor: hasSuccessor }, { now, at, proration: data.proration });
      const record = await this.save(tx, current, { ...current, activeTo: ended.activeTo, cancelProration: ended.proration }, now);
      pending.push(this.event('subscription.canceled', record, now));
      return record;
    });
  }

  /**
   * Undoes a pending cancel (SB10): open-ended again, items and entitlements re-extended, and a
   * successor a change or migrate scheduled is deleted.
   * @throws {@link StateError} `invalid_transition` unless canceled; {@link ConflictError} `entitlement_conflict`
   *   when a feature was entitled elsewhere after the cancel.
   * @example
   * await tg.subscriptions.continue(sub.id);
   */
  async continue(id: string): Promise<Subscription> {
    const ref = parseInput(refSchema, id, { prefix: 'id' });
    return this.act(ref, async (tx, current, now, pending) => {
      const result = continueSubscription(current, { now });
      if (result.deleteSuccessor !== null) {
        const successor = await findSubscription(tx, result.deleteSuccessor);
        if (successor.deletedAt === null) pending.push(this.event('subscription.deleted', await this.markDeleted(tx, successor, now), now));
      }
      const reopened = { ...current, activeTo: null, cancelProration: null, nextSubscriptionId: null };
      const record = await this.save(tx, current, reopened, now);
      pending.push(this.event('subscription.continued', record, now));
      return record;
    });
  }

  /**
   * Moves an active subscription to another plan at `timing` (SB11): the current one ends there and
   * a linked successor starts there (same anchor unless `billingAnchor`), in one transaction. Usage
   * and template allowances restart; manual grants carry over unless `carryOverGrants: false` (EN4).
   * @throws as {@link SubscriptionsService.create} and {@link SubscriptionsService.cancel}.
   * @example
   * const { current, next } = await tg.subscriptions.change(sub.id, { plan: 'pro', timing: 'immediate' });
   */
  async change(id: string, input: SubscriptionChangeInput): Promise<{ current: Subscription; next: Subscription }> {
    const ref = parseInput(refSchema, id, { prefix: 'id' });
    const data = parseInput(subscriptionChangeSchema, input);
    return this.succeed(ref, 'change', data, async (tx, now) => this.resolvePlan(tx, data.plan, now));
  }

  /**
   * Moves a subscription to a newer version of its plan (SB12): `version`, or the version active now;
   * `timing` default `immediate`. Customizations are not carried over.
   * @throws {@link ValidationError} `not_newer`; {@link StateError} `custom_plan`; and as {@link SubscriptionsService.change}.
   * @example
   * await tg.subscriptions.migrate(sub.id, { timing: 'next_billing_cycle' });
   */
  async migrate(id: string, input: SubscriptionMigrateInput = {}): Promise<{ current: Subscription; next: Subscription }> {
    const ref = parseInput(refSchema, id, { prefix: 'id' });
    const data = parseInput(subscriptionMigrateSchema, input);
    return this.succeed(ref, 'migrate', { ...data, timing: data.timing ?? 'immediate' }, async (tx, now, current) => {
      const key = current.planKey;
      const versions = key === null ? [] : await tx.plans.versions(key);
      const target = nextMigrationVersion(versions, key === null || current.planVersion === null ? null : { key, version: current.planVersion }, data.version, now);
      if (target === undefined) throw new NotFoundError('plan', `${key ?? ''} version ${data.version ?? ''}`.trim());
      return resolvedOf(target);
    });
  }

  /**
   * Deletes a scheduled subscription (SB7) and its entitlements; it stays readable, `inactive`.
   * Deleting a change's successor clears the current's `nextSubscriptionId` and keeps its end.
   * @throws {@link StateError} `invalid_transition` unless scheduled.
   * @example
   * await tg.subscriptions.delete(scheduled.id);
   */
  async delete(id: string): Promise<Subscription> {
    const ref = parseInput(refSchema, id, { prefix: 'id' });
    return this.act(ref, async (tx, current, now, pending) => {
      assertAllowed('delete', subscriptionStatusAt(current, now), false);
      const record = await this.markDeleted(tx, current, now);
      if (current.previousSubscriptionId !== null) {
        const previous = await tx.subscriptions.findById(current.previousSubscriptionId);
        if (previous !== undefined && previous.nextSubscriptionId === current.id) {
          const unlinked = await this.save(tx, previous, { ...previous, nextSubscriptionId: null }, now);
          pending.push(this.event('subscription.updated', unlinked, now));
        }
      }
      pending.push(this.event('subscription.deleted', record, now));
      return record;
    });
  }

  /**
   * The subscription with this id (deleted ones too), read at the clock's now.
   * @example
   * const sub = await tg.subscriptions.get('sub_01HV…');
   */
  async get(id: string): Promise<Subscription> {
    const ref = parseInput(refSchema, id, { prefix: 'id' });
    return this.ctx.transaction(async (tx) => toSubscription(await findSubscription(tx, ref), this.ctx.clock.now()));
  }

  /**
   * Subscriptions by id, a page at a time, optionally of one customer and with one status at `at` (default now).
   * @example
   * const { items } = await tg.subscriptions.list({ customer: 'acme', status: 'active' });
   */
  async list(input: SubscriptionListInput = {}): Promise<Page<Subscription>> {
    const data = parseInput(subscriptionListSchema, input);
    const limit = data.limit ?? DEFAULT_PAGE;
    const afterId = data.cursor === undefined ? undefined : decodeCursor(data.cursor);
    return this.ctx.transaction(async (tx) => {
      const now = this.ctx.clock.now();
      const customerId = data.customer === undefined ? undefined : (await resolveCustomer(tx, data.customer)).id;
      const rows = await tx.subscriptions.list({
        limit: limit + 1,
        ...(afterId !== undefined && { afterId }),
        ...(customerId !== undefined && { customerId }),
        ...(data.status !== undefined && { status: { status: data.status, at: data.at ?? now } }),
      });
      const page = toPage(rows, limit);
      return { ...page, items: page.items.map((r) => toSubscription(r, now)) };
    });
  }

  /**
   * The subscription laid out in time: phases, item versions and the billing periods overlapping
   * `[from, to)` (default from its start; `to` is required while it is open-ended).
   * @throws {@link ValidationError} `range_required` (path `to`).
   * @example
   * const t = await tg.subscriptions.timeline(sub.id, { to: '2025-01-01T00:00:00Z' });
   * t.billingPeriods[0]; // { from, to, phase: 'default', fullPeriod }
   */
  async timeline(id: string, input: SubscriptionTimelineInput = {}): Promise<SubscriptionTimeline> {
    const ref = parseInput(refSchema, id, { prefix: 'id' });
    const data = parseInput(subscriptionTimelineSchema, input);
    return this.ctx.transaction(async (tx) => {
      const record = await findSubscription(tx, ref);
      if (data.to === undefined && record.activeTo === null) {
        throw ValidationError.single('to', 'range_required', 'The subscription is open-ended: give `to`, where the billing periods listed end');
      }
      const timeline = timelineOf(record, { from: data.from ?? record.activeFrom, to: data.to ?? record.activeTo ?? undefined });
      return { ...timeline, phases: toSubscription(record, this.ctx.clock.now()).phases };
    });
  }

  /** Change and migrate: end the current at t and start its linked successor there (SB11, SB12). */
  private succeed(
    ref: string,
    action: 'change' | 'migrate',
    data: { timing: Timing; billingAnchor?: BillingAnchorInput | undefined; startingPhase?: string | undefined; proration?: 'prorate' | 'full_period' | undefined; carryOverGrants?: boolean | undefined },
    target: (tx: StorageTransaction, now: Date, current: SubscriptionRecord) => Promise<ResolvedPlan>,
  ): Promise<{ current: Subscription; next: Subscription }> {
    const pending: PendingNotification[] = [];
    return this.ctx
      .transaction(async (tx) => {
        const now = this.ctx.clock.now();
        const current = await this.locked(tx, ref);
        const hasSuccessor = await this.hasScheduledSuccessor(tx, current, now);
        assertAllowed(action, subscriptionStatusAt(current, now), hasSuccessor);
        const plan = await target(tx, now, current);
        const customer = await tx.customers.findById(current.customerId);
        throwIssues(currencyMismatchIssues(plan.currency, customer?.currency));
        const at = this.timingAt(data.timing, current, now);
        const halves = changeAt({ ...current, hasScheduledSuccessor: hasSuccessor }, { now, at, billingAnchor: data.billingAnchor, proration: data.proration, action });
        const nextId = this.ctx.ids(ID_PREFIX.subscription);
        const ended = await this.save(tx, current, { ...current, activeTo: halves.current.activeTo, cancelProration: halves.current.proration, nextSubscriptionId: nextId }, now);
        const { record: next, created } = await this.startWithEntitlements(tx, {
          id: nextId,
          customerId: current.customerId,
          plan,
          activeFrom: halves.next.activeFrom,
          billingAnchor: halves.next.billingAnchor,
          startingPhase: data.startingPhase,
          timeZone: current.timeZone,
          name: undefined,
          metadata: { ...current.metadata },
          previousSubscriptionId: current.id,
          now,
        });
        if (data.carryOverGrants !== false) {
          await this.entitlements.carryOver(tx, { previousId: current.id, customerId: current.customerId, next: created, at: halves.next.activeFrom, now });
        }
        pending.push(this.event('subscription.updated', ended, now), this.event('subscription.created', next, now));
        await writeOutbox(this.ctx, tx, pending);
        return { current: toSubscription(ended, now), next: toSubscription(next, now) };
      })
      .then((result) => {
        emitAll(this.ctx, pending);
        return result;
      });
  }

  /** One action on one subscription: locked, decided at now, notifications written with it and emitted after. */
  private async act(
    ref: string,
    body: (tx: StorageTransaction, current: SubscriptionRecord, now: Date, pending: PendingNotification[]) => Promise<SubscriptionRecord>,
  ): Promise<Subscription> {
    const pending: PendingNotification[] = [];
    const result = await this.ctx.transaction(async (tx) => {
      const now = this.ctx.clock.now();
      const record = await body(tx, await this.locked(tx, ref), now, pending);
      await writeOutbox(this.ctx, tx, pending);
      return toSubscription(record, now);
    });
    emitAll(this.ctx, pending);
    return result;
  }

  /** The subscription, read again once its customer is locked, so the decision sees the last committed state. */
  private async locked(tx: StorageTransaction, ref: string): Promise<SubscriptionRecord> {
    const found = await findSubscription(tx, ref);
    await tx.customers.lock(found.customerId);
    return findSubscription(tx, ref);
  }

  private async start(tx: StorageTransaction, input: StartInput): Promise<SubscriptionRecord> {
    return (await this.startWithEntitlements(tx, input)).record;
  }

  /** Inserts a new subscription with its phases and provisions its entitlements. */
  private async startWithEntitlements(tx: StorageTransaction, input: StartInput) {
    const facts = {
      currency: input.plan.currency,
      plan: input.plan.snapshot,
      activeFrom: input.activeFrom,
      activeTo: null,
      startingPhase: input.startingPhase ?? null,
      timeZone: input.timeZone,
      edits: [],
    };
    // the anchor as given ({ phaseStart } or an instant) resolves here, and is stored resolved (SB3)
    const timeline = subscriptionTimeline({
      plan: timelinePlanOf(facts),
      activeFrom: input.activeFrom,
      billingAnchor: input.billingAnchor,
      startingPhase: input.startingPhase,
      timeZone: input.timeZone,
      from: input.activeFrom,
      to: new Date(input.activeFrom.getTime() + 1),
    });
    const base: SubscriptionRecord = {
      ...facts,
      id: input.id,
      customerId: input.customerId,
      name: input.name ?? input.plan.snapshot.name,
      planKey: input.plan.key,
      planVersion: input.plan.version,
      customized: false,
      billingAnchor: timeline.billingAnchor,
      cancelProration: null,
      previousSubscriptionId: input.previousSubscriptionId,
      nextSubscriptionId: null,
      metadata: input.metadata,
      createdAt: input.now,
      updatedAt: input.now,
      deletedAt: null,
      revision: 1,
      phases: [],
    };
    const synced = await this.entitlements.sync(tx, { subscription: base, previousPhases: [], timeline, plan: timelinePlanOf(base), now: input.now });
    const record = { ...base, phases: synced.phases };
    await tx.subscriptions.insert(record);
    return { record, created: synced.created };
  }

  /** Writes `next` over `current`: timeline recomputed, entitlements kept in step, revision bumped. */
  private async save(tx: StorageTransaction, current: SubscriptionRecord, next: SubscriptionRecord, now: Date): Promise<SubscriptionRecord> {
    const timeline = timelineOf(next);
    const synced = await this.entitlements.sync(tx, { subscription: next, previousPhases: current.phases, timeline, plan: timelinePlanOf(next), now });
    const record: SubscriptionRecord = { ...next, phases: synced.phases, revision: current.revision + 1, updatedAt: now };
    if (!(await tx.subscriptions.update(record, current.revision))) {
      throw new ConcurrencyError(`Subscription ${current.id} changed concurrently; retry`);
    }
    return record;
  }

  private async markDeleted(tx: StorageTransaction, current: SubscriptionRecord, now: Date): Promise<SubscriptionRecord> {
    await this.entitlements.deleteAll(tx, current, now);
    const record: SubscriptionRecord = { ...current, deletedAt: now, revision: current.revision + 1, updatedAt: now };
    if (!(await tx.subscriptions.update(record, current.revision))) {
      throw new ConcurrencyError(`Subscription ${current.id} changed concurrently; retry`);
    }
    return record;
  }

  /**
   * An `add_item` card is validated like a card of a publish (SB1, SB15): its feature must exist
   * (with a meter for a metered template), its price and cadence fit, and so on. Issues are named
   * by the customization (`customizations[j].rateCard.feature`).
   */
  private async addedCardIssues(tx: StorageTransaction, current: SubscriptionRecord, customizations: SubscriptionEditInput['customizations']): Promise<void> {
    const issues: ValidationIssue[] = [];
    for (const [j, c] of customizations.entries()) {
      if (c.op !== 'add_item') continue;
      const content = { currency: current.currency, billingCadence: current.plan.billingCadence, phases: [{ key: c.phase, rateCards: [canonicalizeNumerics(c.rateCard)] }] };
      for (const i of await planIssues(this.ctx, tx, content)) {
        issues.push({ ...i, path: i.path.replace(/^phases\[0\]\.rateCards\[0\]/, `customizations[${j}].rateCard`).replace(/^phases\[0\]/, `customizations[${j}]`) });
      }
    }
    throwIssues(issues);
  }

  /** SB7a: a successor created by change or migrate that has not started yet. */
  private async hasScheduledSuccessor(tx: StorageTransaction, current: SubscriptionRecord, now: Date): Promise<boolean> {
    if (current.nextSubscriptionId === null) return false;
    const next = await tx.subscriptions.findById(current.nextSubscriptionId);
    return next !== undefined && subscriptionStatusAt(next, now) === 'scheduled';
  }

  /** SB7a then SB7 for an action on `current` at now. */
  private async assertAction(tx: StorageTransaction, action: SubscriptionAction, current: SubscriptionRecord, now: Date): Promise<void> {
    assertAllowed(action, subscriptionStatusAt(current, now), await this.hasScheduledSuccessor(tx, current, now));
  }

  /** SB8: the instant a timing names for this subscription. */
  private timingAt(timing: Timing, current: SubscriptionRecord, now: Date): Date {
    return resolveTiming(timing, { now, currentPeriodEnd: timing === 'next_billing_cycle' ? periodEndAt(current, now) : now });
  }

  /** SB1: the plan version (or custom plan) a choice names, as the subscription snapshots it. */
  private async resolvePlan(tx: StorageTransaction, choice: PlanChoiceInput, now: Date): Promise<ResolvedPlan> {
    if (typeof choice === 'string') {
      if (isIdOf(ID_PREFIX.plan, choice)) {
        const named = await tx.plans.findById(choice);
        if (named === undefined) throw new NotFoundError('plan', choice);
        return resolvedOf(resolvePlanVersion(await tx.plans.versions(named.key), { version: named.version }, now) as PlanRecord);
      }
      const found = resolvePlanVersion(await tx.plans.versions(choice), {}, now);
      if (found === undefined) throw new NotFoundError('plan', choice);
      return resolvedOf(found);
    }
    if ('key' in choice) {
      const found = resolvePlanVersion(await tx.plans.versions(choice.key), { version: choice.version }, now);
      if (found === undefined) throw new NotFoundError('plan', choice.version === undefined ? choice.key : `${choice.key} version ${choice.version}`);
      return resolvedOf(found);
    }
    const body = choice.custom;
    const phases = canonicalizeNumerics(body.phases) as unknown[];
    const content = { currency: body.currency, billingCadence: body.billingCadence, phases };
    const issues = await planIssues(this.ctx, tx, content);
    if (issues.length > 0) throw new ValidationError(issues.map((i) => ({ ...i, path: `plan.custom.${i.path}` })));
    return {
      key: null,
      version: null,
      currency: body.currency,
      snapshot: { name: body.name, billingCadence: body.billingCadence, proRating: { enabled: body.proRating?.enabled ?? true, mode: body.proRating?.mode ?? 'exact' }, phases },
    };
  }

  /**
   * A notification of a change of `record`. Its `key` `{event}:{id}:{revision}` makes redelivery
   * deduplicable (NT1); the outbox id stays time-ordered, so polling returns changes in order.
   */
  private event(type: SubscriptionEventName, record: SubscriptionRecord, now: Date): PendingNotification {
    return {
      type,
      payload: {
        notificationId: this.ctx.ids(ID_PREFIX.notification),
        key: `${type}:${record.id}:${record.revision}`,
        subscription: toSubscription(record, now),
        revision: record.revision,
      },
    };
  }
}

/** A published plan version as a subscription snapshots it. */
function resolvedOf(plan: PlanRecord): ResolvedPlan {
  return {
    key: plan.key,
    version: plan.version,
    currency: plan.currency,
    // storage hands out its own copy of the record (memory: a frozen one), so the phases are shared, not cloned
    snapshot: { name: plan.name, billingCadence: plan.billingCadence, proRating: { ...plan.proRating }, phases: plan.phases },
  };
}

/** SB2: `immediate` (default) is now; an instant must not be before now. */
function startOf(timing: 'immediate' | Date | undefined, now: Date): Date {
  if (timing === undefined || timing === 'immediate') return now;
  if (timing.getTime() < now.getTime()) throw ValidationError.single('timing', 'timing_in_past', 'A subscription cannot start before now: give `immediate` or a later instant');
  return timing;
}

/** SB8: the end of the billing period containing now. */
function periodEndAt(record: SubscriptionRecord, now: Date): Date {
  const period = currentPeriodOf(record, now);
  if (period === null) throw ValidationError.single('timing', 'invalid_timing', 'The subscription has no billing period at now, so no next billing cycle');
  return period.to;
}

function phaseAt(timeline: SubscriptionTimeline, at: Date) {
  return timeline.phases.find((p) => p.from.getTime() <= at.getTime() && (p.to === null || at.getTime() < p.to.getTime()));
}

/** Runs an edit's recomputation, naming its issues by the edit's own paths (`customizations[j]…`, `timing`). */
async function withEditPaths<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(error.issues.map((i) => ({ ...i, path: i.path.replace(/^edits\[\d+\]\.at$/, 'timing').replace(/^edits\[\d+\]\./, '') })));
  }
}

function throwIssues(issues: ValidationIssue[]): void {
  if (issues.length > 0) throw new ValidationError(issues);
}
