import type { BalanceSnapshotRecord, BalanceSnapshotRepository } from '../../../src/storage';
import { frozenCopy, journaledSet, type MemoryDatabase, type UndoJournal } from '../memory-database';

/** Balance snapshots kept in a {@link MemoryDatabase}, sorted by instant per entitlement. */
export class MemoryBalanceSnapshotRepository implements BalanceSnapshotRepository {
  constructor(
    private readonly db: MemoryDatabase,
    private readonly journal: UndoJournal,
  ) {}

  private get snapshots() {
    return this.db.entitlementState.snapshots;
  }

  async save(snapshots: readonly BalanceSnapshotRecord[]): Promise<void> {
    for (const snapshot of snapshots) {
      const at = snapshot.at.getTime();
      const list = (this.snapshots.get(snapshot.entitlementId) ?? []).filter((s) => s.at.getTime() !== at);
      list.push(frozenCopy(snapshot));
      list.sort((a, b) => a.at.getTime() - b.at.getTime());
      journaledSet(this.journal, this.snapshots, snapshot.entitlementId, list);
    }
  }

  async latest(entitlementId: string, atMs: number): Promise<BalanceSnapshotRecord | undefined> {
    const list = this.snapshots.get(entitlementId);
    if (list === undefined) return undefined;
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.at.getTime() <= atMs) return list[i];
    return undefined;
  }

  async deleteAfter(entitlementId: string, afterMs: number): Promise<void> {
    const list = this.snapshots.get(entitlementId);
    if (list === undefined || list.length === 0 || list[list.length - 1]!.at.getTime() <= afterMs) return;
    journaledSet(this.journal, this.snapshots, entitlementId, list.filter((s) => s.at.getTime() <= afterMs));
  }

  async deleteAfterMany(items: ReadonlyArray<{ entitlementId: string; afterMs: number }>): Promise<void> {
    for (const item of items) await this.deleteAfter(item.entitlementId, item.afterMs);
  }
}
