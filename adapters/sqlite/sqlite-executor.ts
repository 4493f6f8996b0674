import type BetterSqlite3 from 'better-sqlite3';
import type { SqlExecutor, SqlRow } from '../sql';
import { type PositionalStatement, toPositional } from './positional-params';

interface Prepared {
  statement: BetterSqlite3.Statement;
  positional: PositionalStatement;
}

/** Runs shared `$n` SQL on a better-sqlite3 database, with a cache of prepared statements. */
export class SqliteExecutor implements SqlExecutor {
  private readonly cache = new Map<string, Prepared>();

  constructor(private readonly db: BetterSqlite3.Database) {}

  async query<R extends SqlRow = SqlRow>(text: string, params: readonly unknown[] = []): Promise<R[]> {
    return this.querySync<R>(text, params);
  }

  /** The synchronous form, for callers that already hold the adapter's lock. */
  querySync<R extends SqlRow = SqlRow>(text: string, params: readonly unknown[] = []): R[] {
    const { statement, positional } = this.prepare(text);
    const bound = positional.order.map((i) => toSqliteValue(params[i]));
    if (statement.reader) return statement.all(...bound) as R[];
    statement.run(...bound);
    return [];
  }

  /** Rows must hold SQLite values already (strings, numbers, bigints, null); `$n` must appear in order. */
  runEach(text: string, rows: readonly (readonly unknown[])[]): Array<number | null> {
    const { statement, positional } = this.prepare(text);
    if (!positional.order.every((p, i) => p === i)) throw new Error('runEach needs $1, $2, ... in order');
    const out: Array<number | null> = [];
    for (const row of rows) {
      const info = statement.run(...row);
      out.push(info.changes > 0 ? Number(info.lastInsertRowid) : null);
    }
    return out;
  }

  private prepare(text: string): Prepared {
    let prepared = this.cache.get(text);
    if (!prepared) {
      const positional = toPositional(text);
      prepared = { statement: this.db.prepare(positional.text), positional };
      this.cache.set(text, prepared);
    }
    return prepared;
  }
}

function toSqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  return value;
}
