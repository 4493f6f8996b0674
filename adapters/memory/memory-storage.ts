import {
  AsyncMutex,
  type Migration,
  type MigrationReport,
  type Storage,
  type StorageOptions,
  type StorageTransaction,
  lazyRepositories,
  migrationChecksum,
  planMigrations,
} from '../../src/storage';
import { memoryCatalogRepositories } from './catalog/memory-catalog-repositories';
import { memoryCustomerRepositories } from './customers/memory-customer-repositories';
import { memoryEntitlementRepositories } from './entitlements/memory-entitlement-repositories';
import { MemoryDatabase, type MemoryTransactionContext, UndoJournal } from './memory-database';
import { MEMORY_MIGRATIONS } from './memory-migrations';
import { memoryMeteringRepositories } from './metering/memory-metering-repositories';
import { memoryNotificationRepositories } from './notifications/memory-notification-repositories';
import { memorySubscriptionRepositories } from './subscriptions/memory-subscription-repositories';

/** Options of {@link memoryStorage}. */
export interface MemoryStorageOptions extends StorageOptions {
  /** Share one in-memory database between several handles (as connections share a SQL database). */
  database?: MemoryDatabase;
}

/**
 * A memory transaction's repositories, each made on first access. The one place a new repository
 * is composed: its domain's `memory<Domain>Repositories` lists it.
 */
const openTransaction = lazyRepositories<StorageTransaction, MemoryTransactionContext>({
  ...memoryCustomerRepositories,
  ...memoryMeteringRepositories,
  ...memoryCatalogRepositories,
  ...memoryEntitlementRepositories,
  ...memoryNotificationRepositories,
  ...memorySubscriptionRepositories,
});

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
      const tx = openTransaction({ db: this.database, journal });
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
