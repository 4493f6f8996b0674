import {
  AsyncMutex,
  type Migration,
  type MigrationReport,
  type Storage,
  type StorageOptions,
  type StorageTransaction,
  migrationChecksum,
  planMigrations,
} from '../../src/storage';
import { MemoryCustomerRepository } from './memory-customer-repository';
import { MemoryEventRepository } from './memory-event-repository';
import { MemoryMeterRepository } from './memory-meter-repository';
import { MemoryRollupRepository } from './memory-rollup-repository';
import { MemoryFeatureRepository } from './memory-feature-repository';
import { MemoryPlanRepository } from './memory-plan-repository';
import { MemoryDatabase, UndoJournal } from './memory-database';
import { MemoryEntitlementRepository } from './memory-entitlement-repository';
import { MemoryGrantRepository } from './memory-grant-repository';
import { MemoryEntitlementResetRepository } from './memory-entitlement-reset-repository';
import { MemoryBalanceSnapshotRepository } from './memory-balance-snapshot-repository';
import { MemoryUsageCheckpointRepository } from './memory-usage-checkpoint-repository';
import { MemoryNotificationRepository } from './memory-notification-repository';
import { MEMORY_MIGRATIONS } from './memory-migrations';

/** Options of {@link memoryStorage}. */
export interface MemoryStorageOptions extends StorageOptions {
  /** Share one in-memory database between several handles (as connections share a SQL database). */
  database?: MemoryDatabase;
}

/** One mutex per database, so every handle on it serializes its transactions. */
const mutexes = new WeakMap<MemoryDatabase, AsyncMutex>();

class MemoryStorage implements Storage {
  readonly dialect = 'memory' as const;
  readonly migrations: readonly Migration[];
  private readonly mutex: AsyncMutex;

  constructor(
    readonly database: MemoryDatabase,
    migrations: readonly Migration[],
  ) {
    this.migrations = migrations;
    let mutex = mutexes.get(database);
    if (!mutex) mutexes.set(database, (mutex = new AsyncMutex()));
    this.mutex = mutex;
  }

  async migrate(): Promise<MigrationReport> {
    return this.mutex.run(async () => {
      const applied = [...this.database.appliedMigrations].map(([id, checksum]) => ({ id, checksum }));
      const plan = planMigrations(this.migrations, applied);
      for (const m of plan.pending) this.database.appliedMigrations.set(m.id, migrationChecksum(m.sql));
      return { applied: plan.pending.map((m) => m.id), alreadyApplied: plan.alreadyApplied };
    });
  }

  transaction<T>(fn: (tx: StorageTransaction) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      const journal = new UndoJournal();
      const tx: StorageTransaction = {
        customers: new MemoryCustomerRepository(this.database, journal),
        meters: new MemoryMeterRepository(this.database, journal),
        events: new MemoryEventRepository(this.database, journal),
        rollups: new MemoryRollupRepository(this.database, journal),
        features: new MemoryFeatureRepository(this.database, journal),
        plans: new MemoryPlanRepository(this.database, journal),
        entitlements: new MemoryEntitlementRepository(this.database, journal),
        grants: new MemoryGrantRepository(this.database, journal),
        entitlementResets: new MemoryEntitlementResetRepository(this.database, journal),
        balanceSnapshots: new MemoryBalanceSnapshotRepository(this.database, journal),
        usageCheckpoints: new MemoryUsageCheckpointRepository(this.database, journal),
        notifications: new MemoryNotificationRepository(this.database, journal),
      };
      try {
        return await fn(tx);
      } catch (error) {
        journal.rollback();
        throw error;
      }
    });
  }

  async close(): Promise<void> {}
}

/**
 * In-memory storage: the default, and the adapter for unit tests. A failed transaction leaves
 * nothing behind; transactions are serialized.
 * @example
 * const tg = createTollgate({ storage: memoryStorage() });
 */
export function memoryStorage(options: MemoryStorageOptions = {}): Storage {
  return new MemoryStorage(options.database ?? new MemoryDatabase(), options.migrations ?? MEMORY_MIGRATIONS);
}
