import DecimalJs from 'decimal.js';

/**
 * The one decimal.js constructor Tollgate computes with (a private clone, so an application that
 * configures the global `Decimal` cannot change Tollgate's results).
 *
 * - `precision: 50` significant digits for results that do not terminate (divisions);
 * - `rounding: ROUND_HALF_UP` (half away from zero) for those results;
 * - `toExpNeg`/`toExpPos` at their extremes, so `toString()` never uses exponent notation.
 *
 * Construct values from untrusted input with {@link parseDecimal}, not with `new Dec(...)`:
 * the constructor also accepts exponents, hexadecimal, `NaN` and `Infinity`.
 *
 * @internal Shared by the core modules; not part of the public API.
 * @example
 * const third = ONE.div(new Dec(3)); // 0.333… (50 significant digits)
 */
export const Dec = DecimalJs.clone({
  precision: 50,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** An immutable arbitrary-precision decimal value (an instance of {@link Dec}). */
export type Decimal = InstanceType<typeof Dec>;

/** The decimal 0. */
export const ZERO: Decimal = new Dec(0);

/** The decimal 1. */
export const ONE: Decimal = new Dec(1);

/**
 * True when `value` is a decimal.js instance (of {@link Dec} or of any other decimal.js clone).
 * @example
 * isDecimal(ONE); // true
 * isDecimal('1'); // false
 */
export function isDecimal(value: unknown): value is Decimal {
  return Dec.isDecimal(value);
}
