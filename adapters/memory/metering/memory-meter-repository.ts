import { type MeterRecord, type MeterRepository, storageConflict } from '../../../src/storage';
import { type MemoryDatabase, type UndoJournal, journaledSet } from '../memory-database';

const copy = (m: MeterRecord): MeterRecord => structuredClone(m);

/** Meters kept in a {@link MemoryDatabase}; every change is journaled for rollback. */
export class MemoryMeterRepository implements MeterRepository {
  constructor(
    private readonly db: MemoryDatabase,
    private readonly journal: UndoJournal,
  ) {}

  async insert(meter: MeterRecord): Promise<void> {
    if (this.db.meters.has(meter.id)) throw storageConflict(`A meter with id ${meter.id} already exists`, 'meter.id');
    if (this.db.meterIdByKey.has(meter.key)) throw storageConflict(`A meter with key ${meter.key} already exists`, 'meter.key');
    journaledSet(this.journal, this.db.meters, meter.id, copy(meter));
    journaledSet(this.journal, this.db.meterIdByKey, meter.key, meter.id);
  }

  async update(meter: MeterRecord): Promise<void> {
    if (!this.db.meters.has(meter.id)) return;
    journaledSet(this.journal, this.db.meters, meter.id, copy(meter));
  }

  async findById(id: string): Promise<MeterRecord | undefined> {
    const found = this.db.meters.get(id);
    return found && copy(found);
  }

  async findByKey(key: string): Promise<MeterRecord | undefined> {
    const id = this.db.meterIdByKey.get(key);
    return id === undefined ? undefined : this.findById(id);
  }

  async list(options: { limit: number; afterId?: string; includeArchived: boolean }): Promise<MeterRecord[]> {
    const out: MeterRecord[] = [];
    for (const id of [...this.db.meters.keys()].sort()) {
      if (options.afterId !== undefined && id <= options.afterId) continue;
      const meter = this.db.meters.get(id)!;
      if (!options.includeArchived && meter.archivedAt) continue;
      out.push(copy(meter));
      if (out.length >= options.limit) break;
    }
    return out;
  }

  async listByEventTypes(eventTypes: readonly string[]): Promise<MeterRecord[]> {
    const types = new Set(eventTypes);
    const out: MeterRecord[] = [];
    for (const meter of this.db.meters.values()) if (types.has(meter.eventType)) out.push(copy(meter));
    return out.sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}
