import { assertAllowed } from './allowed-actions';
import { subscriptionStatusAt, type SubscriptionDates } from './subscription-status';

/** What `continue` needs to know of a canceled subscription. */
export interface ContinuableSubscription extends SubscriptionDates {
  /** The successor a change or migrate created, if any. */
  nextSubscriptionId?: string | null | undefined;
}

/** The subscription after `continue`. */
export interface ContinueResult {
  /** Open-ended again: phases, items and entitlements re-extend when the timeline is recomputed. */
  activeTo: null;
  /** The scheduled successor to delete (its `previousSubscriptionId` link goes with it), or null. */
  deleteSuccessor: string | null;
}

/**
 * Undoes a pending cancel (BILLING.md SB10, OpenMeter `Restore`): `activeTo := null`, so the
 * timeline's phases, items and entitlements run on as if never cut, and a successor a change or
 * migrate scheduled is deleted. Only a canceled subscription continues (SB7): an inactive one
 * cannot be revived (S26), and a canceled one whose successor has started is inactive by then,
 * so the successor named here is always still scheduled.
 *
 * @throws {@link StateError} `invalid_transition` (SB7).
 * @example
 * continueSubscription({ activeFrom: jan1, activeTo: feb1 }, { now: jan25 }); // { activeTo: null, deleteSuccessor: null } (S26)
 */
export function continueSubscription(subscription: ContinuableSubscription, options: { now: Date }): ContinueResult {
  const successor = subscription.nextSubscriptionId ?? null;
  assertAllowed('continue', subscriptionStatusAt(subscription, options.now), successor !== null);
  return { activeTo: null, deleteSuccessor: successor };
}
