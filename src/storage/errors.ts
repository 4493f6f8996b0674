import { ConflictError, StateError } from '../errors';

/**
 * Why the storage layer refuses an action (`StateError.reason`): an applied migration was edited
 * (`migration_checksum_mismatch`), or the database was migrated by a newer version
 * (`migration_unknown`).
 */
export type StorageStateReason = 'migration_checksum_mismatch' | 'migration_unknown';

/**
 * What collided when a repository refuses a write (`ConflictError.target`): `table.column` of the
 * unique rule, as every adapter names it.
 */
export type StorageConflictTarget =
  | 'customer.id'
  | 'customer.key'
  | 'customer.subjectKeys'
  | 'meter.id'
  | 'meter.key'
  | 'feature.key'
  | 'plan.version'
  | 'entitlement.feature';

/** A `StateError` whose reason is one of the storage layer's. */
export function storageStateError(message: string, reason: StorageStateReason, options?: { cause?: unknown }) {
  return new StateError(message, reason, options);
}

/** A `ConflictError` whose target is one of the storage layer's. */
export function storageConflict(message: string, target: StorageConflictTarget, options?: { cause?: unknown }) {
  return new ConflictError(message, target, options);
}
