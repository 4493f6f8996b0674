import type { NotificationRecord } from '../../../src/storage';

/** The notification collections of a {@link MemoryDatabase}. Records are stored deeply frozen. */
export class MemoryNotificationState {
  /** Outbox, in insertion (= id) order. */
  readonly notifications = new Map<string, NotificationRecord>();
  /** `entitlement \u0001 period start \u0001 key` of notifications fired. */
  readonly fired = new Set<string>();
}
