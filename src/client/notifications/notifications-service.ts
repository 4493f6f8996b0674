import { notificationAckSchema, notificationPollSchema, type NotificationPollInput, parseInput } from '../../schema';
import type { ServiceContext } from '../shared/context';
import { type DurableEventMap, type DurableEventName, revivePayload } from './outbox';

/** A notification read from the durable outbox. */
export type PolledNotification = {
  [K in DurableEventName]: { id: string; type: K; createdAt: Date; payload: DurableEventMap[K] };
}[DurableEventName];

/**
 * `tg.notifications`: the durable outbox. Every notification is written in the transaction of its
 * cause; `poll` returns those not acknowledged yet (oldest first) until `ack` is called for them,
 * so a process that crashed before handling one gets it again (at-least-once).
 */
export class NotificationsService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * The oldest notifications not acknowledged yet (default 100, at most 1,000).
   * @example
   * for (const n of await tg.notifications.poll({ limit: 50 })) {
   *   await handle(n);
   *   await tg.notifications.ack([n.id]);
   * }
   */
  async poll(input: NotificationPollInput = {}): Promise<PolledNotification[]> {
    const data = parseInput(notificationPollSchema, input);
    const rows = await this.ctx.transaction((tx) => tx.notifications.pending(data.limit ?? 100));
    return rows.map((r) => ({ id: r.id, type: r.type, createdAt: r.createdAt, payload: revivePayload(r.payload) }) as PolledNotification);
  }

  /**
   * Acknowledges polled notifications: they are not returned again. Returns how many were pending.
   * @example
   * await tg.notifications.ack(batch.map((n) => n.id));
   */
  async ack(ids: readonly string[]): Promise<{ acknowledged: number }> {
    const list = parseInput(notificationAckSchema, ids, { prefix: 'ids' });
    const acknowledged = await this.ctx.transaction((tx) => tx.notifications.ack(list, this.ctx.clock.now()));
    return { acknowledged };
  }
}
