import type { EntitlementResetRecord } from './entitlement-records';

/** Manual resets of entitlements' usage, inside a transaction. */
export interface EntitlementResetRepository {
  insert(reset: EntitlementResetRecord): Promise<void>;
  /** The resets of one entitlement, by instant. */
  listByEntitlement(entitlementId: string): Promise<EntitlementResetRecord[]>;
}
