import Database from 'better-sqlite3';
import { sqliteStorage } from 'tollgate/adapters/sqlite';
import { usageTailsMigrationSuite } from '../../support/usage-tails-migration-suite';

usageTailsMigrationSuite('sqlite', async () => {
  const database = new Database(':memory:');
  return {
    open: (migrations) => sqliteStorage({ database, ...(migrations && { migrations }) }),
    exec: async (sql, params) => {
      database.prepare(sql.replace(/\$\d+/g, '?')).run(...params);
    },
    teardown: async () => {
      database.close();
    },
  };
});
