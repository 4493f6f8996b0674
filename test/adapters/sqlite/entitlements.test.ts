import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sqliteStorage } from 'tollgate/adapters/sqlite';
import { entitlementsFacadeSuite } from '../../support/entitlements-facade-suite';

entitlementsFacadeSuite('sqlite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-entitlements-'));
  const database = new Database(join(dir, 'entitlements.db'));
  return {
    storage: sqliteStorage({ database }),
    teardown: async () => {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
