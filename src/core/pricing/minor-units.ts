import { Dec, ZERO, type Decimal } from '../money';
import type { PricingContext } from './pricing-context';
import type { RoundingMode } from '../money';

/**
 * Money after rounding, as an integer count of the currency's minor units (USD cents, JPY yen,
 * BHD fils): exact sums at any size, and no binary float anywhere. @internal
 */
export type MinorUnits = bigint;

/** An exact non-negative decimal as a fraction `numerator / denominator` of integers. @internal */
export interface Ratio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/**
 * Rounds an exact amount once to the context's minor units (docs/semantics.md D2) and returns the count
 * of minor units: half away from zero by default, half to even on request.
 * @internal
 * @example
 * toMinorUnits(parseDecimal('2.345'), { precision: 2, rounding: 'half_up' }); // 235n
 */
export function toMinorUnits(d: Decimal, ctx: PricingContext): MinorUnits {
  const { precision } = ctx;
  const places = d.decimalPlaces();
  if (places <= precision && d.isFinite()) {
    // Already in minor units (10 × 1.00, a flat 49): nothing to round, only scale.
    const text = d.toFixed();
    const digits = places === 0 ? text : text.replace('.', '');
    return BigInt(precision === places ? digits : digits + '0'.repeat(precision - places));
  }
  const text = d.toFixed(precision, ctx.rounding === 'half_even' ? Dec.ROUND_HALF_EVEN : Dec.ROUND_HALF_UP);
  return BigInt(precision === 0 ? text : text.replace('.', ''));
}

/**
 * Writes minor units as a money string with exactly `precision` fraction digits (`'12.50'`,
 * JPY `'1235'`), never `'-0.00'`.
 * @internal
 * @example
 * formatMinorUnits(1250n, 2); // '12.50'
 */
export function formatMinorUnits(units: MinorUnits, precision: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString();
  if (precision === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(precision + 1, '0');
  const text = `${padded.slice(0, -precision)}.${padded.slice(-precision)}`;
  return negative ? `-${text}` : text;
}

/**
 * Minor units as a decimal amount (for the money helpers that take decimals), built from its
 * digits so no rounding can happen. @internal
 */
export function minorUnitsToDecimal(units: MinorUnits, precision: number): Decimal {
  return units === 0n ? ZERO : new Dec(formatMinorUnits(units, precision));
}

/**
 * A decimal amount with at most `precision` decimal places (e.g. from `minorUnitsToDecimal`) as
 * minor units; exact (it only formats). @internal
 */
export function decimalToMinorUnits(d: Decimal, precision: number): MinorUnits {
  const text = d.toFixed(precision);
  return BigInt(precision === 0 ? text : text.replace('.', ''));
}

/**
 * An exact decimal as a fraction over a power of ten: 0.2 → 2/10, 12.5 → 125/10.
 * @internal
 */
export function decimalRatio(d: Decimal): Ratio {
  const places = d.decimalPlaces();
  const text = d.toFixed(places);
  return { numerator: BigInt(places === 0 ? text : text.replace('.', '')), denominator: 10n ** BigInt(places) };
}

/**
 * `numerator ÷ denominator` rounded to an integer, exactly: ties away from zero (`half_up`) or to
 * the even integer (`half_even`). Used for every division of money (proration, inclusive tax,
 * percentages), so no quotient is ever truncated before it is rounded. `denominator` > 0.
 * @internal
 * @example
 * divideRounded(2000n, 12n, 'half_up'); // 167n (166.66…)
 * divideRounded(5n, 2n, 'half_even');   // 2n
 */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: RoundingMode): bigint {
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let quotient = n / denominator;
  const twice = (n % denominator) * 2n;
  if (twice > denominator || (twice === denominator && (rounding === 'half_up' || quotient % 2n === 1n))) quotient += 1n;
  return negative ? -quotient : quotient;
}

/**
 * `units × ratio`, rounded once to minor units (a percentage, a tax rate). @internal
 * @example
 * scaleMinorUnits(8500n, { numerator: 21n, denominator: 100n }, 'half_up'); // 1785n (17.85)
 */
export function scaleMinorUnits(units: MinorUnits, ratio: Ratio, rounding: RoundingMode): MinorUnits {
  return divideRounded(units * ratio.numerator, ratio.denominator, rounding);
}
