import { ConcurrencyError } from '../../src/errors';
import {
  AsyncMutex,
  type Migration,
  type MigrationReport,
  type Storage,
  type StorageOptions,
  type StorageTransaction,
} from '../../src/storage';
import { POSTGRES_MIGRATIONS, type SqlExecutor, type SqlRow, postgresDialect, runSqlMigrations, sqlTransaction } from '../sql';
import { type PostgresClient, type PostgresQueryable, isPool, preparedRows, rowsOf } from './postgres-client';

/** Options of {@link postgresStorage}. */
export interface PostgresStorageOptions extends StorageOptions {
  /** A pg `Pool` (one connection per transaction), a pg `Client` or PGlite (transactions are queued). */
  client: PostgresClient;
  /** How many times a transaction that hit a serialization failure or deadlock is retried (default 10). */
  maxRetries?: number;
}

/** SQLSTATEs worth retrying: serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(['40001', '40P01']);
const isRetryable = (error: unknown): boolean =>
  RETRYABLE.has(String((error as { code?: unknown } | null)?.code ?? ''));

/** Key of the advisory lock that serializes `migrate()` across processes. */
const MIGRATION_LOCK_KEY = 727_172_001;

/** One queue per single-connection client, shared by every storage handle on it. */
const mutexes = new WeakMap<object, AsyncMutex>();

class PostgresStorage implements Storage {
  readonly dialect = 'postgres' as const;
  readonly migrations: readonly Migration[];
  private readonly client: PostgresClient;
  private readonly maxRetries: number;
  private readonly mutex: AsyncMutex | undefined;

  constructor(options: PostgresStorageOptions) {
    this.client = options.client;
    this.migrations = options.migrations ?? POSTGRES_MIGRATIONS;
    this.maxRetries = options.maxRetries ?? 10;
    if (!isPool(this.client)) {
      let mutex = mutexes.get(this.client);
      if (!mutex) mutexes.set(this.client, (mutex = new AsyncMutex()));
      this.mutex = mutex;
    }
  }

  migrate(): Promise<MigrationReport> {
    return this.run(async (sql) => {
      await sql.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      return runSqlMigrations(sql, this.migrations, Date.now());
    });
  }

  transaction<T>(fn: (tx: StorageTransaction) => Promise<T>): Promise<T> {
    return this.run((sql) => fn(sqlTransaction(sql, postgresDialect)));
  }

  async close(): Promise<void> {}

  /** BEGIN … COMMIT on one connection; serialization failures and deadlocks are retried. */
  private async run<T>(body: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.withConnection(async (conn, markBroken) => {
          const sql = isPool(this.client) ? lazyBeginExecutor(conn) : eagerBeginExecutor(conn);
          await sql.begin();
          try {
            const result = await body(sql);
            if (sql.begun()) await conn.query('COMMIT');
            return result;
          } catch (error) {
            if (sql.begun()) await conn.query('ROLLBACK').catch(markBroken);
            throw error;
          }
        });
      } catch (error) {
        if (!isRetryable(error)) throw error;
        if (attempt >= this.maxRetries) {
          throw new ConcurrencyError('Postgres transaction kept conflicting with concurrent writers; gave up', { cause: error });
        }
        await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 10 * (attempt + 1)));
      }
    }
  }

  /**
   * Runs `fn` on one connection: a pooled one (released after; destroyed when a ROLLBACK failed),
   * or the single client, queued behind this process's other transactions on it.
   */
  private async withConnection<T>(fn: (conn: PostgresQueryable, markBroken: () => void) => Promise<T>): Promise<T> {
    const client = this.client;
    if (isPool(client)) {
      const conn = await client.connect();
      let broken = false;
      try {
        return await fn(conn, () => (broken = true));
      } finally {
        conn.release(broken);
      }
    }
    return this.mutex!.run(() => fn(client, () => undefined));
  }
}

/** An executor over one connection that knows whether its transaction was opened. */
interface TransactionExecutor extends SqlExecutor {
  /** Opens the transaction now, or arranges to open it with the first statement. */
  begin(): Promise<void>;
  begun(): boolean;
}

/** BEGIN in a round trip of its own (any queryable, e.g. PGlite). */
function eagerBeginExecutor(conn: PostgresQueryable): TransactionExecutor {
  let begun = false;
  return {
    query: (text, params = []) => rowsOf(conn, text, params),
    begin: async () => {
      await conn.query('BEGIN');
      begun = true;
    },
    begun: () => begun,
  };
}

/**
 * pg connections: BEGIN goes with the first statement (in the same simple-query round trip when
 * that statement has no parameters), {@link SqlExecutor.queryScript} sends several parameterless
 * statements at once, and {@link SqlExecutor.readFirst} runs a first read before the transaction
 * (a check that only reads is one round trip, and its plan is prepared once per connection).
 */
function lazyBeginExecutor(conn: PostgresQueryable): TransactionExecutor {
  let begun = false;
  const script = async <R extends SqlRow>(statements: readonly string[]): Promise<R[]> => {
    const text = [...(begun ? [] : ['BEGIN']), ...statements].join(';\n');
    begun = true;
    const result = (await conn.query(text)) as unknown as { rows: unknown[] } | Array<{ rows: unknown[] }>;
    const last = Array.isArray(result) ? result[result.length - 1] : result;
    return (last?.rows ?? []) as R[];
  };
  /** BEGIN in a round trip of its own, before a statement that cannot carry it. */
  const ensureBegun = async (): Promise<void> => {
    if (begun) return;
    begun = true;
    await conn.query('BEGIN');
  };
  return {
    query: async (text, params = []) => {
      if (params.length === 0) return script([text]);
      await ensureBegun();
      return rowsOf(conn, text, params);
    },
    queryScript: script,
    readFirst: (name, text, params) => preparedRows(conn, name, text, params),
    queryPrepared: async (name, text, params) => {
      await ensureBegun();
      return preparedRows(conn, name, text, params);
    },
    begin: async () => undefined,
    begun: () => begun,
  };
}

/**
 * Postgres storage on a client you own: a pg `Pool` or `Client`, PGlite, or anything with
 * `query(text, params)`. Each transaction runs on one connection; serialization failures are retried.
 * @example
 * import pg from 'pg';
 * const tg = createTollgate({ storage: postgresStorage({ client: new pg.Pool({ connectionString }) }) });
 * await tg.migrate();
 */
export function postgresStorage(options: PostgresStorageOptions): Storage {
  return new PostgresStorage(options);
}
