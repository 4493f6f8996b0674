import { type SubscriptionRecord, type SubscriptionRepository, type SubscriptionStatusFilter, storageConflict } from '../../../src/storage';
import { type MemoryDatabase, type UndoJournal, frozenCopy, journaledSet } from '../memory-database';
import { storedStatusAt } from './memory-subscription-status';

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Subscriptions kept in a {@link MemoryDatabase}, each a deeply frozen copy (phases and items
 * included) replaced whole on update; every write is journaled for rollback.
 */
export class MemorySubscriptionRepository implements SubscriptionRepository {
  constructor(
    private readonly db: MemoryDatabase,
    private readonly journal: UndoJournal,
  ) {}

  async insert(subscription: SubscriptionRecord): Promise<void> {
    if (this.db.subscriptions.has(subscription.id)) throw storageConflict(`A subscription with id ${subscription.id} already exists`, 'subscription.id');
    this.store(subscription);
  }

  async update(subscription: SubscriptionRecord, expectedRevision: number): Promise<boolean> {
    const current = this.db.subscriptions.get(subscription.id);
    if (current === undefined || current.revision !== expectedRevision) return false;
    this.store(subscription);
    return true;
  }

  async findById(id: string): Promise<SubscriptionRecord | undefined> {
    return this.db.subscriptions.get(id);
  }

  async listByCustomer(customerId: string): Promise<SubscriptionRecord[]> {
    const out: SubscriptionRecord[] = [];
    for (const id of this.db.subscriptionsByCustomer.get(customerId) ?? []) {
      const s = this.db.subscriptions.get(id);
      if (s !== undefined && s.customerId === customerId) out.push(s);
    }
    return out.sort(byId);
  }

  async list(options: { limit: number; afterId?: string; customerId?: string; status?: SubscriptionStatusFilter }): Promise<SubscriptionRecord[]> {
    const source = options.customerId === undefined ? [...this.db.subscriptions.values()] : await this.listByCustomer(options.customerId);
    const { afterId, status } = options;
    return source
      .filter((s) => (afterId === undefined || s.id > afterId) && (status === undefined || storedStatusAt(s, status.at) === status.status))
      .sort(byId)
      .slice(0, options.limit);
  }

  /** Stores a frozen copy under its id and indexes it under its customer. */
  private store(subscription: SubscriptionRecord): void {
    journaledSet(this.journal, this.db.subscriptions, subscription.id, frozenCopy(subscription));
    this.indexByCustomer(subscription.customerId, subscription.id);
  }

  private indexByCustomer(customerId: string, id: string): void {
    let ids = this.db.subscriptionsByCustomer.get(customerId);
    if (ids === undefined) this.db.subscriptionsByCustomer.set(customerId, (ids = new Set()));
    if (ids.has(id)) return;
    ids.add(id);
    const added = ids;
    this.journal.record(() => added.delete(id));
  }
}
