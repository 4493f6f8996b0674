/**
 * `tollgate/storage`: the storage port, for adapter authors. The port and its per-domain
 * repositories and records, the migrations contract, and the helpers every adapter shares.
 * @packageDocumentation
 */
export type { Storage, StorageOptions, StorageTransaction } from './port';
export type { Migration, MigrationReport, AppliedMigration } from './migration';
export { migrationChecksum } from './checksum';
export { planMigrations } from './plan-migrations';
export { AsyncMutex } from './async-mutex';
export { lazyRepositories, type RepositoryFactories } from './lazy-repositories';
export { storageConflict, storageStateError, type StorageConflictTarget, type StorageStateReason } from './errors';

// customers
export type { CustomerRecord } from './customers/customer-records';
export type { CustomerRepository } from './customers/customer-repository';
export type { CustomerRepositories } from './customers/customer-repositories';

// metering
export type {
  MeterRecord,
  NewEventRecord,
  EventRecord,
  EventPosition,
  EventListQuery,
  EventScanQuery,
  RollupReadQuery,
  RollupCell,
  DistinctValue,
} from './metering/metering-records';
export type { MeterRepository } from './metering/meter-repository';
export type { AppendMergeResult, EventRepository, RollupMergeInput } from './metering/event-repository';
export type { RollupRepository } from './metering/rollup-repository';
export type { MeteringRepositories } from './metering/metering-repositories';

// catalog
export type { FeatureRecord, PlanRecord } from './catalog/catalog-records';
export type { FeatureRepository } from './catalog/feature-repository';
export type { PlanRepository } from './catalog/plan-repository';
export type { CatalogRepositories } from './catalog/catalog-repositories';

// entitlements
export type {
  EntitlementKind,
  ThresholdRecord,
  EntitlementRecord,
  GrantRecord,
  EntitlementResetRecord,
  BalanceSnapshotRecord,
  UsageCheckpointRecord,
  TrackedEntitlement,
  CheckTarget,
} from './entitlements/entitlement-records';
export type { EntitlementRepository } from './entitlements/entitlement-repository';
export type { GrantRepository } from './entitlements/grant-repository';
export type { EntitlementResetRepository } from './entitlements/entitlement-reset-repository';
export type { BalanceSnapshotRepository } from './entitlements/balance-snapshot-repository';
export type { UsageAddition, UsageAdditionOutcome, UsageCheckpointRepository } from './entitlements/usage-checkpoint-repository';
export type { EntitlementRepositories } from './entitlements/entitlement-repositories';

// notifications
export type { NotificationRecord } from './notifications/notification-records';
export type { NotificationRepository } from './notifications/notification-repository';
export type { NotificationRepositories } from './notifications/notification-repositories';

// subscriptions
export type {
  SubscriptionRecord,
  SubscriptionPlanSnapshot,
  SubscriptionEditRecord,
  SubscriptionPhaseRecord,
  SubscriptionItemRecord,
  SubscriptionStatusFilter,
} from './subscriptions/subscription-records';
export type { SubscriptionRepository } from './subscriptions/subscription-repository';
export type { SubscriptionRepositories } from './subscriptions/subscription-repositories';
