import type { RateCard } from '../../core/catalog';
import { billingPeriodAt, subscriptionStatusAt, type SubscriptionStatus } from '../../core/subscriptions';
import type { SubscriptionRecord } from '../../storage';
import { timelineOf } from './subscription-timeline-of';

/** An item version of a phase over `[from, to)`, with the entitlement it provisions (EN1). */
export interface SubscriptionItem {
  key: string;
  version: number;
  rateCard: RateCard;
  from: Date;
  to: Date | null;
  entitlementId: string | null;
}

/** A phase of a subscription over `[from, to)`. */
export interface SubscriptionPhase {
  key: string;
  name?: string;
  from: Date;
  to: Date | null;
  items: SubscriptionItem[];
}

/**
 * A customer on a plan version (or a custom plan) over time (BILLING.md §1 `Subscription`). Status,
 * current period and current phase are computed at the clock's now when it is read.
 */
export interface Subscription {
  id: string;
  customerId: string;
  name: string;
  currency: string;
  /** The plan version it snapshots; null for a custom plan. */
  plan: { key: string; version: number } | null;
  /** True once an edit customized it (SB13). */
  customized: boolean;
  billingCadence: string;
  /** Stored as given, never moved (SB3). */
  billingAnchor: Date;
  timeZone: string;
  proRating: { enabled: boolean; mode: 'exact' | 'day' };
  activeFrom: Date;
  activeTo: Date | null;
  /** At the clock's now (SB6). */
  status: SubscriptionStatus;
  /** The billing period containing now, clipped like every period (SB5); null unless active or canceled. */
  currentPeriod: { from: Date; to: Date } | null;
  currentPhase: string | null;
  previousSubscriptionId: string | null;
  nextSubscriptionId: string | null;
  phases: SubscriptionPhase[];
  metadata: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
}

const copy = (d: Date | null): Date | null => (d === null ? null : new Date(d.getTime()));

/** A stored subscription as the facade returns it, read at `now`. */
export function toSubscription(record: SubscriptionRecord, now: Date): Subscription {
  const status = subscriptionStatusAt(record, now);
  const live = status === 'active' || status === 'canceled';
  const period = live ? currentPeriodOf(record, now) : null;
  const phase = live ? record.phases.find((p) => p.from.getTime() <= now.getTime() && (p.to === null || now.getTime() < p.to.getTime())) : undefined;
  return {
    id: record.id,
    customerId: record.customerId,
    name: record.name,
    currency: record.currency,
    plan: record.planKey === null || record.planVersion === null ? null : { key: record.planKey, version: record.planVersion },
    customized: record.customized,
    billingCadence: record.plan.billingCadence,
    billingAnchor: new Date(record.billingAnchor.getTime()),
    timeZone: record.timeZone,
    proRating: { ...record.plan.proRating },
    activeFrom: new Date(record.activeFrom.getTime()),
    activeTo: copy(record.activeTo),
    status,
    currentPeriod: period,
    currentPhase: phase?.key ?? null,
    previousSubscriptionId: record.previousSubscriptionId,
    nextSubscriptionId: record.nextSubscriptionId,
    phases: record.phases.map((p) => ({
      key: p.key,
      ...(p.name === null ? {} : { name: p.name }),
      from: new Date(p.from.getTime()),
      to: copy(p.to),
      items: p.items.map((i) => ({
        key: i.key,
        version: i.version,
        rateCard: structuredClone(i.rateCard) as RateCard,
        from: new Date(i.from.getTime()),
        to: copy(i.to),
        entitlementId: i.entitlementId,
      })),
    })),
    metadata: { ...record.metadata },
    createdAt: new Date(record.createdAt.getTime()),
    updatedAt: new Date(record.updatedAt.getTime()),
  };
}

/** The billing period containing `now` (SB5), or null when none does. */
export function currentPeriodOf(record: SubscriptionRecord, now: Date): { from: Date; to: Date } | null {
  const timeline = timelineOf(record, { from: now, to: new Date(now.getTime() + 1) });
  const period = billingPeriodAt(timeline.billingPeriods, now);
  return period === null ? null : { from: period.from, to: period.to };
}
