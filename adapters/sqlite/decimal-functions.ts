import type BetterSqlite3 from 'better-sqlite3';
import { addExact, formatExact, fromStoredNullableDecimal, maxExact, minExact } from '../../src/core/metering';

type Merge = (a: unknown, b: unknown) => string | bigint | null;

const merge =
  (op: (a: Parameters<typeof addExact>[0], b: Parameters<typeof addExact>[1]) => ReturnType<typeof addExact> | null): Merge =>
  (a, b) => {
    const x = fromStoredNullableDecimal(a);
    const y = fromStoredNullableDecimal(b);
    const result = x === null ? y : y === null ? x : op(x, y);
    if (result === null) return null;
    // A safe integer goes back as an INTEGER (a JS number would be REAL): a column without affinity keeps it one.
    return typeof result === 'number' ? BigInt(result) : formatExact(result);
  };

/**
 * Registers the exact decimal functions the shared SQL uses on SQLite, which has no exact decimal
 * type (REAL would round): `tg_decimal_add`, `tg_decimal_min`, `tg_decimal_max` over decimal TEXT
 * (NULL counts as no value; a safe integer result is an INTEGER, which TEXT columns store as text). They run in JavaScript inside the statement, so a rollup merge stays
 * one upsert while SQLite holds the write lock.
 */
export function registerDecimalFunctions(db: BetterSqlite3.Database): void {
  const options = { deterministic: true, varargs: false } as const;
  db.function('tg_decimal_add', options, merge(addExact));
  db.function('tg_decimal_min', options, merge((a, b) => minExact(a, b)));
  db.function('tg_decimal_max', options, merge((a, b) => maxExact(a, b)));
}
