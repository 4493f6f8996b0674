import { entitlementSpan, isActiveAt } from '../../core/entitlements';
import {
  assertNoFeatureConflicts,
  carryOverGrants,
  timelineEntitlements,
  type FeatureSpan,
  type SubscriptionTimeline,
  type TimelineEntitlement,
  type TimelinePlan,
} from '../../core/subscriptions';
import { ValidationError } from '../../errors';
import type { EntitlementRecord, GrantRecord, StorageTransaction, SubscriptionPhaseRecord, SubscriptionRecord } from '../../storage';
import type { EntitlementEvaluator } from '../entitlements/entitlement-evaluator';
import { issueAfterResetRecord } from '../entitlements/entitlement-record';
import type { ServiceContext } from '../shared/context';
import { ID_PREFIX } from '../shared/ids';
import { phaseRecordsOf } from './subscription-timeline-of';

const sourceKey = (phase: string, item: string, version: number): string => `${phase}\u0000${item}\u0000${version}`;
const sameTime = (a: Date | null, b: Date | null): boolean => (a === null ? b === null : b !== null && a.getTime() === b.getTime());

/** What a sync of a subscription's entitlements needs to know besides its new timeline. */
export interface EntitlementSyncInput {
  /** The subscription as it will be stored (id, customer). */
  subscription: Pick<SubscriptionRecord, 'id' | 'customerId'>;
  /** Its phases as stored before this change (empty for a new subscription): which entitlement each item version had. */
  previousPhases: readonly SubscriptionPhaseRecord[];
  timeline: SubscriptionTimeline;
  /** The plan the rate-card paths of an `entitlement_conflict` refer to (SB14). */
  plan: TimelinePlan;
  now: Date;
}

/**
 * Keeps the entitlements a subscription provisions in step with its timeline (BILLING.md EN1–EN3),
 * inside the caller's transaction and under the customer's lock: an entitlement implied by the
 * timeline that already exists (it covers one of the same item versions, same feature and start)
 * is kept and its `activeTo` moved when it changed (a cancel ends it, a continue re-opens it, an
 * override extends it across versions); a new one is created with its issue-after-reset grant; one
 * the timeline no longer implies stops giving access from now (or never started). Refuses a feature
 * another subscription or a manual entitlement covers at an overlapping time, or that two of its own
 * items would entitle at once (SB14).
 */
