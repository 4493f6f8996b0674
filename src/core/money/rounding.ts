import { ValidationError } from '../../errors';
import { assertFinite, assertPrecision } from './money-checks';
import { Dec, ZERO, type Decimal } from './decimal';

/**
 * How an amount is rounded to its currency's minor units.
 *
 * - `'half_up'`: to the nearest, a half away from zero (2.5 → 3, -2.5 → -3). The default.
 * - `'half_even'`: to the nearest, a half to the even neighbour (2.5 → 2, 3.5 → 4, -2.5 → -2).
 */
export type RoundingMode = 'half_up' | 'half_even';

/** Every {@link RoundingMode}, in documentation order. */
export const ROUNDING_MODES: readonly RoundingMode[] = Object.freeze(['half_up', 'half_even']);

/**
 * Rounds `d` to `precision` decimal places (a currency's minor units) with `mode`. The result has
 * at most `precision` decimal places; a result of zero is `0`, never `-0`.
 *
 * @param d - the exact amount.
 * @param precision - the number of decimal places to keep, an integer ≥ 0.
 * @param mode - `'half_up'` (half away from zero, the default) or `'half_even'`.
 * @throws Error (a programming error) if `precision` is not a non-negative integer or `d` is not finite.
 * @throws ValidationError (code `invalid_rounding_mode`, path `rounding`) for an unknown mode.
 * @example
 * roundAmount(parseDecimal('2.345'), 2).toFixed();              // '2.35'
 * roundAmount(parseDecimal('2.345'), 2, 'half_even').toFixed(); // '2.34'
 * roundAmount(parseDecimal('-2.5'), 0).toFixed();               // '-3'
 */
export function roundAmount(d: Decimal, precision: number, mode: RoundingMode = 'half_up'): Decimal {
  assertPrecision('roundAmount', precision);
  assertFinite('roundAmount', d);
  const rounding = decimalJsRounding(mode);
  // toDecimalPlaces rounds to the given places exactly, whatever the constructor's precision.
  const rounded = new Dec(d).toDecimalPlaces(precision, rounding);
  return rounded.isZero() ? ZERO : rounded;
}

function decimalJsRounding(mode: RoundingMode): typeof Dec.ROUND_HALF_UP | typeof Dec.ROUND_HALF_EVEN {
  switch (mode) {
    case 'half_up':
      return Dec.ROUND_HALF_UP;
    case 'half_even':
      return Dec.ROUND_HALF_EVEN;
    default:
      throw ValidationError.single(
        'rounding',
        'invalid_rounding_mode',
        `unknown rounding mode ${JSON.stringify(mode as unknown)}; expected 'half_up' or 'half_even'`,
      );
  }
}
