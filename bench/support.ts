/** What the benchmark modules share: medians, number formatting, and fresh storage per adapter. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Storage } from '../src';
import { memoryStorage } from '../adapters/memory';
import { postgresStorage } from '../adapters/postgres';
import { sqliteStorage } from '../adapters/sqlite';

/** The median of some figures. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Events per second of several ingesting sides in one run, interleaved batch by batch: batch `n`
 * (from `batchAt`) goes to every side, the order rotating from batch to batch, so a drift in the
 * shared machine's speed (other work, fsync latency) weighs on all alike. `warmup` batches
 * untimed, then `batches` timed.
 */
export async function interleavedRates<B extends readonly unknown[]>(
  sides: ReadonlyArray<(batch: B) => unknown>,
  batchAt: (n: number) => B,
  sizes: { warmup: number; batches: number },
): Promise<number[]> {
  const elapsed = sides.map(() => 0);
  let events = 0;
  for (let n = 0; n < sizes.warmup + sizes.batches; n++) {
    const batch = batchAt(n);
    if (n >= sizes.warmup) events += batch.length;
    for (let k = 0; k < sides.length; k++) {
      const i = (n + k) % sides.length;
      const t = performance.now();
      await sides[i]!(batch);
      if (n >= sizes.warmup) elapsed[i]! += performance.now() - t;
    }
  }
  return elapsed.map((ms) => (events * 1000) / ms);
}

/** A whole number with thousands separators. */
export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Storage on a fresh database, and how to free it. */
export interface BenchStorage {
  storage: Storage;
  close(): Promise<void>;
}

/** Fresh in-memory storage. */
export async function openMemory(): Promise<BenchStorage> {
  return { storage: memoryStorage(), close: async () => undefined };
}

/** A fresh SQLite file (WAL) in a temporary directory, deleted on close; `synchronous` as SQLite's pragma (default FULL). */
export async function openSqliteFile(prefix: string, synchronous: 'FULL' | 'NORMAL' = 'FULL'): Promise<BenchStorage> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = new Database(join(dir, 'bench.db'));
  db.pragma(`synchronous = ${synchronous}`);
  return {
    storage: sqliteStorage({ database: db }),
    close: async () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh schema (dropped first if a crashed run left it) and a pool whose search_path is it. */
export async function pgSchema(admin: pg.Client, url: string, schema: string): Promise<pg.Pool> {
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.query(`CREATE SCHEMA ${schema}`);
  return new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
}

/** Postgres storage on a fresh schema of the `url` server, dropped on close. */
export async function openPostgresSchema(url: string, schema: string): Promise<BenchStorage> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const pool = await pgSchema(admin, url, schema);
  return {
    storage: postgresStorage({ client: pool }),
    close: async () => {
      await pool.end();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}
