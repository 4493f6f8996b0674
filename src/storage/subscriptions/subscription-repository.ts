import type { SubscriptionRecord, SubscriptionStatusFilter } from './subscription-records';

/** Subscriptions with their phases and item versions, inside a transaction. */
export interface SubscriptionRepository {
  /** Inserts a subscription with its phases and items; ConflictError (target `subscription.id`) when the id exists. */
  insert(subscription: SubscriptionRecord): Promise<void>;
  /**
   * Replaces a stored subscription (matched by id), its phases and items included, when its stored
   * `revision` is `expectedRevision`; returns false (and changes nothing) otherwise.
   */
  update(subscription: SubscriptionRecord, expectedRevision: number): Promise<boolean>;
  findById(id: string): Promise<SubscriptionRecord | undefined>;
  /** Every subscription of one customer (deleted ones too), by id. */
  listByCustomer(customerId: string): Promise<SubscriptionRecord[]>;
  /**
   * Subscriptions by id, strictly after `afterId`, optionally of one customer and with one status at
   * an instant (SB6: scheduled if at < activeFrom; active if activeTo is null; canceled if at < activeTo;
   * inactive from activeTo on or once deleted; a deleted one is only ever inactive).
   */
  list(options: { limit: number; afterId?: string; customerId?: string; status?: SubscriptionStatusFilter }): Promise<SubscriptionRecord[]>;
}
