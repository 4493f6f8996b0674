import {
  subscriptionTimeline,
  type Customization,
  type SubscriptionTimeline,
  type TimelinePlan,
} from '../../core/subscriptions';
import type { SubscriptionPhaseRecord, SubscriptionRecord } from '../../storage';

/** The dates and plan of a subscription, stored or about to be: what its timeline is computed from. */
export type TimelineFacts = Pick<
  SubscriptionRecord,
  'currency' | 'plan' | 'activeFrom' | 'activeTo' | 'billingAnchor' | 'startingPhase' | 'timeZone' | 'edits'
>;

/**
 * A subscription's timeline (BILLING.md §1), computed from its stored facts: the plan snapshot, its
 * dates, anchor, zone and edits. The billing periods listed are those overlapping `[from, to)`
 * (default: the first instant only, enough for phases and items).
 */
export function timelineOf(facts: TimelineFacts, range: { from?: Date | undefined; to?: Date | undefined } = {}): SubscriptionTimeline {
  const from = range.from ?? facts.activeFrom;
  return subscriptionTimeline({
    plan: { currency: facts.currency, billingCadence: facts.plan.billingCadence, phases: facts.plan.phases as TimelinePlan['phases'] },
    activeFrom: facts.activeFrom,
    activeTo: facts.activeTo,
    billingAnchor: facts.billingAnchor,
    startingPhase: facts.startingPhase ?? undefined,
    timeZone: facts.timeZone,
    edits: facts.edits.map((e) => ({ at: e.at, customizations: e.customizations as Customization[] })),
    from,
    to: range.to ?? new Date(from.getTime() + 1),
  });
}

/** The timeline's phases and item versions as stored, each version with the entitlement it provisions. */
export function phaseRecordsOf(timeline: SubscriptionTimeline, entitlementOf: (phase: string, item: string, version: number) => string | null): SubscriptionPhaseRecord[] {
  return timeline.phases.map((p) => ({
    key: p.key,
    name: p.name ?? null,
    from: p.from,
    to: p.to,
    items: p.items.map((i) => ({ key: i.key, version: i.version, rateCard: i.rateCard, from: i.from, to: i.to, entitlementId: entitlementOf(p.key, i.key, i.version) })),
  }));
}
