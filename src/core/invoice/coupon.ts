import { ONE, allocateByLargestRemainder, type Decimal } from '../money';
import { decimalToMinorUnits, minorUnitsToDecimal, scaleMinorUnits, toMinorUnits, type MinorUnits } from '../pricing/minor-units';
import type { DetailedLine } from '../pricing/price-line';
import type { PricingContext } from '../pricing/pricing-context';
import type { Percentage } from './percentage-discount';

/** A coupon with its value read: a percentage off every line, or an amount off the invoice. @internal */
export type CouponValue =
  | { readonly key: string; readonly percentage: Percentage }
  | { readonly key: string; readonly amount: Decimal };

/**
 * Applies one coupon to the lines' remaining amounts (after their own discounts and the coupons
 * before it), and returns each line's coupon line, or `undefined` where it takes nothing.
 *
 * - A percentage coupon takes its percentage of every line, rounded once per line.
 * - An amount coupon (rounded to the minor units) is spread over the lines in proportion to their
 *   remaining amounts, by largest remainder, and never takes more than they hold together: the
 *   total never goes below zero.
 *
 * @param remaining - each line's amount left to discount, in minor units, ≥ 0.
 * @example
 * // 10.00 off lines of 30.00 and 10.00 → -7.50 and -2.50
 * applyCoupon({ key: 'WELCOME', amount: parseDecimal(10) }, [3000n, 1000n], usd);
 */
export function applyCoupon(coupon: CouponValue, remaining: readonly MinorUnits[], ctx: PricingContext): Array<DetailedLine | undefined> {
  const discounts = 'percentage' in coupon ? percentageShares(coupon.percentage, remaining, ctx) : amountShares(coupon.amount, remaining, ctx);
  const name = `Coupon ${coupon.key}`;
  return discounts.map((d) => (d === 0n ? undefined : { name, quantity: ONE, amount: -d, category: 'discount' as const }));
}

function percentageShares(percentage: Percentage, remaining: readonly MinorUnits[], ctx: PricingContext): MinorUnits[] {
  return remaining.map((r) => scaleMinorUnits(r, percentage.share, ctx.rounding));
}

function amountShares(amount: Decimal, remaining: readonly MinorUnits[], ctx: PricingContext): MinorUnits[] {
  const available = remaining.reduce((sum, r) => sum + r, 0n);
  const wanted = toMinorUnits(amount, ctx);
  const applied = wanted < available ? wanted : available;
  if (applied === 0n) return remaining.map(() => 0n);
  const { precision } = ctx;
  const weights = remaining.map((r) => minorUnitsToDecimal(r, precision));
  return allocateByLargestRemainder(minorUnitsToDecimal(applied, precision), weights, precision).map((d) => decimalToMinorUnits(d, precision));
}
