export { postgresStorage, type PostgresStorageOptions } from './postgres-storage';
export type { PostgresClient, PostgresQueryable, PostgresPool, PostgresPoolClient } from './postgres-client';
