import type { NotificationRecord } from './notification-records';

/** The durable notification outbox and the record of thresholds fired, inside a transaction. */
export interface NotificationRepository {
  append(notifications: readonly NotificationRecord[]): Promise<void>;
  /** The oldest notifications not acknowledged, by id (ids sort in creation order). */
  pending(limit: number): Promise<NotificationRecord[]>;
  /** Acknowledges notifications; returns how many were pending. */
  ack(ids: readonly string[], at: Date): Promise<number>;
  /**
   * Records that a notification keyed `key` (a threshold, a grant running out) fired for the
   * entitlement in the usage period starting at `periodStartMs`; false when it had already.
   */
  markFired(entitlementId: string, key: string, periodStartMs: number): Promise<boolean>;
  /** The keys fired for the entitlement in that usage period. */
  firedKeys(entitlementId: string, periodStartMs: number): Promise<string[]>;
}
