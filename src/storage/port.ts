import type { CatalogRepositories } from './catalog/catalog-repositories';
import type { CustomerRepositories } from './customers/customer-repositories';
import type { EntitlementRepositories } from './entitlements/entitlement-repositories';
import type { MeteringRepositories } from './metering/metering-repositories';
import type { Migration, MigrationReport } from './migration';
import type { NotificationRepositories } from './notifications/notification-repositories';
import type { SubscriptionRepositories } from './subscriptions/subscription-repositories';

/**
 * The repositories available inside one unit of work (`tx.customers`, `tx.meters`, `tx.grants`...):
 * one interface per domain, composed here. Adapters create each repository on first access.
 */
export interface StorageTransaction
  extends CustomerRepositories,
    MeteringRepositories,
    CatalogRepositories,
    EntitlementRepositories,
    NotificationRepositories,
    SubscriptionRepositories {}

/**
 * The storage port every adapter implements.
 *
 * Contract:
 * - `transaction(fn)` runs `fn` as one unit of work: if `fn` throws (or rejects), nothing it wrote
 *   is kept and the error is rethrown unchanged; concurrent transactions never see each other's
 *   partial writes.
 * - Transient conflicts between concurrent writers (SQLite busy, Postgres serialization failures)
 *   are retried by the adapter; when retries run out it throws `ConcurrencyError`.
 * - `migrate()` applies the adapter's pending migrations in order, records each with a checksum,
 *   is idempotent, and refuses (`StateError` reason `migration_checksum_mismatch`) when an applied
 *   migration was edited.
 * - Adapters never open connections or read environment variables: the user passes a client.
 */
export interface Storage {
  /** Which engine this is: `memory`, `sqlite` or `postgres`. */
  readonly dialect: 'memory' | 'sqlite' | 'postgres';
  /** The migrations this adapter applies, in order. */
  readonly migrations: readonly Migration[];
  /** Applies pending migrations. Idempotent. */
  migrate(): Promise<MigrationReport>;
  /** Runs `fn` in one transaction; see the contract above. */
  transaction<T>(fn: (tx: StorageTransaction) => Promise<T>): Promise<T>;
  /** Releases what the adapter holds. It never closes the client the user passed in. */
  close(): Promise<void>;
}

/** Options every adapter accepts. */
export interface StorageOptions {
  /**
   * Replaces the adapter's migrations. For tests of the migrations contract only; a real
   * application never sets it.
   * @internal
   */
  migrations?: readonly Migration[];
}
