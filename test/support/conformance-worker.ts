/**
 * One OS process of the multi-process conformance test. Usage:
 *   node --import tsx test/support/conformance-worker.ts <sqlite|postgres> <file|url> <schema|-> <worker> <job-json>
 * Prints "ready", waits for "go" on stdin, runs the job, prints its result as JSON.
 */
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import pg from 'pg';
import { postgresStorage } from '../../adapters/postgres';
import { sqliteStorage } from '../../adapters/sqlite';
import type { Storage } from '../../src/storage';
import type { ConformanceJob } from '../../src/storage/conformance';
import { runConformanceJob } from '../../src/testing/conformance-jobs';

const [kind, location, schema, workerArg, jobJson] = process.argv.slice(2);
const job = JSON.parse(jobJson!) as ConformanceJob;

async function open(): Promise<{ storage: Storage; close: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const database = new Database(location!);
    return { storage: sqliteStorage({ database }), close: async () => void database.close() };
  }
  const pool = new pg.Pool({ connectionString: location!, max: 4, options: `-c search_path=${schema}` });
  return { storage: postgresStorage({ client: pool }), close: () => pool.end() };
}

const { storage, close } = await open();
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line.trim() === 'go') break;
const result = await runConformanceJob(storage, job, Number(workerArg));
process.stdout.write(`${JSON.stringify(result)}\n`);
await close();
process.exit(0);
