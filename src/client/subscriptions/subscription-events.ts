import type { Subscription } from './subscription';

/** A subscription changed (BILLING.md NT1): in-process via `tg.on`, and in the durable outbox. */
export interface SubscriptionEvent {
  /** The outbox id of this notification (ack it after handling a polled copy). */
  notificationId: string;
  /** `{event}:{subscriptionId}:{revision}`: the same for every delivery of this change, so a consumer can drop repeats (NT1). */
  key: string;
  /** The subscription after the change, read at the change's instant. */
  subscription: Subscription;
  /** The subscription's change counter after this change: a consumer keeps the highest it saw. */
  revision: number;
}

/** The subscription notifications by name. */
export interface SubscriptionEventMap {
  /** A subscription was created (directly, or as the successor of a change or migrate). */
  'subscription.created': SubscriptionEvent;
  /** A subscription was edited, or ended by a change or migrate, or lost its scheduled successor. */
  'subscription.updated': SubscriptionEvent;
  /** A subscription was canceled (its end set, now or ahead). */
  'subscription.canceled': SubscriptionEvent;
  /** A pending cancel was undone. */
  'subscription.continued': SubscriptionEvent;
  /** A scheduled subscription was deleted. */
  'subscription.deleted': SubscriptionEvent;
}

/** The name of a subscription notification. */
export type SubscriptionEventName = keyof SubscriptionEventMap;
