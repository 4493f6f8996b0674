import type { CatalogConflictTarget } from '../core/catalog';
import type { CustomerConflictTarget } from '../core/customers';
import type { EntitlementConflictTarget } from '../core/entitlements';
import type { MeteringConflictTarget } from '../core/metering';
import type { SubscriptionConflictTarget } from '../core/subscriptions';
import { ConflictError, StateError } from '../errors';

/**
 * Why the storage layer refuses an action (`StateError.reason`): an applied migration was edited
 * (`migration_checksum_mismatch`), or the database was migrated by a newer version
 * (`migration_unknown`).
 */
export type StorageStateReason = 'migration_checksum_mismatch' | 'migration_unknown';

/**
 * What collided when a repository refuses a write (`ConflictError.target`): `table.column` of the
 * unique rule, as every adapter names it. Each domain owns its targets (core `errors.ts`).
 */
export type StorageConflictTarget =
  | CustomerConflictTarget
  | MeteringConflictTarget
  | Exclude<CatalogConflictTarget, 'plan.key'>
  | EntitlementConflictTarget
  | Extract<SubscriptionConflictTarget, 'subscription.id'>;

/** A `StateError` whose reason is one of the storage layer's. */
export function storageStateError(message: string, reason: StorageStateReason, options?: { cause?: unknown }) {
  return new StateError(message, reason, options);
}

/** A `ConflictError` whose target is one of the storage layer's. */
export function storageConflict(message: string, target: StorageConflictTarget, options?: { cause?: unknown }) {
  return new ConflictError(message, target, options);
}
