import type { Decimal } from '../money';
import { usageLine, type DetailedLine } from './price-line';
import type { PricingContext } from './pricing-context';
import type { UsageRange } from './usage-range';

/**
 * Dynamic price: the quantity is itself an amount of money (e.g. a provider's cost passed
 * through), billed × `multiplier` (default 1): one `Usage` line with the multiplier as its unit
 * amount (none when the quantity is 0). @internal
 * @example
 * priceDynamic({ multiplier: parseDecimal('1.2') }, { from: ZERO, to: parseDecimal('10.05'), firstPart: true }, usd);
 * // one line: 10.05 × 1.2 = 12.06
 */
export function priceDynamic(model: { readonly multiplier: Decimal }, range: UsageRange, ctx: PricingContext): DetailedLine[] {
  const quantity = range.to.minus(range.from);
  return quantity.isZero() ? [] : [usageLine('Usage', quantity, model.multiplier, ctx)];
}
