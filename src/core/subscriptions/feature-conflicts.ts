import type { ConflictError } from '../../errors';
import { subscriptionConflict, type SubscriptionConflictReason, type SubscriptionConflictTarget } from './errors';
import type { TimelinePlan } from './subscription-timeline';
import type { TimelineEntitlement } from './timeline-entitlements';

/** An entitlement a customer already holds for a feature, over `[from, to)` (`to` null: open). */
export interface FeatureSpan {
  feature: string;
  from: Date;
  to: Date | null;
  source: 'subscription' | 'manual';
  /** The subscription that provisions it (source `subscription`). */
  subscriptionId?: string | undefined;
}

/** A rate card that would entitle a feature the customer already holds at an overlapping time. */
export interface FeatureConflict {
  feature: string;
  /** The card's feature path in the plan, e.g. `phases[0].rateCards[1].feature`. */
  target: `phases[${number}].rateCards[${number}].feature`;
  /** The new entitlement's span. */
  from: Date;
  to: Date | null;
  /** The span it collides with. */
  existing: FeatureSpan;
}

const end = (to: Date | null): number => (to === null ? Infinity : to.getTime());

/** `[a, b)` and `[c, d)` share an instant: empty spans never overlap. */
const overlaps = (from: Date, to: Date | null, other: { from: Date; to: Date | null }): boolean =>
  from.getTime() < end(other.to) && other.from.getTime() < end(to) && from.getTime() < end(to) && other.from.getTime() < end(other.to);

/**
 * The feature collisions a new or changed subscription would cause (BILLING.md SB14): a customer may
 * hold several subscriptions, but no two of them, nor one and a manual entitlement, may entitle a
 * feature at overlapping times (OpenMeter multi-subscription mode, `uniqueness.go`). `proposed` is
 * {@link timelineEntitlements} of the new subscription's timeline built from `plan` (no edits: a
 * change or migrate carries none); `existing` are the customer's entitlements, deleted ones left out
 * by the caller. The spans of `excludeSubscriptionId` (the subscription a change replaces, whose
 * entitlements still read open-ended until the change is written) are ignored. Intervals are
 * `[from, to)`, so the old entitlement ending at t and the new one starting at t do not collide.
 *
 * Each conflict names the rate card by its path in the plan: the card of the entitlement's first
 * item version, in the plan phase of that key (so `startingPhase` does not shift the index). An
 * entitlement none of whose items the plan holds (only an edit's `add_item` makes one) is named by
 * the plan's first card with its feature, else `phases[0].rateCards[0].feature`.
 *
 * @example
 * featureConflicts([{ feature: 'api_calls', from: jan1, to: null, source: 'manual' }], timelineEntitlements(proTimeline), pro);
 * // [{ feature: 'api_calls', target: 'phases[0].rateCards[1].feature', from: jan1, to: null, existing: … }] (S51)
 */
export function featureConflicts(
  existing: readonly FeatureSpan[],
  proposed: readonly TimelineEntitlement[],
  plan: TimelinePlan,
  options: { excludeSubscriptionId?: string | undefined } = {},
): FeatureConflict[] {
  const others = existing.filter((s) => !(s.source === 'subscription' && options.excludeSubscriptionId !== undefined && s.subscriptionId === options.excludeSubscriptionId));
  const out: FeatureConflict[] = [];
  for (const e of proposed) {
    for (const span of others) {
      if (span.feature !== e.feature || !overlaps(e.activeFrom, e.activeTo, span)) continue;
      out.push({ feature: e.feature, target: cardPath(plan, e), from: e.activeFrom, to: e.activeTo, existing: span });
    }
  }
  return out;
}

/**
 * Throws the first of {@link featureConflicts}, if any, as the facade does on create, change and migrate.
 *
 * @throws {@link ConflictError} reason `entitlement_conflict`, target the card's feature path (SB14, S51).
 * @example
 * assertNoFeatureConflicts(customerSpans, timelineEntitlements(timeline), plan, { excludeSubscriptionId: current.id });
 */
export function assertNoFeatureConflicts(...args: Parameters<typeof featureConflicts>): void {
  const [first] = featureConflicts(...args);
  if (first !== undefined) throw featureConflictError(first);
}

/** A {@link FeatureConflict} as the ConflictError the facade throws. */
export function featureConflictError(conflict: FeatureConflict): ConflictError<SubscriptionConflictTarget, SubscriptionConflictReason> {
  const by = conflict.existing.source === 'manual' ? 'a manual entitlement' : `subscription ${conflict.existing.subscriptionId ?? ''}`.trim();
  return subscriptionConflict(
    `Feature ${conflict.feature} is already entitled by ${by} from ${conflict.existing.from.toISOString()}` +
      `${conflict.existing.to === null ? '' : ` to ${conflict.existing.to.toISOString()}`}, overlapping this subscription's`,
    conflict.target,
    'entitlement_conflict',
  );
}

function cardPath(plan: TimelinePlan, e: TimelineEntitlement): FeatureConflict['target'] {
  for (const source of e.sources) {
    const p = plan.phases.findIndex((phase) => phase.key === source.phase);
    const c = p < 0 ? -1 : (plan.phases[p]?.rateCards.findIndex((card) => card.key === source.item) ?? -1);
    if (c >= 0) return `phases[${p}].rateCards[${c}].feature`;
  }
  // an item the plan does not hold (added by an edit): the plan's first card with the feature, if any
  for (const [p, phase] of plan.phases.entries()) {
    const c = phase.rateCards.findIndex((card) => card.feature === e.feature);
    if (c >= 0) return `phases[${p}].rateCards[${c}].feature`;
  }
  return `phases[0].rateCards[0].feature`;
}
