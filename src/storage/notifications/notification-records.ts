/** Notification records: the durable outbox `tg.notifications.poll()` reads. */

/** One notification in the durable outbox. */
export interface NotificationRecord {
  id: string;
  /** The notification name, e.g. `entitlement.threshold`. */
  type: string;
  /** The payload as JSON text. */
  payload: string;
  createdAt: Date;
  ackedAt: Date | null;
}