export class SubscriptionEntitlements {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly evaluator: EntitlementEvaluator,
  ) {}

  /**
   * Provisions, extends or ends the subscription's entitlements; returns its phases as stored, each
   * item version with its entitlement id, and the entitlements created.
   * @throws {@link ConflictError} `entitlement_conflict` (SB14); {@link ValidationError} `unknown_feature`.
   */
  async sync(tx: StorageTransaction, input: EntitlementSyncInput): Promise<{ phases: SubscriptionPhaseRecord[]; created: EntitlementRecord[] }> {
    const { subscription, timeline, now } = input;
    const desired = timelineEntitlements(timeline);
    const all = await tx.entitlements.listByCustomer(subscription.customerId);
    const own = new Map(all.filter((e) => e.subscriptionId === subscription.id && e.deletedAt === null).map((e) => [e.id, e]));
    assertNoFeatureConflicts(
      all.filter((e) => e.subscriptionId !== subscription.id).map(featureSpanOf),
      desired,
      input.plan,
    );
    // SB14 within the subscription as well: an add_item on a feature one of its items already
    // entitles would give the customer two entitlements to it at once
    const ownSpans: FeatureSpan[] = [];
    for (const d of desired) {
      assertNoFeatureConflicts(ownSpans, [d], input.plan);
      ownSpans.push({ feature: d.feature, from: d.activeFrom, to: d.activeTo, source: 'subscription', subscriptionId: subscription.id });
    }
    const previous = new Map<string, string>();
    for (const p of input.previousPhases) {
      for (const i of p.items) if (i.entitlementId !== null) previous.set(sourceKey(p.key, i.key, i.version), i.entitlementId);
    }
    const idBySource = new Map<string, string>();
    const created: EntitlementRecord[] = [];
    const kept = new Set<string>();
    for (const d of desired) {
      const existing = this.matching(d, previous, own, kept);
      let id: string;
      if (existing !== undefined) {
        id = existing.id;
        kept.add(id);
        if (!sameTime(existing.activeTo, d.activeTo)) await this.moveEnd(tx, existing, d.activeTo);
      } else {
        const record = await this.provision(tx, subscription, d, now);
        created.push(record);
        id = record.id;
      }
      for (const s of d.sources) idBySource.set(sourceKey(s.phase, s.item, s.version), id);
    }
    for (const e of own.values()) {
      if (kept.has(e.id)) continue;
      // no longer implied (a cancel dropped its phase): no access from now on, or never
      const from = (e.activeFrom ?? e.createdAt).getTime();
      const end = new Date(Math.max(from, Math.min(now.getTime(), e.activeTo?.getTime() ?? Infinity)));
      if (!sameTime(e.activeTo, end)) await this.moveEnd(tx, e, end);
    }
    return { phases: phaseRecordsOf(timeline, (p, i, v) => idBySource.get(sourceKey(p, i, v)) ?? null), created };
  }

  /** Deletes every entitlement the subscription provisions (a scheduled subscription deleted, SB7). */
  async deleteAll(tx: StorageTransaction, subscription: Pick<SubscriptionRecord, 'id' | 'customerId'>, now: Date): Promise<void> {
    const own = (await tx.entitlements.listByCustomer(subscription.customerId)).filter((e) => e.subscriptionId === subscription.id && e.deletedAt === null);
    for (const e of own) await tx.entitlements.markDeleted(e.id, now);
    if (own.length > 0) await tx.usageCheckpoints.delete(own.map((e) => e.id));
  }

  /**
   * EN4: moves the manual grants of the entitlements `previous` ends at `at` onto the entitlements
   * `next` starts there for the same feature: each one active at `at` with a balance B > 0 is voided
   * at `at` and re-created on the new entitlement with amount B (see `carryOverGrants`). The balance
   * is the burn-down's at `at` from the usage recorded so far: exact for an immediate change; for a
   * change scheduled ahead it is projected from what was used until now.
   */
  async carryOver(tx: StorageTransaction, input: { previousId: string; customerId: string; next: readonly EntitlementRecord[]; at: Date; now: Date }): Promise<void> {
    const t = input.at.getTime();
    const all = await tx.entitlements.listByCustomer(input.customerId);
    const ended = all.filter((e) => e.subscriptionId === input.previousId && e.type === 'metered' && e.deletedAt === null && isActiveAt(e, t - 1) && sameTime(e.activeTo, input.at));
    for (const old of ended) {
      const successor = input.next.find((n) => n.featureId === old.featureId && n.type === 'metered' && sameTime(n.activeFrom, input.at));
      if (successor === undefined) continue;
      const grants = (await tx.grants.listByEntitlement(old.id)).filter((g) => g.voidedAt === null || g.voidedAt.getTime() > t);
      if (!grants.some((g) => g.metadata.issueAfterReset !== true)) continue;
      const state = await this.evaluator.stateAt(tx, await this.evaluator.model(tx, old), await this.evaluator.target(tx, old), t, input.now.getTime(), true);
      const plan = carryOverGrants(
        grants.map((g) => ({
          id: g.id,
          source: g.metadata.issueAfterReset === true ? 'template' : 'manual',
          balance: state.balances?.[g.id] ?? '0',
          priority: g.priority,
          effectiveAt: g.effectiveAt,
          expiresAt: g.expiresAt,
          voidedAt: g.voidedAt,
          minRolloverAmount: g.minRolloverAmount,
          maxRolloverAmount: g.maxRolloverAmount,
          metadata: g.metadata as Record<string, never>,
        })),
        { at: input.at, hasNewEntitlement: true },
      );
      if (plan.void.length === 0) continue;
      for (const v of plan.void) await tx.grants.void(v.id, v.voidedAt);
      for (const c of plan.create) {
        const grant: GrantRecord = {
          id: this.ctx.ids(ID_PREFIX.grant),
          entitlementId: successor.id,
          customerId: successor.customerId,
          featureId: successor.featureId,
          amount: c.amount,
          priority: c.priority,
          effectiveAt: c.effectiveAt,
          expiresAt: c.expiresAt,
          voidedAt: null,
          minRolloverAmount: c.minRolloverAmount ?? '0',
          maxRolloverAmount: c.maxRolloverAmount ?? null,
          recurrence: null,
          metadata: c.metadata,
          createdAt: input.now,
        };
        await tx.grants.insert(grant);
      }
      await tx.entitlements.bumpVersion(old.id);
      await tx.usageCheckpoints.delete([old.id, successor.id]);
      await tx.balanceSnapshots.deleteAfter(old.id, t - 1);
      await tx.entitlements.bumpVersion(successor.id);
    }
  }

  /**
   * The stored entitlement a desired one continues: one of its item versions had it, same feature
   * and start; else one of the subscription's own with the same feature, start and terms whose item
   * versions are gone from the stored phases (a cancel dropped their phase, which `continue` brings
   * back), so a continue re-opens it instead of leaving it empty beside a new one.
   */
  private matching(d: TimelineEntitlement, previous: ReadonlyMap<string, string>, own: ReadonlyMap<string, EntitlementRecord>, kept: ReadonlySet<string>): EntitlementRecord | undefined {
    for (const s of d.sources) {
      const id = previous.get(sourceKey(s.phase, s.item, s.version));
      const e = id === undefined ? undefined : own.get(id);
      if (e !== undefined && !kept.has(e.id) && e.featureKey === d.feature && sameTime(e.activeFrom, d.activeFrom)) return e;
    }
    const referenced = new Set(previous.values());
    for (const e of own.values()) {
      if (!kept.has(e.id) && !referenced.has(e.id) && e.featureKey === d.feature && sameTime(e.activeFrom, d.activeFrom) && sameTerms(e, d)) return e;
    }
    return undefined;
  }

  private async moveEnd(tx: StorageTransaction, e: EntitlementRecord, activeTo: Date | null): Promise<void> {
    await tx.entitlements.setActiveTo(e.id, activeTo);
    await tx.usageCheckpoints.delete([e.id]);
  }

  /** Creates the entitlement (and its issue-after-reset grant) a timeline implies. */
  private async provision(tx: StorageTransaction, subscription: Pick<SubscriptionRecord, 'id' | 'customerId'>, d: TimelineEntitlement, now: Date): Promise<EntitlementRecord> {
    const feature = await tx.features.findByKey(d.feature);
    if (feature === undefined || (d.type === 'metered' && feature.meterKey === null)) {
      throw ValidationError.single('plan', 'unknown_feature', `The plan entitles feature ${d.feature}, which does not exist (or has no meter) now`);
    }
    const record: EntitlementRecord = {
      id: this.ctx.ids(ID_PREFIX.entitlement),
      customerId: subscription.customerId,
      featureId: feature.id,
      featureKey: feature.key,
      type: d.type,
      usagePeriod: d.usagePeriod,
      isSoftLimit: d.isSoftLimit,
      issueAfterReset: d.issueAfterReset,
      preserveOverageAtReset: d.preserveOverageAtReset,
      measureUsageFrom: d.measureUsageFrom,
      activeFrom: d.activeFrom,
      activeTo: d.activeTo,
      config: d.config,
      thresholds: [],
      metadata: {},
      subscriptionId: subscription.id,
      version: 1,
      createdAt: now,
      deletedAt: null,
    };
    await tx.entitlements.insert(record);
    const startsAt = new Date(Math.max(now.getTime(), d.activeFrom.getTime()));
    const grant = issueAfterResetRecord(this.ctx.ids(ID_PREFIX.grant), record, startsAt);
    if (grant !== undefined) await tx.grants.insert({ ...grant, createdAt: now });
    return record;
  }
}

