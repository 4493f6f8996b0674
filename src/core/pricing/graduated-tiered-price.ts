import type { CompiledTier } from './compiled-price';
import { flatLine, usageLine, type DetailedLine } from './price-line';
import type { PricingContext } from './pricing-context';
import type { UsageRange } from './usage-range';
import { ZERO } from '../money';
import { compareDecimals } from './compare-decimals';

/**
 * Graduated tiered price (docs/semantics.md D6): tier k covers (previous `upTo`, `upTo`] and each unit is
 * priced in its own tier. For the part (`from`, `to`] of a period it bills, tier by tier:
 *
 * - a `Tier k flat fee` line when usage enters the tier in this part: the first tier's flat amount
 *   is paid by the first part (even at zero usage), any other tier's when its lower bound lies in
 *   [`from`, `to`);
 * - a `Tier k usage` line for the units of (`from`, `to`] inside the tier, at its unit amount.
 *
 * Flat amounts of zero give no line. Parts add up to the whole period. @internal
 * @example
 * // tiers (0, 10] at 1.00 + flat 5, (10, ∞) at 0.50; 15 units, whole period:
 * // Tier 1 flat fee 5.00, Tier 1 usage 10 × 1.00 = 10.00, Tier 2 usage 5 × 0.50 = 2.50 → 17.50
 */
export function priceGraduated(tiers: readonly CompiledTier[], range: UsageRange, ctx: PricingContext): DetailedLine[] {
  const lines: DetailedLine[] = [];
  const { from, to } = range;
  let lower = ZERO;
  for (let k = 0; k < tiers.length; k++) {
    const tier = tiers[k] as CompiledTier;
    // Usage enters tier k > 0 when its lower bound lies in [from, to): past `to`, nothing more.
    if (k > 0 && compareDecimals(lower, to) >= 0) break;
    const lowerInPart = compareDecimals(lower, from) >= 0;
    const entered = k === 0 ? range.firstPart : lowerInPart;
    if (entered && !tier.flatAmount.isZero()) lines.push(flatLine(`Tier ${k + 1} flat fee`, tier.flatAmount, ctx));
    const upper = tier.upTo;
    const top = upper === undefined || compareDecimals(upper, to) > 0 ? to : upper;
    const bottom = lowerInPart ? lower : from;
    if (compareDecimals(top, bottom) > 0) lines.push(usageLine(`Tier ${k + 1} usage`, top.minus(bottom), tier.unitAmount, ctx));
    if (upper === undefined) break;
    lower = upper;
  }
  return lines;
}
