import { ONE, type Decimal } from '../money';
import { scaleMinorUnits, type MinorUnits, type Ratio } from '../pricing/minor-units';
import type { DetailedLine } from '../pricing/price-line';
import type { PricingContext } from '../pricing/pricing-context';

/** A percentage read for discounting: its value (for the line's name) and its exact share. @internal */
export interface Percentage {
  /** The percentage as written, e.g. 10 for 10 %. */
  readonly value: Decimal;
  /** value ÷ 100 as an exact fraction. */
  readonly share: Ratio;
}

/**
 * Reads a percentage (0 to 100) as an exact share. @internal
 * @example
 * percentage(parseDecimal('12.5')).share; // { numerator: 125n, denominator: 1000n }
 */
export function percentage(value: Decimal): Percentage {
  const places = value.decimalPlaces();
  const text = value.toFixed(places);
  return { value, share: { numerator: BigInt(places === 0 ? text : text.replace('.', '')), denominator: 100n * 10n ** BigInt(places) } };
}

/**
 * A line's percentage discount (docs/semantics.md "Invoices"): the percentage of `base` (the line's
 * amount after commitments and the maximum-spend cap, in minor units), rounded once, as a negative
 * `discount` line (none when it is zero).
 * @example
 * // minimum 100, usage 25, 10 % off → base 100.00, a line of -10.00
 * percentageDiscountLine(10000n, percentage(parseDecimal(10)), usd)?.amount; // -1000n
 */
export function percentageDiscountLine(base: MinorUnits, discount: Percentage, ctx: PricingContext): DetailedLine | undefined {
  const amount = scaleMinorUnits(base, discount.share, ctx.rounding);
  if (amount === 0n) return undefined;
  return { name: `Discount (${discount.value.toFixed()}%)`, quantity: ONE, amount: -amount, category: 'discount' };
}
