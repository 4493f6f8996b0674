/** Payloads of the entitlement notifications (in-process via `tg.on`, and in the durable outbox). */

/** The metered figures of an entitlement when a notification fired. */
export interface BalanceFigures {
  balance: string;
  usage: string;
  overage: string;
  totalAvailableGrantAmount: string;
}

/** A threshold of a metered entitlement was reached (once per threshold per usage period). */
export interface EntitlementThresholdEvent {
  /** The outbox id of this notification (ack it after handling a polled copy). */
  notificationId: string;
  entitlementId: string;
  customerId: string;
  feature: string;
  threshold: { type: 'usage_percentage' | 'usage' | 'balance'; value: string };
  value: BalanceFigures;
  /** Start of the usage period in which it fired. */
  usagePeriodStart: Date;
  /** When it was detected. */
  at: Date;
}

/** An entitlement's usage was reset by hand. */
export interface EntitlementResetEvent {
  notificationId: string;
  entitlementId: string;
  customerId: string;
  feature: string;
  /** The reset instant. */
  at: Date;
  retainAnchor: boolean;
  preserveOverage: boolean;
}

/** A grant's balance reached zero (once per grant per usage period). */
export interface GrantDepletedEvent {
  notificationId: string;
  grantId: string;
  entitlementId: string;
  customerId: string;
  feature: string;
  usagePeriodStart: Date;
  /** When it was detected. */
  at: Date;
}

/** The entitlement notifications by name. */
export interface EntitlementEventMap {
  /** A metered entitlement reached one of its thresholds (once per threshold per usage period). */
  'entitlement.threshold': EntitlementThresholdEvent;
  /** An entitlement's usage was reset by hand. */
  'entitlement.reset': EntitlementResetEvent;
  /** A grant's balance reached zero (once per grant per usage period). */
  'grant.depleted': GrantDepletedEvent;
}

/** The name of an entitlement notification. */
export type EntitlementEventName = keyof EntitlementEventMap;
