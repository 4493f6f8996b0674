import { ConflictError, StateError } from '../../errors';

/** Why a subscription action is refused in the current state (`StateError.reason`). */
export type SubscriptionStateReason =
  /** The action is not allowed from the subscription's status (SB7). */
  | 'invalid_transition'
  /** The plan version named (or every version of the key) is a draft, archived or not yet effective at now (SB1). */
  | 'plan_not_subscribable'
  /** A custom-plan subscription has no plan key to migrate along: use change (SB12). */
  | 'custom_plan';

/**
 * What collided on a subscription (`ConflictError.target`): its id, already stored (storage), its
 * scheduled successor (SB7a), the key of an `add_item` customization already active at the edit's
 * instant (SB13), by the customization's path in the edit, or a rate card's feature another
 * entitlement already covers (SB14), by the card's path in the plan.
 */
export type SubscriptionConflictTarget =
  /** Storage already holds a subscription with this id. */
  | 'subscription.id'
  | 'subscription.nextSubscriptionId'
  | `customizations[${number}].rateCard.key`
  /** SB14: the rate card whose feature another entitlement of the customer already covers. */
  | `phases[${number}].rateCards[${number}].feature`;

/**
 * Why a subscription action collides (`ConflictError.reason`). `successor_scheduled`: a change or
 * migrate already scheduled a successor, so the current subscription is frozen until `continue` (SB7a).
 * `item_exists`: an `add_item` names a key the phase already has active at the edit's instant (SB13).
 * `entitlement_conflict`: a rate card would entitle a feature the customer already holds (another
 * subscription or a manual entitlement) at an overlapping time (SB14).
 */
export type SubscriptionConflictReason = 'successor_scheduled' | 'item_exists' | 'entitlement_conflict';

/** A subscription StateError with its typed reason. */
export const subscriptionStateError = (message: string, reason: SubscriptionStateReason): StateError<SubscriptionStateReason> =>
  new StateError(message, reason);

/** A subscription ConflictError with its typed target and reason. */
export const subscriptionConflict = (
  message: string,
  target: SubscriptionConflictTarget,
  reason: SubscriptionConflictReason,
): ConflictError<SubscriptionConflictTarget, SubscriptionConflictReason> => new ConflictError(message, target, { reason });
