import type { CustomerRecord } from './customer-records';

/** Customers, as the storage port exposes them inside a transaction. */
export interface CustomerRepository {
  /**
   * Inserts a new customer with its subject keys.
   * Throws `ConflictError` (target `customer.key` or `customer.subjectKeys`) when the key or a
   * subject key is taken.
   */
  insert(customer: CustomerRecord): Promise<void>;
  /**
   * Replaces a stored customer (matched by id), subject keys included. Throws `ConflictError` when
   * a new subject key belongs to another customer.
   */
  update(customer: CustomerRecord): Promise<void>;
  /**
   * Locks the customer against concurrent writers that lock it too, until the transaction ends:
   * writers of its entitlements and subscriptions take it, so the feature-overlap rule (SB14) and
   * a subscription's state are decided on what the previous writer committed. Postgres: the row,
   * `FOR UPDATE`; a no-op where transactions are serialized anyway (SQLite, memory).
   */
  lock(id: string): Promise<void>;
  /** The customer with this id, if any. */
  findById(id: string): Promise<CustomerRecord | undefined>;
  /** The customer with this key, if any. */
  findByKey(key: string): Promise<CustomerRecord | undefined>;
  /** The customer that owns this subject key, if any. */
  findBySubjectKey(subjectKey: string): Promise<CustomerRecord | undefined>;
  /** The customers that own any of these subject keys (each once, in no particular order). */
  findBySubjectKeys(subjectKeys: readonly string[]): Promise<CustomerRecord[]>;
  /** Customers ordered by id, strictly after `afterId` when given. */
  list(options: { limit: number; afterId?: string; includeArchived: boolean }): Promise<CustomerRecord[]>;
}
