import { StateError } from '../../errors';

/** Why an entitlement or grant action is refused (`StateError.reason`). */
export type EntitlementStateReason =
  /** The entitlement is deleted. */
  | 'deleted'
  /** Only metered entitlements reset or have a history. */
  | 'not_metered'
  /** Only a SUM or COUNT meter's usage can be consumed event by event. */
  | 'not_additive'
  /** The grant is voided already. */
  | 'voided';

/** What collided among entitlements (`ConflictError.target`). */
export type EntitlementConflictTarget = 'entitlement.feature';

/** An entitlement StateError with its typed reason. */
export const entitlementStateError = (message: string, reason: EntitlementStateReason): StateError<EntitlementStateReason> => new StateError(message, reason);
