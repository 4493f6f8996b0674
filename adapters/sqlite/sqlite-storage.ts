import { resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { ConcurrencyError } from '../../src/errors';
import {
  AsyncMutex,
  type Migration,
  type MigrationReport,
  type Storage,
  type StorageOptions,
  type StorageTransaction,
} from '../../src/storage';
import { SQLITE_MIGRATIONS, runSqlMigrations, sqlTransaction, sqliteDialect } from '../sql';
import { registerDecimalFunctions } from './decimal-functions';
import { SqliteExecutor } from './sqlite-executor';

/** Options of {@link sqliteStorage}. */
export interface SqliteStorageOptions extends StorageOptions {
  /** An open better-sqlite3 `Database`. Tollgate never closes it. */
  database: BetterSqlite3.Database;
  /**
   * Set `journal_mode = WAL` and `busy_timeout` on the database (default true). WAL is skipped for
   * `:memory:` databases.
   */
  configure?: boolean;
  /** Milliseconds a writer waits for another process's lock before retrying (default 5000). */
  busyTimeoutMs?: number;
  /** How many times a transaction that could not get the write lock is retried (default 20). */
  maxRetries?: number;
}

/**
 * One lock per database file in this process (per object for `:memory:`), shared by every handle
 * on it. Two connections of one process on one file must queue here: a connection waiting on
 * SQLite's lock blocks the thread, so it would wait for a writer that can no longer run.
 */
const fileMutexes = new Map<string, AsyncMutex>();
const memoryMutexes = new WeakMap<BetterSqlite3.Database, AsyncMutex>();

function mutexFor(db: BetterSqlite3.Database): AsyncMutex {
  if (db.memory) {
    let mutex = memoryMutexes.get(db);
    if (!mutex) memoryMutexes.set(db, (mutex = new AsyncMutex()));
    return mutex;
  }
  const file = resolve(db.name);
  let mutex = fileMutexes.get(file);
  if (!mutex) fileMutexes.set(file, (mutex = new AsyncMutex()));
  return mutex;
}

const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
};

class SqliteStorage implements Storage {
  readonly dialect = 'sqlite' as const;
  readonly migrations: readonly Migration[];
  private readonly db: BetterSqlite3.Database;
  private readonly sql: SqliteExecutor;
  private readonly mutex: AsyncMutex;
  private readonly maxRetries: number;

  constructor(options: SqliteStorageOptions) {
    this.db = options.database;
    this.migrations = options.migrations ?? SQLITE_MIGRATIONS;
    this.maxRetries = options.maxRetries ?? 20;
    if (options.configure !== false) {
      if (!this.db.memory) this.db.pragma('journal_mode = WAL');
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
      this.db.pragma('foreign_keys = ON');
    }
    registerDecimalFunctions(this.db);
    this.sql = new SqliteExecutor(this.db);
    this.mutex = mutexFor(this.db);
  }

  migrate(): Promise<MigrationReport> {
    return this.write(() => runSqlMigrations(this.sql, this.migrations, Date.now()));
  }

  transaction<T>(fn: (tx: StorageTransaction) => Promise<T>): Promise<T> {
    return this.write(() => fn(sqlTransaction(this.sql, sqliteDialect)));
  }

  async close(): Promise<void> {}

  /**
   * better-sqlite3 is synchronous, so an async callback cannot use its `transaction()`. Instead
   * the adapter serializes callers in this process with a mutex and takes SQLite's write lock up
   * front with BEGIN IMMEDIATE (other processes wait `busy_timeout`, then we retry).
   */
  private write<T>(body: () => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      await this.begin();
      try {
        const result = await body();
        this.sql.querySync('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.sql.querySync('ROLLBACK');
        throw error;
      }
    });
  }

  private async begin(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        this.sql.querySync('BEGIN IMMEDIATE');
        return;
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (attempt >= this.maxRetries) {
          throw new ConcurrencyError('SQLite database stayed locked by another writer; gave up', { cause: error });
        }
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
      }
    }
  }
}

/**
 * SQLite storage on a better-sqlite3 database: WAL, a busy timeout, and transactions that are
 * safe with async callers and with several processes on one file.
 * @example
 * import Database from 'better-sqlite3';
 * const tg = createTollgate({ storage: sqliteStorage({ database: new Database('billing.db') }) });
 * await tg.migrate();
 */
export function sqliteStorage(options: SqliteStorageOptions): Storage {
  return new SqliteStorage(options);
}
