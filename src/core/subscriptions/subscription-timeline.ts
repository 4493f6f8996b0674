import type { RateCard } from '../catalog/rate-card';
import type { Instant } from '../time';
import { ensureZone, parseIntervalCached, toEpochMs } from '../time/internal';
import { resolveBillingAnchor, type BillingAnchorInput } from './billing-anchor';
import { applyEdits, type SubscriptionEdit } from './apply-edits';
import { billingPeriods, type BillingPeriod } from './billing-periods';
import { phaseIntervals, phaseStarts, type PhaseInterval } from './phase-starts';

/** The parts of a plan (a `PlanBody` or a stored plan version) a timeline needs. */
export interface TimelinePlan {
  currency: string;
  billingCadence: string;
  phases: ReadonlyArray<{ key: string; name?: string | undefined; duration?: string | null | undefined; rateCards: readonly RateCard[] }>;
}

/** An item of a phase: one version of a rate card over `[from, to)`. */
export interface TimelineItem {
  key: string;
  version: number;
  rateCard: RateCard;
  from: Date;
  to: Date | null;
  entitlementId: string | null;
}

/** A phase of a subscription over `[from, to)`, `to` null while open-ended. */
export interface TimelinePhase {
  key: string;
  name?: string;
  from: Date;
  to: Date | null;
  items: TimelineItem[];
}

/** A subscription laid out in time (BILLING.md §1 `SubscriptionTimeline`). */
export interface SubscriptionTimeline {
  currency: string;
  billingCadence: string;
  billingAnchor: Date;
  timeZone: string;
  activeFrom: Date;
  activeTo: Date | null;
  phases: TimelinePhase[];
  billingPeriods: BillingPeriod[];
}

/** Input of {@link subscriptionTimeline}. */
export interface SubscriptionTimelineInput {
  plan: TimelinePlan;
  activeFrom: Instant;
  /** The end, or null/absent while open-ended. */
  activeTo?: Instant | null | undefined;
  /** Default `activeFrom` (SB3). */
  billingAnchor?: BillingAnchorInput | undefined;
  /** Drop the phases before this one; it starts at `activeFrom` (SB4). */
  startingPhase?: string | undefined;
  /** IANA zone of phases and the billing grid. Default `UTC`. */
  timeZone?: string | undefined;
  /** List only the billing periods overlapping `[from, to)`; phases are always all listed. */
  from?: Instant | undefined;
  /** Required when `activeTo` is open: the billing periods must end somewhere. */
  to?: Instant | undefined;
  /** Customizations applied at their instants, in order (SB13, {@link applyEdits}). */
  edits?: readonly SubscriptionEdit[] | undefined;
}

/**
 * A subscription's phases, items and billing periods from its plan, dates and edits, without storage
 * (BILLING.md §1 pure core; SB3 anchor, SB4 phases, SB5 billing periods, SB13 edits). Each rate card
 * of a phase is an item at version 0 (versions count from 0, as BL8's line keys `…/v{version}` do) spanning the phase, with no entitlement yet; `edits` then end,
 * add and version items ({@link applyEdits}), each item version keeping its own `[from, to)`. Edits
 * are applied to the phases before `activeTo` cuts them, so an edit naming a phase a later cancel
 * dropped still replays.
 *
 * @throws {@link ValidationError} `range_required` (path `to`) for an open-ended subscription without
 *   `to`; `unknown_phase` (`startingPhase`, `billingAnchor.phaseStart`); `invalid_range`; the codes of
 *   the dates, durations and zone; the codes of {@link applyEdits} (paths under `edits[k]`).
 * @throws {@link ConflictError} `item_exists` from {@link applyEdits}.
 * @example
 * subscriptionTimeline({ plan: launch, activeFrom: '2024-01-10', billingAnchor: '2024-01-01', to: '2024-05-01' });
 * // phases intro [Jan 10, Mar 10) · default [Mar 10, –); billing periods [Jan 10, Feb 1) · [Feb 1, Mar 1) ·
 * // [Mar 1, Mar 10) · [Mar 10, Apr 1) · [Apr 1, May 1)
 */
export function subscriptionTimeline(input: SubscriptionTimelineInput): SubscriptionTimeline {
  const { plan } = input;
  parseIntervalCached(plan.billingCadence, 'plan.billingCadence');
  const timeZone = input.timeZone === undefined ? 'UTC' : ensureZone(input.timeZone, 'timeZone');
  const activeFrom = new Date(toEpochMs(input.activeFrom, 'activeFrom'));
  const activeTo = input.activeTo === null || input.activeTo === undefined ? null : new Date(toEpochMs(input.activeTo, 'activeTo'));
  const options = { activeFrom, activeTo, startingPhase: input.startingPhase, timeZone };
  const unclipped = phaseStarts(plan.phases, options);
  const billingAnchor = resolveBillingAnchor(input.billingAnchor, { activeFrom, phases: unclipped });
  const intervals = phaseIntervals(plan.phases, options);
  const planned = unclipped.map((interval) => planPhase(plan, interval));
  const edited = input.edits === undefined || input.edits.length === 0
    ? planned
    : applyEdits(planned, input.edits, { planCadence: plan.billingCadence, activeFrom, activeTo });
  const phases = clip(edited, activeTo);
  return {
    currency: plan.currency,
    billingCadence: plan.billingCadence,
    billingAnchor,
    timeZone,
    activeFrom,
    activeTo,
    phases,
    billingPeriods: billingPeriods({
      billingAnchor,
      billingCadence: plan.billingCadence,
      phases: intervals,
      timeZone,
      from: input.from,
      to: input.to,
    }),
  };
}

function planPhase(plan: TimelinePlan, interval: PhaseInterval): TimelinePhase {
  const source = plan.phases[interval.index] as TimelinePlan['phases'][number];
  const items = source.rateCards.map(
    (rateCard): TimelineItem => ({
      key: rateCard.key,
      version: 0,
      rateCard,
      // copies: a caller mutating one Date must not move the phase or its siblings
      from: new Date(interval.from.getTime()),
      to: interval.to === null ? null : new Date(interval.to.getTime()),
      entitlementId: null,
    }),
  );
  return {
    key: interval.key,
    ...(source.name === undefined ? {} : { name: source.name }),
    from: interval.from,
    to: interval.to,
    items,
  };
}

/** Phases and item versions cut at `activeTo`: those starting at or after it are dropped (SB4, SB9). */
function clip(phases: TimelinePhase[], activeTo: Date | null): TimelinePhase[] {
  if (activeTo === null) return phases;
  const end = activeTo.getTime();
  const cut = (to: Date | null): Date => (to === null || to.getTime() > end ? new Date(end) : to);
  return phases
    .filter((p) => p.from.getTime() < end)
    .map((p) => ({
      ...p,
      to: cut(p.to),
      items: p.items.filter((i) => i.from.getTime() < end).map((i) => ({ ...i, to: cut(i.to) })),
    }));
}
