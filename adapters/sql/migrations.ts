import type { Migration } from '../../src/storage';
import { customersMigration } from './migrations/0001-customers';
import { meteringMigration } from './migrations/0002-metering';
import { catalogMigration } from './migrations/0003-catalog';
import { entitlementsMigration } from './migrations/0004-entitlements';
import { usageTailsMigration } from './migrations/0005-usage-tails';
import { subscriptionsMigration } from './migrations/0006-subscriptions';
import { usagePendingMigration } from './migrations/0007-usage-pending';
import type { DialectMigration } from './migrations/dialect-migration';

/**
 * Every SQL migration, in order: one file each under `migrations/`, plain SQL per dialect.
 * Column types differ only where the engines do: instants are integer milliseconds (INTEGER in
 * SQLite, BIGINT in Postgres); JSON is stored as text. Unique constraints are named
 * `table__column` so both dialects report the same conflict target. Never edit an applied
 * migration: add a new one.
 */
const MIGRATIONS: readonly DialectMigration[] = [
  customersMigration,
  meteringMigration,
  catalogMigration,
  entitlementsMigration,
  usageTailsMigration,
  subscriptionsMigration,
  usagePendingMigration,
];

const sortedById = [...MIGRATIONS].sort((a, b) => (a.id < b.id ? -1 : 1));

export const SQLITE_MIGRATIONS: readonly Migration[] = sortedById.map((m) => ({ id: m.id, sql: m.sqlite }));
export const POSTGRES_MIGRATIONS: readonly Migration[] = sortedById.map((m) => ({ id: m.id, sql: m.postgres }));
