import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sqliteStorage } from 'tollgate/adapters/sqlite';
import { storageConformance } from 'tollgate/testing';
import { runWorkerProcesses } from '../../support/run-worker-processes';

storageConformance('sqlite :memory:', async () => {
  const database = new Database(':memory:');
  return {
    open: (options) => sqliteStorage({ database, ...options }),
    teardown: async () => void database.close(),
  };
});

storageConformance(
  'sqlite file (WAL)',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-sqlite-'));
    const file = join(dir, 'test.db');
    const connections: Database.Database[] = [];
    return {
      open: (options) => {
        const database = new Database(file);
        connections.push(database);
        return sqliteStorage({ database, ...options });
      },
      runProcesses: (job) => runWorkerProcesses('sqlite', file, '-', job),
      teardown: async () => {
        for (const c of connections) c.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  { multiProcess: true },
);
