import type { Migration } from '../../src/storage';

/**
 * The memory adapter's schema versions. They hold no SQL; they describe the collections each
 * version adds, so the migrations contract (order, checksums, idempotence) is the same everywhere.
 */
export const MEMORY_MIGRATIONS: readonly Migration[] = [
  { id: '0001_customers', sql: 'collections: customers (by id, by key, by subject key)' },
];
