import type { Decimal } from '../money';
import type { DetailedLine } from '../pricing/price-line';
import { roundMoney, type PricingContext } from '../pricing/pricing-context';
import { ONE } from '../money';

/**
 * A line's percentage discount (SEMANTICS.md "Invoices"): `percentage` % of `base`, the line's
 * amount after commitments and the maximum-spend cap, rounded once, as a negative `discount` line
 * (none when it is zero).
 * @example
 * // minimum 100, usage 25, 10 % off → base 100, a line of -10.00
 * percentageDiscountLine(parseDecimal(100), parseDecimal(10), usd)?.amount.toFixed(); // '-10'
 */
export function percentageDiscountLine(base: Decimal, percentage: Decimal, ctx: PricingContext): DetailedLine | undefined {
  const discount = roundMoney(base.times(percentage).div(100), ctx);
  if (discount.isZero()) return undefined;
  return { name: `Discount (${percentage.toFixed()}%)`, quantity: ONE, amount: discount.negated(), category: 'discount' };
}
