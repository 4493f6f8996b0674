import { Dec, type Decimal } from '../money/decimal';
import { formatDecimal } from '../money/format';
import { tryParseDecimal } from '../money/parse';

/**
 * An exact meter quantity in its compact form: a safe integer as a JS `number` (the common case,
 * e.g. token counts, computed with plain integer arithmetic), anything else as a canonical decimal
 * string (`"0.1"`, `"-2.5"`, `"12345678901234567890"`). A value is never a non-integer number, so no
 * binary float ever holds a meter value.
 */
export type ExactValue = number | string;

const SMALL_INTEGER = /^-?\d{1,15}$/;

/** The compact form of a decimal: a number when it is a safe integer, else its canonical string. */
export function fromDecimal(d: Decimal): ExactValue {
  if (d.isInteger() && d.abs().lte(Number.MAX_SAFE_INTEGER)) {
    const n = d.toNumber();
    return n === 0 ? 0 : n;
  }
  return formatDecimal(d);
}

/**
 * Reads an event value: a finite JSON number or a decimal string (`^-?\d+(\.\d+)?$`). A number is
 * read as its shortest decimal form. Anything else (null, booleans, `""`, `"abc"`, objects,
 * arrays) gives `undefined`.
 * @example
 * readExactValue(12);      // 12
 * readExactValue('0.10');  // '0.1'
 * readExactValue('1e3');   // undefined
 */
export function readExactValue(raw: unknown): ExactValue | undefined {
  if (typeof raw === 'number') {
    if (Number.isSafeInteger(raw)) return raw === 0 ? 0 : raw;
    if (!Number.isFinite(raw)) return undefined;
  } else if (typeof raw === 'string') {
    if (SMALL_INTEGER.test(raw)) {
      const n = Number(raw);
      return n === 0 ? 0 : n;
    }
  } else {
    return undefined;
  }
  const d = tryParseDecimal(raw);
  return d === undefined ? undefined : fromDecimal(d);
}

/**
 * Reads a decimal written by Tollgate's own storage (an integer, a canonical string, or a Postgres
 * NUMERIC text such as `"0.30"`). A programming error (not user input) when it is not a decimal.
 */
export function fromStoredDecimal(raw: unknown): ExactValue {
  const value = readExactValue(typeof raw === 'bigint' ? raw.toString() : raw);
  if (value === undefined) throw new Error(`storage returned a value that is not a decimal: ${String(raw)}`);
  return value;
}

/** Like {@link fromStoredDecimal}, keeping SQL NULL as `null`. */
export function fromStoredNullableDecimal(raw: unknown): ExactValue | null {
  return raw === null || raw === undefined ? null : fromStoredDecimal(raw);
}

/** The decimal of an exact value. */
export function toDecimal(v: ExactValue): Decimal {
  return new Dec(v);
}

/** `a + b`, exactly. */
export function addExact(a: ExactValue, b: ExactValue): ExactValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b;
    if (Number.isSafeInteger(s)) return s;
  }
  return fromDecimal(new Dec(a).plus(b));
}

/** Negative, zero or positive as `a` is below, equal to or above `b`. */
export function compareExact(a: ExactValue, b: ExactValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return new Dec(a).cmp(b);
}

/** The smaller of two values (either may be null: the other wins). */
export function minExact(a: ExactValue | null, b: ExactValue | null): ExactValue | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareExact(b, a) < 0 ? b : a;
}

/** The larger of two values (either may be null: the other wins). */
export function maxExact(a: ExactValue | null, b: ExactValue | null): ExactValue | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareExact(b, a) > 0 ? b : a;
}

/** The canonical decimal string (`^-?\d+(\.\d+)?$`) of an exact value. */
export function formatExact(v: ExactValue): string {
  return typeof v === 'number' ? String(v) : v;
}
