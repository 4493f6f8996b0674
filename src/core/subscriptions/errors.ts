import { ConflictError, StateError } from '../../errors';

/** Why a subscription action is refused in the current state (`StateError.reason`). */
export type SubscriptionStateReason =
  /** The action is not allowed from the subscription's status (SB7). */
  'invalid_transition';

/**
 * What collided on a subscription (`ConflictError.target`): its scheduled successor (SB7a), or the
 * key of an `add_item` customization already active at the edit's instant (SB13), by the
 * customization's path in the edit.
 */
export type SubscriptionConflictTarget = 'subscription.nextSubscriptionId' | `customizations[${number}].rateCard.key`;

/**
 * Why a subscription action collides (`ConflictError.reason`). `successor_scheduled`: a change or
 * migrate already scheduled a successor, so the current subscription is frozen until `continue` (SB7a).
 * `item_exists`: an `add_item` names a key the phase already has active at the edit's instant (SB13).
 */
export type SubscriptionConflictReason = 'successor_scheduled' | 'item_exists';

/** A subscription StateError with its typed reason. */
export const subscriptionStateError = (message: string, reason: SubscriptionStateReason): StateError<SubscriptionStateReason> =>
  new StateError(message, reason);

/** A subscription ConflictError with its typed target and reason. */
export const subscriptionConflict = (
  message: string,
  target: SubscriptionConflictTarget,
  reason: SubscriptionConflictReason,
): ConflictError<SubscriptionConflictTarget, SubscriptionConflictReason> => new ConflictError(message, target, { reason });
