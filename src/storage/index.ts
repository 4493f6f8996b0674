export type { Storage, StorageOptions, StorageTransaction } from './port';
export type { CustomerRepository } from './customer-repository';
export type { CustomerRecord } from './records';
export type { Migration, MigrationReport, AppliedMigration } from './migration';
export { migrationChecksum } from './checksum';
export { planMigrations } from './plan-migrations';
export { AsyncMutex } from './async-mutex';
