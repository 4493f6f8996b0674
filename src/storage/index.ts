export type { Storage, StorageOptions, StorageTransaction } from './port';
export type { CustomerRepository } from './customer-repository';
export type { CustomerRecord } from './records';
export type { MeterRepository } from './meter-repository';
export type { AppendMergeResult, EventRepository, RollupMergeInput } from './event-repository';
export type { RollupRepository } from './rollup-repository';
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
} from './metering-records';
export type { FeatureRecord, PlanRecord } from './catalog-records';
export type { FeatureRepository } from './feature-repository';
export type { PlanRepository } from './plan-repository';
export type { Migration, MigrationReport, AppliedMigration } from './migration';
export type {
  EntitlementKind,
  ThresholdRecord,
  EntitlementRecord,
  GrantRecord,
  EntitlementResetRecord,
  BalanceSnapshotRecord,
  UsageCheckpointRecord,
  TrackedEntitlement,
  NotificationRecord,
  CheckTarget,
} from './entitlement-records';
export type { EntitlementRepository } from './entitlement-repository';
export type { GrantRepository } from './grant-repository';
export type { EntitlementResetRepository } from './entitlement-reset-repository';
export type { BalanceSnapshotRepository } from './balance-snapshot-repository';
export type { UsageAddition, UsageAdditionOutcome, UsageCheckpointRepository } from './usage-checkpoint-repository';
export type { NotificationRepository } from './notification-repository';
export { migrationChecksum } from './checksum';
export { planMigrations } from './plan-migrations';
export { AsyncMutex } from './async-mutex';
