import { allocateByLargestRemainder, ONE, ZERO, type Decimal } from '../money';
import type { DetailedLine } from '../pricing/price-line';
import { roundMoney, type PricingContext } from '../pricing/pricing-context';

/** A coupon with its value read: a percentage off every line, or an amount off the invoice. @internal */
export type CouponValue =
  | { readonly key: string; readonly percentage: Decimal }
  | { readonly key: string; readonly amount: Decimal };

/**
 * Applies one coupon to the lines' remaining amounts (after their own discounts and the coupons
 * before it), and returns each line's coupon line, or `undefined` where it takes nothing.
 *
 * - A percentage coupon takes `percentage` % of every line, rounded once per line.
 * - An amount coupon (rounded to the minor units) is spread over the lines in proportion to their
 *   remaining amounts, by largest remainder, and never takes more than they hold together: the
 *   total never goes below zero.
 *
 * @param remaining - each line's amount left to discount, ≥ 0, in minor units.
 * @example
 * // 10.00 off lines of 30.00 and 10.00 → -7.50 and -2.50
 * applyCoupon({ key: 'WELCOME', amount: parseDecimal(10) }, [parseDecimal(30), parseDecimal(10)], usd);
 */
export function applyCoupon(coupon: CouponValue, remaining: readonly Decimal[], ctx: PricingContext): Array<DetailedLine | undefined> {
  const discounts = 'percentage' in coupon ? percentageShares(coupon.percentage, remaining, ctx) : amountShares(coupon.amount, remaining, ctx);
  return discounts.map((d) =>
    d.isZero() ? undefined : { name: `Coupon ${coupon.key}`, quantity: ONE, amount: d.negated(), category: 'discount' as const },
  );
}

function percentageShares(percentage: Decimal, remaining: readonly Decimal[], ctx: PricingContext): Decimal[] {
  return remaining.map((r) => roundMoney(r.times(percentage).div(100), ctx));
}

function amountShares(amount: Decimal, remaining: readonly Decimal[], ctx: PricingContext): Decimal[] {
  const available = remaining.reduce((sum, r) => sum.plus(r), ZERO);
  const wanted = roundMoney(amount, ctx);
  const applied = wanted.lessThan(available) ? wanted : available;
  if (applied.isZero()) return remaining.map(() => ZERO);
  return allocateByLargestRemainder(applied, remaining, ctx.precision);
}
