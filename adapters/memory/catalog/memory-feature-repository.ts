import { type FeatureRecord, type FeatureRepository, storageConflict } from '../../../src/storage';
import { type MemoryDatabase, type UndoJournal, journaledSet } from '../memory-database';

const copy = (f: FeatureRecord): FeatureRecord => structuredClone(f);

/** Features kept in a {@link MemoryDatabase}. */
export class MemoryFeatureRepository implements FeatureRepository {
  constructor(
    private readonly db: MemoryDatabase,
    private readonly journal: UndoJournal,
  ) {}

  async insert(feature: FeatureRecord): Promise<void> {
    for (const other of this.db.features.values()) {
      if (other.key === feature.key && other.archivedAt === null) {
        throw storageConflict(`An active feature with key ${feature.key} already exists`, 'feature.key');
      }
    }
    journaledSet(this.journal, this.db.features, feature.id, copy(feature));
  }

  async archive(id: string, at: Date): Promise<void> {
    const current = this.db.features.get(id);
    if (current) journaledSet(this.journal, this.db.features, id, { ...copy(current), archivedAt: at });
  }

  async findById(id: string): Promise<FeatureRecord | undefined> {
    const found = this.db.features.get(id);
    return found && copy(found);
  }

  async findByKey(key: string): Promise<FeatureRecord | undefined> {
    let best: FeatureRecord | undefined;
    for (const f of this.db.features.values()) {
      if (f.key !== key) continue;
      if (f.archivedAt === null) return copy(f);
      if (!best || f.archivedAt.getTime() > best.archivedAt!.getTime() || (f.archivedAt.getTime() === best.archivedAt!.getTime() && f.id > best.id)) best = f;
    }
    return best && copy(best);
  }

  async list(options: { limit: number; afterId?: string; includeArchived: boolean; meterKey?: string }): Promise<FeatureRecord[]> {
    return [...this.db.features.values()]
      .filter(
        (f) =>
          (options.afterId === undefined || f.id > options.afterId) &&
          (options.includeArchived || f.archivedAt === null) &&
          (options.meterKey === undefined || f.meterKey === options.meterKey),
      )
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, options.limit)
      .map(copy);
  }
}
