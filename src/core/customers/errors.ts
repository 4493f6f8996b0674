import { StateError } from '../../errors';

/** Why a customer action is refused (`StateError.reason`). */
export type CustomerStateReason =
  /** The customer is archived and cannot change. */
  'archived';

/** What collided among customers (`ConflictError.target`). */
export type CustomerConflictTarget = 'customer.id' | 'customer.key' | 'customer.subjectKeys';

/** A customer StateError with its typed reason. */
export const customerStateError = (message: string, reason: CustomerStateReason): StateError<CustomerStateReason> => new StateError(message, reason);