/** The stored entitlement has the terms the timeline implies (EN2): type, period, usage start, grant, limits, config. */
function sameTerms(e: EntitlementRecord, d: TimelineEntitlement): boolean {
  const period = (p: { interval: string; anchor: Date; timeZone?: string } | null) => (p === null ? null : `${p.interval}@${p.anchor.getTime()}@${p.timeZone ?? 'UTC'}`);
  const grant = (g: { amount: string; priority: number } | null) => (g === null ? null : `${g.amount}/${g.priority}`);
  return (
    e.type === d.type &&
    period(e.usagePeriod) === period(d.usagePeriod) &&
    sameTime(e.measureUsageFrom, d.measureUsageFrom) &&
    grant(e.issueAfterReset) === grant(d.issueAfterReset) &&
    e.isSoftLimit === d.isSoftLimit &&
    e.preserveOverageAtReset === d.preserveOverageAtReset &&
    JSON.stringify(e.config ?? null) === JSON.stringify(d.config ?? null)
  );
}

/** A stored entitlement as a span of the SB14 rule. */
function featureSpanOf(e: EntitlementRecord): FeatureSpan {
  const span = entitlementSpan(e);
  return {
    feature: e.featureKey,
    from: span.from,
    to: span.to,
    source: e.subscriptionId === null ? 'manual' : 'subscription',
    ...(e.subscriptionId === null ? {} : { subscriptionId: e.subscriptionId }),
  };
}
