import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { postgresStorage } from '../../adapters/postgres';
import type { ConformanceTarget } from '../../src/storage/conformance';
import { runWorkerProcesses } from './run-worker-processes';

/** The server CI provides; without it the Postgres tests use embedded PGlite. */
export const databaseUrl = process.env.DATABASE_URL;

let counter = 0;
const uniqueSchema = () => `tg_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;

/** A fresh schema on the DATABASE_URL server, reached through pg Pools. */
export async function serverTarget(url: string): Promise<ConformanceTarget> {
  const schema = uniqueSchema();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pools: pg.Pool[] = [];
  return {
    open: (options) => {
      const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
      pools.push(pool);
      return postgresStorage({ client: pool, ...options });
    },
    runProcesses: (job) => runWorkerProcesses('postgres', url, schema, job),
    teardown: async () => {
      await Promise.all(pools.map((p) => p.end()));
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

let shared: PGlite | undefined;

/** A fresh schema on one embedded PGlite per test file (one connection, so transactions queue). */
export async function pgliteTarget(): Promise<ConformanceTarget> {
  shared ??= await PGlite.create();
  const db = shared;
  const schema = uniqueSchema();
  await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  return {
    open: (options) => postgresStorage({ client: db, ...options }),
    teardown: async () => {
      await db.exec(`SET search_path TO public; DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

/** The server when DATABASE_URL is set, else PGlite. */
export const postgresTarget = (): Promise<ConformanceTarget> => (databaseUrl ? serverTarget(databaseUrl) : pgliteTarget());
