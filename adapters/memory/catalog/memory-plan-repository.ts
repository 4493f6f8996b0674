import { type PlanRecord, type PlanRepository, storageConflict } from '../../../src/storage';
import { type MemoryDatabase, type UndoJournal, journaledSet } from '../memory-database';

const copy = (p: PlanRecord): PlanRecord => structuredClone(p);
const byId = (a: PlanRecord, b: PlanRecord): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Plan versions kept in a {@link MemoryDatabase}. */
export class MemoryPlanRepository implements PlanRepository {
  constructor(
    private readonly db: MemoryDatabase,
    private readonly journal: UndoJournal,
  ) {}

  async insert(plan: PlanRecord): Promise<void> {
    for (const other of this.db.plans.values()) {
      if (other.key === plan.key && other.version === plan.version) {
        throw storageConflict(`Plan ${plan.key} already has a version ${plan.version}`, 'plan.version');
      }
    }
    journaledSet(this.journal, this.db.plans, plan.id, copy(plan));
  }

  async update(plan: PlanRecord): Promise<void> {
    if (this.db.plans.has(plan.id)) journaledSet(this.journal, this.db.plans, plan.id, copy(plan));
  }

  async findById(id: string): Promise<PlanRecord | undefined> {
    const found = this.db.plans.get(id);
    return found && copy(found);
  }

  async versions(key: string): Promise<PlanRecord[]> {
    return [...this.db.plans.values()].filter((p) => p.key === key).sort((a, b) => a.version - b.version).map(copy);
  }

  async list(options: { limit: number; afterId?: string; key?: string }): Promise<PlanRecord[]> {
    return [...this.db.plans.values()]
      .filter((p) => (options.afterId === undefined || p.id > options.afterId) && (options.key === undefined || p.key === options.key))
      .sort(byId)
      .slice(0, options.limit)
      .map(copy);
  }
}
