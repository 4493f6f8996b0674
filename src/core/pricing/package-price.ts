import { Dec, ZERO, type Decimal } from '../money';
import { usageLine, type DetailedLine } from './price-line';
import type { PricingContext } from './pricing-context';
import type { UsageRange } from './usage-range';

/**
 * The number of packages of `size` units needed for `quantity` units: ceil(quantity / size),
 * computed exactly on scaled integers (no division rounding, at any magnitude), 0 at 0.
 * `quantity` ≥ 0 and `size` > 0. @internal
 * @example
 * packagesFor(parseDecimal(1001), parseDecimal(1000)).toFixed(); // '2'
 */
export function packagesFor(quantity: Decimal, size: Decimal): Decimal {
  if (quantity.isZero()) return ZERO;
  const scale = Math.max(quantity.decimalPlaces(), size.decimalPlaces());
  const units = scaledInteger(quantity, scale);
  const per = scaledInteger(size, scale);
  return new Dec(((units + per - 1n) / per).toString());
}

/** `d × 10^scale` as a bigint; `d` has at most `scale` decimal places, so this only formats. */
function scaledInteger(d: Decimal, scale: number): bigint {
  return BigInt(d.toFixed(scale).replace('.', ''));
}

/**
 * Package price: ceil(quantity / quantityPerPackage) × amount. A part of a period covering
 * (`from`, `to`] bills ceil(to / size) − ceil(from / size) packages, so parts add up to the whole.
 * One line whose quantity is the number of packages (none when no package is billed). @internal
 * @example
 * // 2,500 calls in packages of 1,000 at 5.00: 3 packages = 15.00
 */
export function pricePackage(
  model: { readonly amount: Decimal; readonly quantityPerPackage: Decimal },
  range: UsageRange,
  ctx: PricingContext,
): DetailedLine[] {
  const size = model.quantityPerPackage;
  const packages = packagesFor(range.to, size).minus(packagesFor(range.from, size));
  if (packages.isZero()) return [];
  return [usageLine(`Usage (packages of ${size.toFixed()})`, packages, model.amount, ctx)];
}
