import { describe, expectTypeOf, it } from 'vitest';
import type { Storage as RootStorage, StorageTransaction as RootStorageTransaction } from 'tollgate';
// @ts-expect-error records and repositories are for adapter authors: 'tollgate/storage', not the root entry
import type { GrantRecord as NotAtRoot } from 'tollgate';
import {
  type CatalogRepositories,
  type CustomerRepositories,
  type EntitlementRepositories,
  type GrantRecord,
  type GrantRepository,
  type MeterRepository,
  type MeteringRepositories,
  type NotificationRepositories,
  type RepositoryFactories,
  type Storage,
  type StorageStateReason,
  type StorageTransaction,
  AsyncMutex,
  lazyRepositories,
  migrationChecksum,
  planMigrations,
} from 'tollgate/storage';

describe('tollgate/storage types', () => {
  it('is the same port the root entry exposes', () => {
    expectTypeOf<Storage>().toEqualTypeOf<RootStorage>();
    expectTypeOf<StorageTransaction>().toEqualTypeOf<RootStorageTransaction>();
    expectTypeOf<NotAtRoot>().toBeAny();
  });

  it('composes the transaction from one interface per domain', () => {
    expectTypeOf<StorageTransaction>().toMatchTypeOf<CustomerRepositories & MeteringRepositories & CatalogRepositories & EntitlementRepositories & NotificationRepositories>();
    expectTypeOf<StorageTransaction['meters']>().toEqualTypeOf<MeterRepository>();
    expectTypeOf<StorageTransaction['grants']>().toEqualTypeOf<GrantRepository>();
    expectTypeOf<ReturnType<GrantRepository['findById']>>().toEqualTypeOf<Promise<GrantRecord | undefined>>();
  });

  it('gives adapter authors the shared helpers', () => {
    expectTypeOf(migrationChecksum).toEqualTypeOf<(sql: string) => string>();
    expectTypeOf(planMigrations).returns.toEqualTypeOf<{ pending: { readonly id: string; readonly sql: string }[]; alreadyApplied: string[] }>();
    expectTypeOf(new AsyncMutex().run<number>).returns.toEqualTypeOf<Promise<number>>();
    expectTypeOf(lazyRepositories<CustomerRepositories, { n: number }>).parameter(0).toEqualTypeOf<RepositoryFactories<CustomerRepositories, { n: number }>>();
    expectTypeOf<'migration_checksum_mismatch'>().toMatchTypeOf<StorageStateReason>();
    expectTypeOf<'archived'>().not.toMatchTypeOf<StorageStateReason>();
  });
});
