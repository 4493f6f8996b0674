import { StateError } from '../../errors';

/** Why pricing refuses a request (`StateError.reason`). */
export type PricingStateReason =
  /** A volume price prices a whole period at once: it cannot bill a later part of one. */
  'progressive_volume';

/** A pricing StateError with its typed reason. */
export const pricingStateError = (message: string, reason: PricingStateReason): StateError<PricingStateReason> => new StateError(message, reason);
