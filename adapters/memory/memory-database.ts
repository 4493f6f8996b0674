import type { CustomerRecord, FeatureRecord, MeterRecord, PlanRecord, SubscriptionRecord } from '../../src/storage';
import { MemoryEntitlementState } from './entitlements/memory-entitlement-state';
import { MemoryEventStore, type MemoryMeterRollups } from './metering/memory-metering-store';
import { MemoryNotificationState } from './notifications/memory-notification-state';

/**
 * The state of an in-memory store. Several `memoryStorage()` handles may share one database (as
 * several connections share a SQL database); it lives as long as something references it.
 */
export class MemoryDatabase {
  readonly appliedMigrations = new Map<string, string>();
  readonly customers = new Map<string, CustomerRecord>();
  readonly customerIdByKey = new Map<string, string>();
  readonly customerIdBySubject = new Map<string, string>();
  readonly meters = new Map<string, MeterRecord>();
  readonly meterIdByKey = new Map<string, string>();
  readonly events = new MemoryEventStore();
  /** Meter id → its rollups. */
  readonly rollups = new Map<string, MemoryMeterRollups>();
  readonly features = new Map<string, FeatureRecord>();
  readonly plans = new Map<string, PlanRecord>();
  /** Entitlements, grants, resets, snapshots and checkpoints. */
  readonly entitlementState = new MemoryEntitlementState();
  /** The notification outbox and the notifications fired. */
  readonly notificationState = new MemoryNotificationState();
  /** Subscriptions (deleted ones too), each with its phases and item versions. */
  readonly subscriptions = new Map<string, SubscriptionRecord>();
  /** customer id → ids of its subscriptions. */
  readonly subscriptionsByCustomer = new Map<string, Set<string>>();
}

/** Undo steps recorded by a transaction, replayed in reverse when it fails. */
export class UndoJournal {
  private readonly steps: Array<() => void> = [];

  /** Records how to undo a change that was just made. */
  record(step: () => void): void {
    this.steps.push(step);
  }

  /** Undoes every recorded change, newest first. */
  rollback(): void {
    for (let i = this.steps.length - 1; i >= 0; i--) this.steps[i]!();
    this.steps.length = 0;
  }
}

/** Sets `map[key] = value`, recording how to restore the previous state. */
export function journaledSet<K, V>(journal: UndoJournal, map: Map<K, V>, key: K, value: V): void {
  const had = map.has(key);
  const previous = map.get(key);
  map.set(key, value);
  journal.record(() => (had ? map.set(key, previous as V) : map.delete(key)));
}

/** Deletes `map[key]`, recording how to restore it. */
export function journaledDelete<K, V>(journal: UndoJournal, map: Map<K, V>, key: K): void {
  if (!map.has(key)) return;
  const previous = map.get(key) as V;
  map.delete(key);
  journal.record(() => map.set(key, previous));
}

/** A deep copy, frozen. */
export function frozenCopy<T>(value: T): T {
  return deepFreeze(structuredClone(value));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** What a memory transaction's repositories are made from: the database and the transaction's undo journal. */
export interface MemoryTransactionContext {
  readonly db: MemoryDatabase;
  readonly journal: UndoJournal;
}
