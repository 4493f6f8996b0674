import { ValidationError } from '../../errors';
import { assertAllowed, type SubscriptionAction } from './allowed-actions';
import { subscriptionStatusAt, type SubscriptionDates } from './subscription-status';

/**
 * How the billing period containing a cancel bills its flat fees (BILLING.md SB9): `prorate` (default)
 * bills the cut period pro rata; `full_period` bills it unprorated, so no credit note.
 */
export type Proration = 'prorate' | 'full_period';

/** What a cancel (or the cancel half of a change) needs to know of the subscription. */
export interface CancelableSubscription extends SubscriptionDates {
  /** A successor created by change or migrate that is still scheduled (SB7a). */
  hasScheduledSuccessor?: boolean | undefined;
}

/** The subscription's new end and how its last period bills. */
export interface CancelResult {
  /** The new `activeTo` = the cancel instant. */
  activeTo: Date;
  proration: Proration;
}

/**
 * Cancels a subscription at `at` (BILLING.md SB9): `activeTo := at`. Phases, items and entitlements
 * end at min(their end, at), which is what {@link subscriptionTimeline} and
 * {@link timelineEntitlements} give when recomputed with the new `activeTo`; nothing else is stored.
 * `proration` is passed through for billing (default `prorate`).
 *
 * Refused by SB7a/SB7 from the status at `now`: only an active subscription cancels (a scheduled one
 * is deleted instead, S35; a canceled one continues), and not while its successor is scheduled. `at`
 * is the resolved timing ({@link resolveTiming}), so at ≥ now ≥ activeFrom; `at` = activeFrom (an
 * immediate cancel at the very start) leaves an empty subscription, inactive from then on.
 *
 * @throws {@link ConflictError} `successor_scheduled` (SB7a).
 * @throws {@link StateError} `invalid_transition` (SB7).
 * @throws {@link ValidationError} `timing_in_past` (path `timing`) when `at` is before `now`.
 * @example
 * cancelAt({ activeFrom: jan1 }, { now: jan20, at: feb1 }); // { activeTo: feb1, proration: 'prorate' } (S25)
 */
export function cancelAt(
  subscription: CancelableSubscription,
  options: { now: Date; at: Date; proration?: Proration | undefined },
): CancelResult {
  return endAt('cancel', subscription, options);
}

/** The cancel half of cancel, change and migrate, each refused under its own action name. @internal */
export function endAt(
  action: Extract<SubscriptionAction, 'cancel' | 'change' | 'migrate'>,
  subscription: CancelableSubscription,
  options: { now: Date; at: Date; proration?: Proration | undefined },
): CancelResult {
  assertAllowed(action, subscriptionStatusAt(subscription, options.now), subscription.hasScheduledSuccessor === true);
  if (options.at.getTime() < options.now.getTime()) {
    throw ValidationError.single('timing', 'timing_in_past', 'The timing is before now: give an instant at or after now');
  }
  return { activeTo: new Date(options.at.getTime()), proration: options.proration ?? 'prorate' };
}
