import { ConflictError, StateError } from '../../errors';

/** Why a subscription action is refused in the current state (`StateError.reason`). */
export type SubscriptionStateReason =
  /** The action is not allowed from the subscription's status (SB7). */
  'invalid_transition';

/**
 * What collided on a subscription (`ConflictError.target`). `successor_scheduled`: a change or
 * migrate already scheduled a successor, so the current subscription is frozen until `continue` (SB7a).
 */
export type SubscriptionConflictTarget = 'successor_scheduled';

/** A subscription StateError with its typed reason. */
export const subscriptionStateError = (message: string, reason: SubscriptionStateReason): StateError<SubscriptionStateReason> =>
  new StateError(message, reason);

/** A subscription ConflictError with its typed target. */
export const subscriptionConflict = (
  message: string,
  target: SubscriptionConflictTarget,
  options?: { cause?: unknown },
): ConflictError<SubscriptionConflictTarget> => new ConflictError(message, target, options);
