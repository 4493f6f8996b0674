import type { Decimal } from './decimal';
import { assertFinite, assertPrecision, assertRounded } from './money-checks';

/**
 * Writes a decimal in Tollgate's canonical form: plain notation (never an exponent), no `+`, no
 * trailing zeros in the fraction, no `.` for an integer, and `"0"` for zero (never `"-0"`). The
 * result always matches `^-?\d+(\.\d+)?$`. The value is written exactly, whatever its size.
 *
 * @throws Error (a programming error) if `d` is `NaN` or infinite.
 * @example
 * formatDecimal(parseDecimal('1.50'));   // '1.5'
 * formatDecimal(parseDecimal(1e-7));     // '0.0000001'
 * formatDecimal(parseDecimal('-0.000')); // '0'
 */
export function formatDecimal(d: Decimal): string {
  assertFinite('formatDecimal', d);
  if (d.isZero()) return '0';
  // decimal.js keeps no trailing zeros, and toFixed() without arguments never uses an exponent.
  return d.toFixed();
}

/**
 * Writes a money amount with exactly `precision` fraction digits (`"12.50"`, JPY `"1235"`), without
 * exponent, and never as a negative zero (`"0.00"`, not `"-0.00"`).
 *
 * It never rounds: round with `roundAmount` first. An amount with more fraction digits than
 * `precision` is a programming error (it would hide a second rounding) and throws.
 *
 * @param d - the amount, with at most `precision` decimal places.
 * @param precision - the number of fraction digits, an integer ≥ 0 (the currency's minor units).
 * @throws Error (a programming error) if `d` has more decimal places than `precision`, if `d` is not
 * finite, or if `precision` is not a non-negative integer.
 * @example
 * formatMoney(parseDecimal('12.5'), 2); // '12.50'
 * formatMoney(parseDecimal('1235'), 0); // '1235'
 * formatMoney(parseDecimal('1.005'), 2); // throws Error: round it first
 */
export function formatMoney(d: Decimal, precision: number): string {
  assertFinite('formatMoney', d);
  assertPrecision('formatMoney', precision);
  assertRounded('formatMoney', d, precision);
  const text = d.toFixed(precision);
  return d.isZero() && text.startsWith('-') ? text.slice(1) : text;
}
