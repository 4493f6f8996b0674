import type { BillingStateReason } from '../../core/billing';
import type { CatalogConflictTarget, CatalogStateReason } from '../../core/catalog';
import type { CustomerConflictTarget, CustomerStateReason } from '../../core/customers';
import type { EntitlementConflictTarget, EntitlementStateReason } from '../../core/entitlements';
import type { MeteringConflictTarget } from '../../core/metering';
import type { PricingStateReason } from '../../core/pricing';
import type { SubscriptionConflictTarget, SubscriptionStateReason } from '../../core/subscriptions';
import { StateError } from '../../errors';
import type { StorageStateReason } from '../../storage';

/** Why the client itself refuses (`StateError.reason`). */
export type ClientStateReason =
  /** The client was closed. */
  'closed';

/** A client StateError with its typed reason. */
export const clientStateError = (message: string, reason: ClientStateReason): StateError<ClientStateReason> => new StateError(message, reason);

/**
 * Every reason a `StateError` from the domains can carry: narrow `e.reason` with it
 * (`(e as StateError<StateReason>).reason`), storage's included.
 */
export type StateReason =
  | ClientStateReason
  | CustomerStateReason
  | CatalogStateReason
  | EntitlementStateReason
  | PricingStateReason
  | SubscriptionStateReason
  | BillingStateReason
  | StorageStateReason;

/** Every target a `ConflictError` from the domains can name. */
export type ConflictTarget = CustomerConflictTarget | MeteringConflictTarget | CatalogConflictTarget | EntitlementConflictTarget | SubscriptionConflictTarget;
