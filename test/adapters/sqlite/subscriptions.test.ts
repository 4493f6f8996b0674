import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sqliteStorage } from 'tollgate/adapters/sqlite';
import { subscriptionsFacadeSuite } from '../../support/subscriptions-facade-suite';

subscriptionsFacadeSuite('sqlite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-subscriptions-'));
  const database = new Database(join(dir, 'subscriptions.db'));
  return {
    storage: sqliteStorage({ database }),
    teardown: async () => {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
