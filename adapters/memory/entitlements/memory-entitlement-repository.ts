import { type CheckTarget, type EntitlementRecord, type EntitlementRepository, type FeatureRecord, storageConflict, type TrackedEntitlement, type UsageCheckpointRecord } from '../../../src/storage';
import { frozenCopy, journaledSet, type MemoryDatabase, type UndoJournal } from '../memory-database';
import { type TrackedCustomer, type TrackedMeter, indexAdd } from './memory-entitlement-state';

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Entitlements kept in a {@link MemoryDatabase}. Several of a customer for one feature may be
 * stored: that their spans never overlap is the facade's rule.
 */
export class MemoryEntitlementRepository implements EntitlementRepository {
  constructor(
    private readonly db: MemoryDatabase,
    private readonly journal: UndoJournal,
  ) {}

  private get state() {
    return this.db.entitlementState;
  }

  async insert(entitlement: EntitlementRecord): Promise<void> {
    if (this.state.entitlements.has(entitlement.id)) throw storageConflict(`An entitlement with id ${entitlement.id} already exists`, 'entitlement.id');
    journaledSet(this.journal, this.state.entitlements, entitlement.id, frozenCopy(entitlement));
    indexAdd((undo) => this.journal.record(undo), this.state.entitlementsByCustomer, entitlement.customerId, entitlement.id);
    this.changed();
  }

  /** Invalidates the ingestion index (now, and again if the change is undone). */
  private changed(): void {
    this.state.generation++;
    this.journal.record(() => this.state.generation++);
  }

  async markDeleted(id: string, at: Date): Promise<void> {
    const current = this.state.entitlements.get(id);
    if (current === undefined) return;
    journaledSet(this.journal, this.state.entitlements, id, frozenCopy({ ...current, deletedAt: at, version: current.version + 1 }));
    this.changed();
  }

  async setActiveTo(id: string, activeTo: Date | null): Promise<number> {
    const current = this.state.entitlements.get(id);
    if (current === undefined) return 0;
    const next = frozenCopy({ ...current, activeTo, version: current.version + 1 });
    journaledSet(this.journal, this.state.entitlements, id, next);
    return next.version;
  }

  async bumpVersion(id: string): Promise<number> {
    const current = this.state.entitlements.get(id);
    if (current === undefined) return 0;
    const next = Object.freeze({ ...current, version: current.version + 1 });
    journaledSet(this.journal, this.state.entitlements, id, next);
    return next.version;
  }

  async findById(id: string): Promise<EntitlementRecord | undefined> {
    return this.state.entitlements.get(id);
  }

  async listByCustomer(customerId: string, featureId?: string): Promise<EntitlementRecord[]> {
    const out: EntitlementRecord[] = [];
    for (const id of this.state.entitlementsByCustomer.get(customerId) ?? []) {
      const e = this.state.entitlements.get(id);
      if (e !== undefined && (featureId === undefined || e.featureId === featureId)) out.push(e);
    }
    return out.sort(byId);
  }

  async list(options: { limit: number; afterId?: string; customerId?: string; featureId?: string; includeDeleted: boolean }): Promise<EntitlementRecord[]> {
    const source = options.customerId === undefined ? [...this.state.entitlements.values()] : await this.listByCustomer(options.customerId);
    return source
      .filter(
        (e) =>
          (options.afterId === undefined || e.id > options.afterId) &&
          (options.featureId === undefined || e.featureId === options.featureId) &&
          (options.includeDeleted || e.deletedAt === null),
      )
      .sort(byId)
      .slice(0, options.limit);
  }

  async findTracked(meterKey: string, subjects: readonly string[]): Promise<TrackedEntitlement[]> {
    const meter = this.trackedMeter(meterKey);
    const lookup = ++meter.lookups;
    const out: TrackedEntitlement[] = [];
    for (const subject of subjects) {
      const customer = this.trackedCustomer(meter, subject);
      if (customer === undefined || customer.templates.length === 0) continue;
      if (customer.lookup === lookup) {
        // Another subject of a customer met already: its entitlements gain this subject.
        for (let i = 0; i < customer.templates.length; i++) out[customer.first + i]!.subjects.push(subject);
        continue;
      }
      customer.lookup = lookup;
      customer.first = out.length;
      for (const t of customer.templates) {
        out.push({ entitlementId: t.entitlementId, customerId: customer.customerId, featureId: t.featureId, subjects: [subject], filters: t.filters, hasThresholds: t.hasThresholds });
      }
    }
    return out;
  }

