import { subscriptionConflict, subscriptionStateError } from './errors';
import type { SubscriptionStatus } from './subscription-status';

/** What can be done to a subscription (BILLING.md §1 `tg.subscriptions`). */
export type SubscriptionAction = 'edit' | 'cancel' | 'change' | 'migrate' | 'continue' | 'delete';

/** SB7: the actions each status allows; anything else is `invalid_transition`. */
const ALLOWED: Readonly<Record<SubscriptionStatus, readonly SubscriptionAction[]>> = {
  active: ['edit', 'cancel', 'change', 'migrate'],
  canceled: ['continue'],
  scheduled: ['delete'],
  inactive: [],
};

/** SB7a: the actions a scheduled successor blocks on the current subscription. */
const BLOCKED_BY_SUCCESSOR: readonly SubscriptionAction[] = ['edit', 'cancel', 'change', 'migrate'];

/**
 * The actions a subscription in `status` allows (BILLING.md SB7), before SB7a.
 * @example
 * allowedActions('canceled'); // ['continue']
 */
export function allowedActions(status: SubscriptionStatus): readonly SubscriptionAction[] {
  return ALLOWED[status];
}

/**
 * Refuses `action` on a subscription in `status` unless BILLING.md SB7 allows it. SB7a is checked
 * first: while a successor created by change or migrate is still scheduled, edit, cancel, change and
 * migrate are refused with a conflict (the caller must `continue` first, which deletes the
 * successor), even though SB7 alone would say `invalid_transition` for the canceled current.
 *
 * @throws {@link ConflictError} reason `successor_scheduled`, target `subscription.nextSubscriptionId` (SB7a).
 * @throws {@link StateError} reason `invalid_transition` (SB7).
 * @example
 * assertAllowed('continue', 'canceled', false); // ok
 * assertAllowed('cancel', 'canceled', true);    // throws ConflictError (successor_scheduled)
 * assertAllowed('continue', 'inactive', false); // throws StateError (invalid_transition)
 */
export function assertAllowed(action: SubscriptionAction, status: SubscriptionStatus, hasScheduledSuccessor: boolean): void {
  if (hasScheduledSuccessor && BLOCKED_BY_SUCCESSOR.includes(action)) {
    throw subscriptionConflict(
      `Cannot ${action} the subscription: its successor is scheduled; continue the subscription first, which deletes the successor`,
      'subscription.nextSubscriptionId',
      'successor_scheduled',
    );
  }
  if (!ALLOWED[status].includes(action)) {
    throw subscriptionStateError(`Cannot ${action} a subscription that is ${status}`, 'invalid_transition');
  }
}
