import type { NotificationRecord, NotificationRepository } from '../../../src/storage';
import { frozenCopy, journaledSet, type MemoryDatabase, type UndoJournal } from '../memory-database';

/** The notification outbox and fired thresholds kept in a {@link MemoryDatabase}. */
export class MemoryNotificationRepository implements NotificationRepository {
  constructor(
    private readonly db: MemoryDatabase,
    private readonly journal: UndoJournal,
  ) {}

  private get state() {
    return this.db.notificationState;
  }

  async append(notifications: readonly NotificationRecord[]): Promise<void> {
    for (const n of notifications) journaledSet(this.journal, this.state.notifications, n.id, frozenCopy(n));
  }

  async pending(limit: number): Promise<NotificationRecord[]> {
    const out: NotificationRecord[] = [];
    for (const n of [...this.state.notifications.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (out.length >= limit) break;
      if (n.ackedAt === null) out.push(n);
    }
    return out;
  }

  async ack(ids: readonly string[], at: Date): Promise<number> {
    let count = 0;
    for (const id of new Set(ids)) {
      const n = this.state.notifications.get(id);
      if (n === undefined || n.ackedAt !== null) continue;
      journaledSet(this.journal, this.state.notifications, id, Object.freeze({ ...n, ackedAt: at }));
      count++;
    }
    return count;
  }

  async markFired(entitlementId: string, key: string, periodStartMs: number): Promise<boolean> {
    const id = `${entitlementId}\u0001${periodStartMs}\u0001${key}`;
    if (this.state.fired.has(id)) return false;
    this.state.fired.add(id);
    this.journal.record(() => this.state.fired.delete(id));
    return true;
  }

  async firedKeys(entitlementId: string, periodStartMs: number): Promise<string[]> {
    const prefix = `${entitlementId}\u0001${periodStartMs}\u0001`;
    return [...this.state.fired].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }
}
