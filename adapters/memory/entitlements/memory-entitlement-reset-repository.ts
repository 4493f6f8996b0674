import type { EntitlementResetRecord, EntitlementResetRepository } from '../../../src/storage';
import { frozenCopy, journaledSet, type MemoryDatabase, type UndoJournal } from '../memory-database';

/** Manual resets kept in a {@link MemoryDatabase}. */
export class MemoryEntitlementResetRepository implements EntitlementResetRepository {
  constructor(
    private readonly db: MemoryDatabase,
    private readonly journal: UndoJournal,
  ) {}

  async insert(reset: EntitlementResetRecord): Promise<void> {
    const resets = this.db.entitlementState.resets;
    const next = [...(resets.get(reset.entitlementId) ?? []), frozenCopy(reset)].sort((a, b) => a.at.getTime() - b.at.getTime());
    journaledSet(this.journal, resets, reset.entitlementId, next);
  }

  async listByEntitlement(entitlementId: string): Promise<EntitlementResetRecord[]> {
    return [...(this.db.entitlementState.resets.get(entitlementId) ?? [])];
  }
}
