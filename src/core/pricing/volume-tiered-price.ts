import type { Decimal } from '../money';
import type { CompiledTier } from './compiled-price';
import { flatLine, usageLine, type DetailedLine } from './price-line';
import type { PricingContext } from './pricing-context';
import type { UsageRange } from './usage-range';

/**
 * The index of the tier that contains `quantity`: the first whose `upTo` ≥ quantity (bounds are
 * inclusive), or the open-ended last tier. Zero is in the first tier. @internal
 */
export function volumeTierIndex(tiers: readonly CompiledTier[], quantity: Decimal): number {
  const k = tiers.findIndex((tier) => tier.upTo === undefined || quantity.lte(tier.upTo));
  return k === -1 ? tiers.length - 1 : k;
}

/**
 * Volume tiered price (docs/semantics.md D6): the whole quantity is priced by the tier that contains it,
 * its flat amount plus quantity × its unit amount (`Tier k flat fee` and `Tier k usage` lines; a
 * zero flat amount or a zero quantity gives no line). Only a whole period can be priced: the
 * caller refuses a non-zero pre-line quantity. @internal
 * @example
 * // tiers (0, 100] at 1.00, (100, ∞) at 0.80; 150 units → Tier 2 usage 150 × 0.80 = 120.00
 */
export function priceVolume(tiers: readonly CompiledTier[], range: UsageRange, ctx: PricingContext): DetailedLine[] {
  const quantity = range.to.minus(range.from);
  const k = volumeTierIndex(tiers, quantity);
  const tier = tiers[k] as CompiledTier;
  const lines: DetailedLine[] = [];
  if (!tier.flatAmount.isZero()) lines.push(flatLine(`Tier ${k + 1} flat fee`, tier.flatAmount, ctx));
  if (!quantity.isZero()) lines.push(usageLine(`Tier ${k + 1} usage`, quantity, tier.unitAmount, ctx));
  return lines;
}
