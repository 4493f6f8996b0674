import type { CheckTarget, EntitlementRecord, TrackedEntitlement } from './entitlement-records';

/**
 * Entitlements, inside a transaction. That no two entitlements of a customer that are not deleted
 * cover a feature at overlapping times is the facade's rule (SB14), decided under the customer's
 * lock (`tx.customers.lock`): a subscription change ends one and starts the next at one instant.
 */
export interface EntitlementRepository {
  /** Inserts one; ConflictError (target `entitlement.id`) when the id exists. */
  insert(entitlement: EntitlementRecord): Promise<void>;
  /** Sets `activeTo` (a subscription-managed entitlement ended, extended or re-opened) and bumps its version; returns the new version. */
  setActiveTo(id: string, activeTo: Date | null): Promise<number>;
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
