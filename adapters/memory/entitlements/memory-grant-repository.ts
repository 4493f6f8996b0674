import type { GrantRecord, GrantRepository } from '../../../src/storage';
import { frozenCopy, journaledSet, type MemoryDatabase, type UndoJournal } from '../memory-database';
import { indexAdd } from './memory-entitlement-state';

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Grants kept in a {@link MemoryDatabase}. */
export class MemoryGrantRepository implements GrantRepository {
  constructor(
    private readonly db: MemoryDatabase,
    private readonly journal: UndoJournal,
  ) {}

  private get state() {
    return this.db.entitlementState;
  }

  async insert(grant: GrantRecord): Promise<void> {
    journaledSet(this.journal, this.state.grants, grant.id, frozenCopy(grant));
    indexAdd((undo) => this.journal.record(undo), this.state.grantsByEntitlement, grant.entitlementId, grant.id);
  }

  async void(id: string, at: Date): Promise<boolean> {
    const current = this.state.grants.get(id);
    if (current === undefined || current.voidedAt !== null) return false;
    journaledSet(this.journal, this.state.grants, id, frozenCopy({ ...current, voidedAt: at }));
    return true;
  }

  async findById(id: string): Promise<GrantRecord | undefined> {
    return this.state.grants.get(id);
  }

  async listByEntitlement(entitlementId: string): Promise<GrantRecord[]> {
    const out: GrantRecord[] = [];
    for (const id of this.state.grantsByEntitlement.get(entitlementId) ?? []) {
      const grant = this.state.grants.get(id);
      if (grant !== undefined) out.push(grant);
    }
    return out.sort(byId);
  }

  async list(options: { limit: number; afterId?: string; customerId?: string; featureId?: string; entitlementId?: string; includeVoided: boolean }): Promise<GrantRecord[]> {
    const source = options.entitlementId === undefined ? [...this.state.grants.values()] : await this.listByEntitlement(options.entitlementId);
    return source
      .filter(
        (g) =>
          (options.afterId === undefined || g.id > options.afterId) &&
          (options.customerId === undefined || g.customerId === options.customerId) &&
          (options.featureId === undefined || g.featureId === options.featureId) &&
          (options.includeVoided || g.voidedAt === null),
      )
      .sort(byId)
      .slice(0, options.limit);
  }
}
