import { ConflictError, StateError } from '../../errors';

/** Why an entitlement or grant action is refused (`StateError.reason`). */
export type EntitlementStateReason =
  /** The entitlement is deleted. */
  | 'deleted'
  /** Only metered entitlements reset or have a history. */
  | 'not_metered'
  /** Only a SUM or COUNT meter's usage can be consumed event by event. */
  | 'not_additive'
  /** The grant is voided already. */
  | 'voided'
  /** A subscription provisions and manages this entitlement: change the subscription instead (BILLING.md EN3). */
  | 'subscription_managed';

/**
 * What collided among entitlements (`ConflictError.target`): `entitlement.feature` when the customer
 * already has an entitlement covering the feature at an overlapping time (the facade's rule, SB14);
 * `entitlement.id` when storage already holds an entitlement with the id.
 */
export type EntitlementConflictTarget = 'entitlement.feature' | 'entitlement.id';

/** An entitlement StateError with its typed reason. */
export const entitlementStateError = (message: string, reason: EntitlementStateReason): StateError<EntitlementStateReason> => new StateError(message, reason);

/** An entitlement ConflictError: the customer already has an entitlement covering the feature at an overlapping time. */
export const entitlementConflict = (message: string): ConflictError<EntitlementConflictTarget> => new ConflictError(message, 'entitlement.feature');
