import { ConflictError, StateError } from '../../errors';

/** Why a subscription action is refused in the current state (`StateError.reason`). */
export type SubscriptionStateReason =
  /** The action is not allowed from the subscription's status (SB7). */
  'invalid_transition';

/** What collided on a subscription (`ConflictError.target`): its scheduled successor. */
export type SubscriptionConflictTarget = 'subscription.nextSubscriptionId';

/**
 * Why a subscription action collides (`ConflictError.reason`). `successor_scheduled`: a change or
 * migrate already scheduled a successor, so the current subscription is frozen until `continue` (SB7a).
 */
export type SubscriptionConflictReason = 'successor_scheduled';

/** A subscription StateError with its typed reason. */
export const subscriptionStateError = (message: string, reason: SubscriptionStateReason): StateError<SubscriptionStateReason> =>
  new StateError(message, reason);

/** A subscription ConflictError with its typed target and reason. */
export const subscriptionConflict = (
  message: string,
  target: SubscriptionConflictTarget,
  reason: SubscriptionConflictReason,
): ConflictError<SubscriptionConflictTarget, SubscriptionConflictReason> => new ConflictError(message, target, { reason });
