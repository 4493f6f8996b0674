import type { Migration } from '../../src/storage';

/**
 * The memory adapter's schema versions. They hold no SQL; they describe the collections each
 * version adds, so the migrations contract (order, checksums, idempotence) is the same everywhere.
 */
const MIGRATIONS: readonly Migration[] = [
  { id: '0001_customers', sql: 'collections: customers (by id, by key, by subject key)' },
  { id: '0002_metering', sql: 'collections: meters (by id, by key), events (by source and id, by seq, by time, by type and subject), rollups (by meter, hour, subject, group)' },
  { id: '0003_catalog', sql: 'collections: features (key unique among active), plans (versions by key)' },
  { id: '0004_entitlements', sql: 'collections: entitlements (one not deleted per customer and feature), grants, resets, balance snapshots, usage checkpoints, notification outbox, fired thresholds' },
  { id: '0006_subscriptions', sql: 'collections: subscriptions (by id, by customer) with their phases and item versions; entitlements carry subscriptionId, several not deleted per customer and feature' },
];

/** In id order, like the SQL adapters' lists. */
export const MEMORY_MIGRATIONS: readonly Migration[] = [...MIGRATIONS].sort((a, b) => (a.id < b.id ? -1 : 1));
