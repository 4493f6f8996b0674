import type { Decimal } from '../money';
import { usageLine, type DetailedLine } from './price-line';
import type { PricingContext } from './pricing-context';
import type { UsageRange } from './usage-range';

/**
 * Unit price: the units in (`from`, `to`] × `amount`, one `Usage` line (none when no units).
 * A part of a period bills its own units, so parts add up to the whole. @internal
 * @example
 * priceUnit({ amount: parseDecimal('0.10') }, { from: ZERO, to: parseDecimal(25), firstPart: true }, usd);
 * // [{ name: 'Usage', quantity: 25, unitAmount: 0.10, amount: 2.50, category: 'usage' }]
 */
export function priceUnit(model: { readonly amount: Decimal }, range: UsageRange, ctx: PricingContext): DetailedLine[] {
  const quantity = range.to.minus(range.from);
  return quantity.isZero() ? [] : [usageLine('Usage', quantity, model.amount, ctx)];
}
