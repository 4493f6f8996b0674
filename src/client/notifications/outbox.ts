import type { NotificationRecord, StorageTransaction } from '../../storage';
import type { EntitlementEventMap } from '../entitlements/entitlement-events';
import type { SubscriptionEventMap } from '../subscriptions/subscription-events';
import type { ServiceContext } from '../shared/context';

/**
 * The notifications written to the durable outbox, by name: composed from the maps of the domains
 * that produce durable notifications (entitlements, subscriptions; billing and credits add theirs).
 */
export interface DurableEventMap extends EntitlementEventMap, SubscriptionEventMap {}

/** The name of a durable notification. */
export type DurableEventName = keyof DurableEventMap;

/** One notification waiting to be written to the outbox and emitted after commit. */
export interface PendingNotification<K extends DurableEventName = DurableEventName> {
  type: K;
  payload: DurableEventMap[K];
}

/** Keys of the payload fields that hold instants (revived as Dates when polled). */
const DATE_FIELDS = new Set(['at', 'usagePeriodStart', 'activeFrom', 'activeTo', 'billingAnchor', 'createdAt', 'updatedAt', 'from', 'to']);

/** Reads a stored payload back, instants as Dates. */
export function revivePayload(json: string): unknown {
  return JSON.parse(json, (key, value: unknown) => (DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value));
}

/** Writes notifications to the durable outbox (in the transaction of their cause). */
export async function writeOutbox(ctx: ServiceContext, tx: StorageTransaction, pending: readonly PendingNotification[]): Promise<void> {
  if (pending.length === 0) return;
  const createdAt = ctx.clock.now();
  const records: NotificationRecord[] = pending.map((n) => ({
    id: n.payload.notificationId,
    type: n.type,
    payload: JSON.stringify(n.payload),
    createdAt,
    ackedAt: null,
  }));
  await tx.notifications.append(records);
}

/** Emits written notifications in-process (after the commit). */
export function emitAll(ctx: ServiceContext, pending: readonly PendingNotification[]): void {
  for (const n of pending) ctx.notifier.emit(n.type, n.payload as never);
}
