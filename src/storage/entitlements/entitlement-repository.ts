import type { CheckTarget, EntitlementRecord, TrackedEntitlement } from './entitlement-records';

/** Entitlements, inside a transaction. At most one entitlement per customer and feature is not deleted. */
export interface EntitlementRepository {
  /** Inserts one; ConflictError (target `entitlement.feature`) when the customer has one for the feature that is not deleted. */
  insert(entitlement: EntitlementRecord): Promise<void>;
  /** Marks it deleted at `at` and bumps its version. */
  markDeleted(id: string, at: Date): Promise<void>;
  /** Increases `version` by one (its grants or resets changed); returns the new version. */
  bumpVersion(id: string): Promise<number>;
  findById(id: string): Promise<EntitlementRecord | undefined>;
  /** Every entitlement (deleted ones too) of one customer, by id; of one feature only when given. */
  listByCustomer(customerId: string, featureId?: string): Promise<EntitlementRecord[]>;
  /** Entitlements by id, strictly after `afterId`, filtered. */
  list(options: { limit: number; afterId?: string; customerId?: string; featureId?: string; includeDeleted: boolean }): Promise<EntitlementRecord[]>;
  /**
   * The metered, not deleted entitlements whose feature is metered by `meterKey` and whose
   * customer owns any of `subjects` (attribution now), with the subjects each one owns among them,
   * locked for usage bookkeeping (as `lockUsage(ids, 'update')`) until the transaction ends.
   */
  findTracked(meterKey: string, subjects: readonly string[]): Promise<TrackedEntitlement[]>;
  /**
   * Locks entitlements against concurrent usage bookkeeping until the transaction ends: `share`
   * for ingestion (which adds to checkpoints), `update` for a writer that recomputes them. A no-op
   * where transactions are serialized anyway. Returns true when it took locks (other transactions
   * may have committed since this one's earlier reads: read again what must be current), false
   * where transactions are serialized (nothing changed since this one began).
   */
  lockUsage(ids: readonly string[], mode: 'share' | 'update'): Promise<boolean>;
  /**
   * One read for a check: the customer (by id, else by key) and the feature (by id, else the
   * active one with the key, else the one archived last), with the customer's entitlements to the
   * feature and their checkpoints. `undefined` when the customer or the feature does not exist.
   */
  findCheckTarget(customerRef: string, featureRef: string): Promise<CheckTarget | undefined>;
}
