import type { GrantRecord } from './entitlement-records';

/** Grants, inside a transaction. */
export interface GrantRepository {
  insert(grant: GrantRecord): Promise<void>;
  /** Sets `voidedAt` of a grant that is not voided yet; false when it was (nothing changes). */
  void(id: string, at: Date): Promise<boolean>;
  findById(id: string): Promise<GrantRecord | undefined>;
  /** Every grant of one entitlement (voided ones too), by id. */
  listByEntitlement(entitlementId: string): Promise<GrantRecord[]>;
  /** Grants by id, strictly after `afterId`, filtered. */
  list(options: { limit: number; afterId?: string; customerId?: string; featureId?: string; entitlementId?: string; includeVoided: boolean }): Promise<GrantRecord[]>;
}
