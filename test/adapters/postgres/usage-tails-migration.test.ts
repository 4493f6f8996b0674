import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { postgresStorage } from 'tollgate/adapters/postgres';
import { databaseUrl } from '../../support/postgres-target';
import { usageTailsMigrationSuite } from '../../support/usage-tails-migration-suite';

usageTailsMigrationSuite(databaseUrl ? 'postgres (DATABASE_URL server)' : 'postgres (PGlite)', async () => {
  if (databaseUrl) {
    const schema = `tg_test_tails_${process.pid}_${Date.now().toString(36)}`;
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
});