  /** The subject's owner (attribution now) with its entitlements on the meter; one lookup per subject once seen. */
  private trackedCustomer(meter: TrackedMeter, subject: string): TrackedCustomer | undefined {
    const customerId = this.db.customerIdBySubject.get(subject);
    if (customerId === undefined) return undefined;
    const seen = meter.bySubject.get(subject);
    if (seen !== undefined && seen.customerId === customerId) return seen;
    const customer = meter.byCustomer.get(customerId) ?? { customerId, templates: [], lookup: 0, first: 0 };
    customer.customerId = customerId;
    meter.bySubject.set(subject, customer);
    return customer;
  }

  /** Who tracks the meter's usage, rebuilt when entitlements change. */
  private trackedMeter(meterKey: string): TrackedMeter {
    let index = this.state.trackedIndex;
    if (index === null || index.generation !== this.state.generation) {
      index = { generation: this.state.generation, byMeter: new Map() };
      this.state.trackedIndex = index;
    }
    let meter = index.byMeter.get(meterKey);
    if (meter === undefined) {
      meter = { byCustomer: new Map(), bySubject: new Map(), lookups: 0 };
      for (const e of this.state.entitlements.values()) {
        if (e.deletedAt !== null || e.type !== 'metered') continue;
        const feature = this.db.features.get(e.featureId);
        if (feature === undefined || feature.meterKey !== meterKey) continue;
        let customer = meter.byCustomer.get(e.customerId);
        if (customer === undefined) meter.byCustomer.set(e.customerId, (customer = { customerId: e.customerId, templates: [], lookup: 0, first: 0 }));
        customer.templates.push({
          entitlementId: e.id,
          featureId: e.featureId,
          filters: feature.meterGroupByFilters,
          hasThresholds: e.thresholds.length > 0,
        });
      }
      index.byMeter.set(meterKey, meter);
    }
    return meter;
  }

  async lockUsage(): Promise<boolean> {
    return false;
  }

  async findCheckTarget(customerRef: string, featureRef: string): Promise<CheckTarget | undefined> {
    const customer = this.db.customers.get(customerRef) ?? this.db.customers.get(this.db.customerIdByKey.get(customerRef) ?? '');
    const feature = this.db.features.get(featureRef) ?? this.featureByKey(featureRef);
    if (customer === undefined || feature === undefined) return undefined;
    const entitlements: EntitlementRecord[] = [];
    const checkpoints: UsageCheckpointRecord[] = [];
    for (const id of this.state.entitlementsByCustomer.get(customer.id) ?? []) {
      const e = this.state.entitlements.get(id);
      if (e === undefined || e.featureId !== feature.id) continue;
      entitlements.push(e);
      const checkpoint = this.state.checkpoints.get(id);
      if (checkpoint !== undefined) checkpoints.push(checkpoint);
    }
    return {
      customerId: customer.id,
      customerUpdatedAt: customer.updatedAt,
      featureId: feature.id,
      featureKey: feature.key,
      meterKey: feature.meterKey,
      filters: feature.meterGroupByFilters,
      entitlements: entitlements.length > 1 ? entitlements.sort(byId) : entitlements,
      checkpoints,
    };
  }

  /** The active feature with this key, else the one archived last (as the feature repository finds it). */
  private featureByKey(key: string): FeatureRecord | undefined {
    let best: FeatureRecord | undefined;
    for (const f of this.db.features.values()) {
      if (f.key !== key) continue;
      if (f.archivedAt === null) return f;
      if (!best || f.archivedAt.getTime() > best.archivedAt!.getTime() || (f.archivedAt.getTime() === best.archivedAt!.getTime() && f.id > best.id)) best = f;
    }
    return best;
  }
}
