import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import pg from 'pg';
import { postgresStorage } from '../../adapters/postgres';
import { sqliteStorage } from '../../adapters/sqlite';
import type { MigrationHarness } from './usage-tails-migration-suite';
import { databaseUrl } from './postgres-target';

/** A `:memory:` SQLite database, raw SQL with `$n` placeholders run on it as positional `?`. */
export async function sqliteMigrationHarness(): Promise<MigrationHarness> {
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
}

/** A fresh schema (named from `prefix`) on the DATABASE_URL server, else an embedded PGlite. */
export async function postgresMigrationHarness(prefix: string): Promise<MigrationHarness> {
  if (databaseUrl) {
    const schema = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, options: `-c search_path=${schema}` });
    return {
      open: (migrations) => postgresStorage({ client: pool, ...(migrations && { migrations }) }),
      exec: async (sql, params) => {
        await pool.query(sql, params);
      },
      teardown: async () => {
        await pool.end();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      },
    };
  }
  const db = await PGlite.create();
  return {
    open: (migrations) => postgresStorage({ client: db, ...(migrations && { migrations }) }),
    exec: async (sql, params) => {
      await db.query(sql, params);
    },
    teardown: () => db.close(),
  };
}
